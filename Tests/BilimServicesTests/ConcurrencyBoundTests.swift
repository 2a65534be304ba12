import BilimCore
import BilimServices
import BilimStore
import BilimTestSupport
import Foundation
import SQLKit
import Testing

/// Protections that must hold when requests really run at once (on PostgreSQL they do; SQLite serializes them):
/// bursts fired in parallel, and the bound asserted by counting rows.
/// Runs `body` `count` times at once and collects each outcome: its value, a DomainError's code, or "error: …".
func burst(_ count: Int, _ body: @escaping @Sendable (Int) async throws -> String) async -> [String] {
    await withTaskGroup(of: String.self) { group in
        for i in 0..<count {
            group.addTask {
                do { return try await body(i) } catch let e as DomainError { return e.code.rawValue } catch { return "error: \(error)" }
            }
        }
        var all: [String] = []
        for await o in group { all.append(o) }
        return all
    }
}

@Suite struct ConcurrencyBoundTests {
    func count(_ db: any SQLDatabase, _ table: String, _ filter: (column: String, value: String)? = nil) async throws -> Int {
        let q = db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)
        if let filter { q.where(SQLColumn(filter.column), .equal, SQLBind(filter.value)) }
        return try await q.first(decodingColumn: "n", as: Int.self) ?? -1
    }

    @Test(
        "50 one-time codes for one IIN sent at once: at most 5 are compared, the right one among the rest fails, the IIN is locked, no error but the refusals",
        arguments: TestDatabase.allConfigured)
    func otpBurst(_ kind: TestDatabase) async throws {
        try await Scenario.run(kind, at: "2025-03-03T10:00") { s in
            let otp = OTPSignIn(s.deps, gateway: s.sms)
            let iin = DemoData.parentIIN.digits
            try await otp.request(iin: iin, address: "10.0.0.1", codeSource: { "482913" })
            // 49 wrong codes and the right one last, all at once.
            let codes = (0..<49).map { String(format: "%06d", 100_000 + $0) } + ["482913"]
            let outcomes = await burst(codes.count) { i in
                let code = codes[i]
                _ = try await otp.verify(iin: iin, code: code, address: "10.0.0.1")
                return "session"
            }
            #expect(!outcomes.contains { $0.hasPrefix("error") }, "\(outcomes.filter { $0.hasPrefix("error") }.prefix(3))")
            #expect(Set(outcomes).isSubset(of: ["otp.wrong", "otp.locked", "session"]), "\(Set(outcomes))")
            let challenge = try #require(try await OTPRepository(db: s.deps.database.sql).latest(iin: iin))
            // Every check was counted before its comparison: never more than five.
            #expect(challenge.failures <= OTPPolicy.maxFailures)
            #expect(outcomes.filter { $0 == "otp.wrong" || $0 == "session" }.count <= OTPPolicy.maxFailures)
            // The lock holds afterwards for the right code too.
            if !outcomes.contains("session") {
                await #expect(throws: DomainError.self) { try await otp.verify(iin: iin, code: "482913", address: "10.0.0.1") }
                #expect(try await OTPRepository(db: s.deps.database.sql).lockedUntil(iin: iin) != nil)
            }
        }
    }

    @Test(
        "40 confirmation codes for one application sent at once: at most 5 are compared and at most one case is registered",
        arguments: TestDatabase.allConfigured)
    func confirmationBurst(_ kind: TestDatabase) async throws {
        try await Scenario.run(kind, at: "2025-03-03T10:00") { s in
            let parent = try await s.actor("applicant")
            let a = s.portalApplication()
            let prepared = try await ApplicationConfirmation(s.deps).prepare(
                a.content, method: "otp", actor: parent, gateway: s.sms, codeSource: { "424242" })
            let codes = (0..<39).map { String(format: "%06d", 500_000 + $0) } + ["424242"]
            let outcomes = await burst(codes.count) { i in
                let code = codes[i]
                _ = try await ApplicationIntake(s.deps).submit(
                a, by: parent, confirmation: .otp(challengeId: prepared.challengeId, code: code))
                return "registered"
            }
            #expect(!outcomes.contains { $0.hasPrefix("error") }, "\(outcomes.filter { $0.hasPrefix("error") }.prefix(3))")
            #expect(outcomes.filter { $0 == "otp.wrong" || $0 == "registered" }.count <= OTPPolicy.maxFailures, "\(outcomes)")
            let challenge = try #require(try await ChallengeRepository(db: s.deps.database.sql).find(id: prepared.challengeId))
            #expect(challenge.failures <= OTPPolicy.maxFailures)
            #expect(try await count(s.deps.database.sql, "cases") <= 1)
        }
    }

    @Test(
        "the same desk application sent 20 times at once registers one case; the others get the clear conflict naming it",
        arguments: TestDatabase.allConfigured)
    func deskBurst(_ kind: TestDatabase) async throws {
        try await Scenario.run(kind, at: "2025-03-03T10:00") { s in
            let staff = try await s.actor("school.staff")
            let a = Application(
                service: .s1, channel: .office, applicantIIN: DemoData.parentIIN.digits, providerId: "org-almaty-school-1",
                documentId: "doc-certificate-2002", documents: ["application", "identity-document"], consent: true, language: .ru)
            let outcomes = await burst(20) { _ in
                do {
                    return try await ApplicationIntake(s.deps).submit(a, by: staff).caseRow?.registrationNumber ?? "no case"
                } catch let e as DomainError {
                    return "\(e.code.rawValue) \(e.arguments["number"] ?? "")"
                }
            }
            #expect(try await count(s.deps.database.sql, "cases") == 1)
            let number = "S1-2025-000001"
            #expect(outcomes.filter { $0 == number }.count == 1, "\(outcomes)")
            #expect(outcomes.filter { $0 == "application.duplicate \(number)" }.count == 19, "\(outcomes)")
        }
    }

    @Test(
        "a portal application retried 20 times at once with one Idempotency-Key answers every retry with the first case",
        arguments: TestDatabase.allConfigured)
    func idempotentBurst(_ kind: TestDatabase) async throws {
        try await Scenario.run(kind, at: "2025-03-03T10:00") { s in
            let parent = try await s.actor("applicant")
            let a = s.portalApplication(key: "tab-retry-1")
            let prepared = try await ApplicationConfirmation(s.deps).prepare(
                a.content, method: "otp", actor: parent, gateway: s.sms, codeSource: { "424242" })
            let outcomes = await burst(20) { _ in
                let o = try await ApplicationIntake(s.deps).submit(
                a, by: parent, confirmation: .otp(challengeId: prepared.challengeId, code: "424242"))
                return o.caseRow?.registrationNumber ?? "no case"
            }
            #expect(try await count(s.deps.database.sql, "cases") == 1)
            // At most five checks of the code are counted; a retry past them still finds its case by the key.
            #expect(outcomes.allSatisfy { $0 == "S1-2025-000001" }, "\(outcomes)")
        }
    }

    @Test(
        "the same programs file loaded 20 times at once: one loads, every other is refused line by line (no 500), and no import is left running",
        arguments: TestDatabase.allConfigured)
    func programImportBurst(_ kind: TestDatabase) async throws {
        try await Scenario.run(kind, at: "2026-06-01T10:00") { s in
            let department = try await s.actor("department")
            let csv = "code,organization,specialty,qualification,base,language,form,funding,level,exam,pedagogical,seats,rural,exempt,subjects\n"
                + "R-1,org-almaty-college-1,Cook,Cook,basic-secondary,kk,full-time,state-order,worker,none,no,25,no,no,kazakh-language;mathematics\n"
                + "R-2,org-almaty-college-1,Baker,Baker,basic-secondary,ru,full-time,state-order,worker,none,no,25,no,no,mathematics\n"
            let outcomes = await burst(20) { i in
                do {
                    let o = try await ProgramCatalog(s.deps).load(csv: csv, filename: "p.csv", by: department, importId: "burst-\(i)")
                    return "loaded \(o.programs)"
                } catch let r as ProgramImportRefused {
                    // Each of the two lines is named, with the collision the database would have refused.
                    let lines = Set(r.errors.map(\.line))
                    let codes = Set(r.errors.map(\.error.code))
                    return lines == [2, 3] && codes.isSubset(of: [.importDuplicate, .importSameProgram]) ? "refused by line" : "refused \(r.errors)"
                }
            }
            #expect(outcomes.filter { $0 == "loaded 2" }.count == 1, "\(outcomes)")
            #expect(outcomes.filter { $0 == "refused by line" }.count == 19, "\(outcomes)")
            #expect(try await count(s.deps.database.sql, "admission_programs") == 2)
            for i in 0..<20 {
                switch await ImportProgress.shared.state("burst-\(i)", owner: department.userId) {
                case .loaded?, .refused?: break
                case let other: Issue.record("burst-\(i) is \(String(describing: other))")
                }
            }
            // A later file that repeats a loaded program under a new code is refused on that line, before the database.
            let again = csv.replacingOccurrences(of: "R-1,", with: "R-9,")
            do {
                _ = try await ProgramCatalog(s.deps).load(csv: again, filename: "p.csv", by: department)
                Issue.record("loaded twice")
            } catch let r as ProgramImportRefused {
                #expect(r.errors.contains { $0.line == 2 && $0.error.code == .importSameProgram })
                #expect(r.errors.first { $0.line == 2 }?.error.message(in: .ru) == "Строка «R-9» повторяет ту же программу (—): совпадают организация, специальность, квалификация, основа, язык, форма обучения и финансирование.")
            }
        }
    }

    @Test("the first one-time-code sign-in finds the person's user by an index, not by reading every user", arguments: TestDatabase.allConfigured)
    func indexedLookup(_ kind: TestDatabase) async throws {
        try await Scenario.run(kind, at: "2025-03-03T10:00") { s in
            let sql = s.deps.database.sql
            let plan: String
            if s.deps.database.url.isSQLite {
                plan = try await sql.raw("EXPLAIN QUERY PLAN SELECT * FROM users WHERE person_iin = 'x' AND role = 'applicant'").all()
                    .map { (try? $0.decode(column: "detail", as: String.self)) ?? "" }.joined(separator: "\n")
            } else {
                // On a tiny table PostgreSQL rightly prefers a scan; with scans priced out it must still find an index.
                plan = try await s.deps.database.transaction { db in
                    try await db.raw("SET LOCAL enable_seqscan = off").run()
                    return try await db.raw("EXPLAIN SELECT * FROM users WHERE person_iin = 'x' AND role = 'applicant'").all()
                        .map { (try? $0.decode(column: "QUERY PLAN", as: String.self)) ?? "" }.joined(separator: "\n")
                }
            }
            #expect(plan.contains("users_person"), "\(plan)")
            #expect(!plan.contains("SCAN users") && !plan.contains("Seq Scan"), "\(plan)")
        }
    }
}

@Suite struct SignInThrottleTests {
    @Test(
        "30 wrong staff passwords at once all count; the login is locked out with back-off, even for the right password, until the administrator lifts it",
        arguments: TestDatabase.allConfigured)
    func staffBurst(_ kind: TestDatabase) async throws {
        try await Scenario.run(kind, at: "2025-03-03T10:00") { s in
            let signIn = StaffSignIn(database: s.deps.database, clock: s.clock)
            let outcomes = await burst(30) { i in
                _ = try await signIn.signIn(login: "school.staff", password: "guess-\(i)", address: "10.0.0.\(i % 3)")
                return "signed in"
            }
            #expect(Set(outcomes).isSubset(of: ["signIn.failed", "signIn.locked"]), "\(Set(outcomes))")
            let row = try await s.deps.database.sql.select().columns("failures", "locked_until").from("sign_in_throttles")
                .where("key", .equal, "login:school.staff").first()
            let failures = try #require(try row?.decode(column: "failures", as: Int.self))
            // Every refusal that reached the password check was counted, none lost to a race.
            #expect(failures == outcomes.filter { $0 == "signIn.failed" }.count)
            let lockedUntil = try row?.decode(column: "locked_until", as: String?.self)
            #expect(failures >= StaffSignIn.maxFailures && lockedUntil != nil)
            await #expect(throws: DomainError.self) { try await signIn.signIn(login: "school.staff", password: DemoData.password) }
            // Back-off: a minute at the limit, doubling past it, at most an hour.
            #expect(StaffSignIn.lockout(failures: 5, limit: 5) == 60 && StaffSignIn.lockout(failures: 7, limit: 5) == 240)
            #expect(StaffSignIn.lockout(failures: 99, limit: 5) == 3600)
            // Only the administrator lifts it; then the right password works.
            await #expect(throws: DomainError(.forbidden)) { try await signIn.lift(login: "school.staff", by: try await s.actor("school.staff")) }
            #expect(try await signIn.lift(login: "school.staff", by: try await s.actor("admin")))
            #expect(try await signIn.signIn(login: "school.staff", password: DemoData.password).login == "school.staff")
        }
    }

    @Test("the scheduled purge removes expired sessions, one-time codes, lock-outs and unanswered challenges, and keeps the live ones", arguments: TestDatabase.allConfigured)
    func purge(_ kind: TestDatabase) async throws {
        try await Scenario.run(kind, at: "2025-03-03T10:00") { s in
            let sessions = Sessions(database: s.deps.database, clock: s.clock)
            let old = try await sessions.start(userId: try #require(try await ReferenceRepository(db: s.deps.database.sql).user(login: "operator")).id)
            let otp = OTPSignIn(s.deps, gateway: s.sms)
            try await otp.request(iin: DemoData.parentIIN.digits, address: "10.0.0.1", codeSource: { "111111" })
            _ = try await EDSSignIn(s.deps).challenge()
            s.clock.set(almaty: "2025-03-03T11:00")
            let fresh = try await sessions.start(userId: try #require(try await ReferenceRepository(db: s.deps.database.sql).user(login: "admin")).id)
            let removed = try await MaintenanceWorker(deps: s.deps).pass()
            #expect(removed["sessions"] == 1 && removed["otp_challenges"] == 1 && removed["signing_challenges"] == 1, "\(removed)")
            #expect(try await sessions.user(token: old) == nil)
            #expect(try await sessions.user(token: fresh)?.login == "admin")
        }
    }
}
