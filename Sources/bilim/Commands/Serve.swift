import ArgumentParser
import BilimCore
import BilimServices
import BilimStore
import BilimWeb
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus
import ServiceLifecycle

/// `bilim serve`: the portal, the back office and the JSON API.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the web server.")
    @Option(help: "Address to listen on.") var host = ProcessInfo.processInfo.environment["BILIM_HOST"] ?? "127.0.0.1"
    @Option(help: "Port to listen on.") var port = Int(ProcessInfo.processInfo.environment["BILIM_PORT"] ?? "") ?? 8080
    @Flag(help: "Create the demo accounts (with their published password), data and EDS authority on an empty database (also BILIM_DEMO=1). Never with an https BILIM_PUBLIC_URL.")
    var demo = false
    @Option(help: "Directory of service passport JSON files (default: the shipped ones).") var passports: String?

    func run() async throws {
        let env = ProcessInfo.processInfo.environment
        LoggingSystem.bootstrap { label in
            var h = StreamLogHandler.standardError(label: label)
            h.logLevel = Logger.Level(rawValue: env["BILIM_LOG_LEVEL"] ?? "info") ?? .info
            return h
        }
        let logger = Logger(label: "bilim.serve")
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))

        let catalog: PassportCatalog
        do {
            catalog = try ShippedData.passportCatalog(directory: passports.map { URL(fileURLWithPath: $0) })
        } catch { throw UsageFailure("cannot start: \(error)") }
        let url: DatabaseURL
        do { url = try DatabaseURL(env["DATABASE_URL"]) } catch { throw UsageFailure("cannot start: \(error)") }
        let database: Database
        do { database = try await Database.open(url, logger: logger) } catch {
            throw UsageFailure("cannot start: \(error)")
        }
        let runner = MigrationRunner()
        do {
            if url.isSQLite {
                let applied = try await runner.migrate(on: database)
                if !applied.isEmpty { say("migrated \(url): \(applied.count) migration(s)") }
            } else {
                let pending = try await runner.pending(on: database)
                guard pending.isEmpty else {
                    throw UsageFailure("\(pending.count) migration(s) pending on \(url): run 'bilim migrate' first")
                }
            }
        } catch {
            try? await database.shutdown()
            throw UsageFailure("cannot start: \(error)")
        }
        // Demo accounts share a published password: only when asked for, and never on a public https address.
        let demo = self.demo || env["BILIM_DEMO"] == "1"
        let publicURL = env["BILIM_PUBLIC_URL"].flatMap { $0.isEmpty ? nil : $0 }
        if demo, publicURL?.lowercased().hasPrefix("https://") == true {
            try? await database.shutdown()
            throw UsageFailure("cannot start: demo data (published passwords) is never served on an https BILIM_PUBLIC_URL")
        }
        // Absolute links (a document's QR code) come from BILIM_PUBLIC_URL only, never from a request's Host header.
        guard publicURL != nil || demo else {
            try? await database.shutdown()
            throw UsageFailure("cannot start: set BILIM_PUBLIC_URL, the address people reach the service at (printed in documents' QR codes)")
        }
        let trusted: [AddressRange]
        switch AddressRange.list(env["BILIM_TRUSTED_PROXIES"] ?? "") {
        case .success(let list): trusted = list
        case .failure(let bad):
            try? await database.shutdown()
            throw UsageFailure("cannot start: BILIM_TRUSTED_PROXIES: \(bad)")
        }
        // EDS: the trust store (ca.pem and *.crl) from BILIM_EDS_TRUST; the demo makes its own test authority.
        var trust = env["BILIM_EDS_TRUST"].map { URL(fileURLWithPath: $0) }
        if trust == nil, demo {
            let dir = URL(fileURLWithPath: env["BILIM_DEMO_PKI"] ?? (url.sqlitePath.map { $0 + ".demo-pki" } ?? "bilim-demo-pki"))
            do { try DemoCertificates.ensure(directory: dir, now: Date()) } catch { throw UsageFailure("cannot create the demo EDS authority: \(error)") }
            trust = dir
        }
        let eds: (any CertificateVerifier)?
        do { eds = try trust.map { try TrustStoreVerifier.load(directory: $0, logger: Logger(label: "bilim.eds")) } } catch {
            throw UsageFailure("cannot start: \(error)")
        }
        // BILIM_DEMO_DATE=YYYY-MM-DD runs the demo's clock from that day (the admission is seasonal); demo only.
        var clock: any Clock = SystemClock()
        if demo, let text = env["BILIM_DEMO_DATE"] {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = LocalTime.almaty.zone
            guard let day = CivilDate(iso: text),
                let start = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 10))
            else {
                throw UsageFailure("cannot start: BILIM_DEMO_DATE must be YYYY-MM-DD, got \(text)")
            }
            clock = ShiftedClock(startingAt: start)
            say("demo clock: today is \(day.iso)")
        }
        let deps = ServiceDependencies(database: database, passports: catalog, clock: clock, logger: logger, eds: eds)
        if demo, try await DemoData.seedIfEmpty(database, clock: deps.clock) {
            let programs = try await DemoData.seedAdmission(deps)
            say("created demo data (\(programs) admission programs for \(deps.today.year))")
        }
        if demo {
            say("demo sign-in (password for every account: \(DemoData.password)):")
            for a in DemoData.accounts { say("  \(a.login.padding(toLength: 14, withPad: " ", startingAt: 0)) \(a.role.rawValue)") }
            say(
                "applicants may also sign in with a one-time password: IIN \(DemoData.parentIIN.digits); the SMS lands in the standin_sms table")
            if let trust { say("EDS sign-in: demo certificates and keys in \(trust.path) (see README.txt there)") }
        }
        // Notifications go out from the outbox; BILIM_OUTBOX=off leaves them queued (for tests that stop a process
        // between a change and its delivery).
        let delivery = OutboxDelivery(
            database: database, gateway: EmbeddedSMSGateway(database: database, clock: deps.clock), clock: deps.clock,
            logger: Logger(label: "bilim.outbox"))
        let workers: [any Service] = (env["BILIM_OUTBOX"] == "off" ? [] : [OutboxWorker(delivery: delivery)]) + [ContractExpiryWorker(deps: deps), MaintenanceWorker(deps: deps)]
        let app = try await buildApplication(
            configuration: WebConfiguration(
                host: host, port: port, secureCookies: env["BILIM_SECURE_COOKIES"] != "0",
                publicURL: publicURL ?? "http://\(host):\(port)", trustedProxies: trusted,
                metricsToken: env["BILIM_METRICS_TOKEN"]),
            dependencies: deps, registry: registry, services: workers, logger: logger)
        say("Bilim is running on \(url): open http://\(host):\(port)/")
        do {
            try await app.runService()
        } catch {
            try? await database.shutdown()
            throw error
        }
        try await database.shutdown()
    }
}

/// Writes a line to standard output unbuffered, so the address and the accounts appear at once, also when piped.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
