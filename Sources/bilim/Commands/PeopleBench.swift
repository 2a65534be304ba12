import ArgumentParser
import BilimCore
import BilimServices
import BilimStore
import Foundation
import Logging
import SQLKit

/// `bilim bench people`: a country's people and applicant users (1,000,000 by default) in a database (a throw-away
/// SQLite file, or `DATABASE_URL`), then the lookups of sign-in and of each role's main page timed: a person's first
/// one-time-code sign-in (found by IIN, the user created), and the signed-in user with their scope (the actor and
/// the cases they see). Prints the median and the 90th percentile of each, and the plans of the lookups.
struct PeopleBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people", abstract: "Sign-in and main-page lookups among a country's people: median and p90.")

    @Option(help: "People (each with an applicant user) to seed.") var people = 1_000_000
    @Option(help: "Timed lookups of each kind.") var runs = 200

    func validate() throws {
        guard people > 0, people <= 50_000_000, runs > 0 else { throw ValidationError("people must be 1…50,000,000, runs > 0") }
    }

    func run() async throws {
        try await BenchDatabase.with(name: "people") { database, url, logger in try await measure(database, url: url, logger: logger) }
    }

    func measure(_ database: Database, url: DatabaseURL, logger: Logger) async throws {
        _ = try await MigrationRunner().migrate(on: database)
        let sql = database.sql
        let clock = ContinuousClock()
        let seeded = try await clock.measure { try await seed(sql, sqlite: url.isSQLite) }
        print("seeded on \(url.isSQLite ? "SQLite" : "PostgreSQL"): \(people) people and applicant users (in \(BenchCommand.AllocationBench.ms(seeded)))")
        let deps = ServiceDependencies(database: database, passports: try ShippedData.passportCatalog(), logger: logger)
        // First sign-ins: people with a valid IIN and no user yet.
        let fresh = (0..<runs).map { IIN.compose(birthDate: CivilDate(year: 1990, month: 1, day: 1 + $0 % 28) ?? .earliest, sex: .male, serial: 1000 + $0) }
        for iin in fresh {
            let name = try PersonName(surname: "Bench", givenName: "First", patronymic: nil)
            try await ReferenceRepository(db: sql).insert(PersonRow(iin: iin, name: name, phone: "+77010000000", createdAt: Date()))
        }
        var firstSignIn: [Duration] = []
        for iin in fresh {
            firstSignIn.append(try await clock.measure { _ = try await OTPSignIn.applicantUser(iin: iin, now: Date(), deps: deps) })
        }
        // A signed-in applicant's main page: the user, their actor (the minors they represent) and their cases.
        var page: [Duration] = []
        var g = SystemRandomNumberGenerator()
        for _ in 0..<runs {
            let n = Int.random(in: 1...people, using: &g)
            page.append(
                try await clock.measure {
                    guard let user = try await ReferenceRepository(db: sql).user(login: "iin:" + Self.iin(n)) else { return }
                    let actor = try await Actor.of(user, database: database, today: deps.today)
                    _ = try await CaseRepository(db: sql).visible(to: actor)
                })
        }
        print("first one-time-code sign-in (person by IIN, user created): " + Self.figures(firstSignIn))
        print("applicant's main page lookups (user by login, actor, cases): " + Self.figures(page))
        for (label, query) in [
            ("applicant user by IIN", "SELECT * FROM users WHERE person_iin = '\(Self.iin(people / 2))' AND role = 'applicant'"),
            ("user by login", "SELECT * FROM users WHERE login = 'iin:\(Self.iin(people / 2))'"),
            ("person by IIN", "SELECT * FROM persons WHERE iin = '\(Self.iin(people / 2))'"),
        ] {
            let plan = try await sql.raw(Self.raw((url.isSQLite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + query)).all().map { row in
                (try? row.decode(column: url.isSQLite ? "detail" : "QUERY PLAN", as: String.self)) ?? ""
            }.joined(separator: " | ")
            print("plan, \(label): \(plan)")
        }
    }

    /// The n-th seeded person's IIN-shaped key: 12 digits starting with 9 (no real IIN's century digit is 9's
    /// neighbour here: these are bench rows, never valid IINs, so they cannot collide with the people signed in).
    static func iin(_ n: Int) -> String { "9" + String(repeating: "0", count: max(0, 11 - String(n).count)) + String(n) }

    func seed(_ sql: any SQLDatabase, sqlite: Bool) async throws {
        let now = Instant.text(Date())
        let batch = 100_000
        var from = 1
        while from <= people {
            let to = min(from + batch - 1, people)
            if sqlite {
                let series = "WITH RECURSIVE g(x) AS (SELECT \(from) UNION ALL SELECT x + 1 FROM g WHERE x < \(to)) "
                let key = "'9' || printf('%011d', x)"
                try await sql.raw(Self.raw(series + "INSERT INTO persons (iin, surname, given_name, birth_date, sex, created_at) SELECT \(key), 'Bench', 'Person', '2000-01-01', 'male', '\(now)' FROM g")).run()
                try await sql.raw(Self.raw(series + "INSERT INTO users (id, login, role, person_iin, display_name, language, created_at) SELECT 'bench-' || x, 'iin:' || \(key), 'applicant', \(key), 'Bench Person', 'kk', '\(now)' FROM g")).run()
            } else {
                let key = "'9' || lpad(x::text, 11, '0')"
                try await sql.raw(Self.raw("INSERT INTO persons (iin, surname, given_name, birth_date, sex, created_at) SELECT \(key), 'Bench', 'Person', '2000-01-01', 'male', '\(now)' FROM generate_series(\(from), \(to)) x")).run()
                try await sql.raw(Self.raw("INSERT INTO users (id, login, role, person_iin, display_name, language, created_at) SELECT 'bench-' || x, 'iin:' || \(key), 'applicant', \(key), 'Bench Person', 'kk', '\(now)' FROM generate_series(\(from), \(to)) x")).run()
            }
            from = to + 1
        }
        if !sqlite { try await sql.raw("ANALYZE persons").run(); try await sql.raw("ANALYZE users").run() } else { try await sql.raw("ANALYZE").run() }
    }

    /// Bench SQL built from numbers and constants only: no input reaches it.
    static func raw(_ text: String) -> SQLQueryString { "\(unsafeRaw: text)" }

    static func figures(_ times: [Duration]) -> String {
        let sorted = times.sorted()
        let p90 = sorted[min(sorted.count - 1, sorted.count * 9 / 10)]
        return "median \(BenchCommand.AllocationBench.ms(sorted[sorted.count / 2])), p90 \(BenchCommand.AllocationBench.ms(p90)) over \(times.count)"
    }
}
