import BilimCore
import BilimServices
import BilimStore
import BilimTestSupport
import Foundation

/// A database with demo data, services wired to stand-ins and a clock the scenario moves.
struct Scenario: Sendable {
    let deps: ServiceDependencies
    let clock: MovableClock
    let sms: EmbeddedSMSGateway

    static func run<R: Sendable>(
        _ kind: TestDatabase, at start: String, _ body: @Sendable (Scenario) async throws -> R
    ) async throws -> R {
        try await kind.with { db in
            let clock = MovableClock(almaty: start)
            try await DemoData.seedIfEmpty(db, clock: clock)
            let deps = ServiceDependencies(
                database: db, passports: try ShippedData.passportCatalog(), clock: clock, ids: SequentialIDs(),
                logger: CapturedLogs().logger)
            return try await body(Scenario(deps: deps, clock: clock, sms: EmbeddedSMSGateway(database: db, clock: clock)))
        }
    }

    func actor(_ login: String) async throws -> Actor {
        let user = try await ReferenceRepository(db: deps.database.sql).user(login: login)!
        return try await Actor.of(user, database: deps.database, today: deps.today)
    }

    var delivery: OutboxDelivery { OutboxDelivery(database: deps.database, gateway: sms, clock: clock, logger: deps.logger) }

    /// The demo parent's portal application for a duplicate of their school certificate.
    func portalApplication(key: String? = nil, document: String? = "doc-certificate-2002") -> Application {
        Application(
            service: .s1, channel: .portal, applicantIIN: DemoData.parentIIN.digits, providerId: "org-almaty-school-1",
            documentId: document, documents: ["e-application"], consent: true, language: .ru, idempotencyKey: key)
    }

    func events(_ caseId: String) async throws -> [String] {
        try await AuditChain(db: deps.database.sql).events(caseId: caseId).map(\.kind)
    }
}
