import BilimCore
import BilimStore
import BilimTestSupport
import Foundation
import SQLKit
import Testing

@Suite struct RepositoryTests {
    @Test("the outbox writes a notification once and delivers it at least once", arguments: TestDatabase.allConfigured)
    func outbox(_ kind: TestDatabase) async throws {
        try await kind.with { db in
            try await StoreFixtures.seedCase(db)
            let outbox = OutboxRepository(db: db.sql)
            let t0 = StoreFixtures.now

            let first = try await outbox.enqueue(
                id: "m1", idempotencyKey: "case-1:registered:sms", channel: "sms", recipientIIN: "900514300121",
                caseId: "case-1", template: "registered", language: .kk, payload: "{}", now: t0)
            let again = try await outbox.enqueue(
                id: "m2", idempotencyKey: "case-1:registered:sms", channel: "sms", recipientIIN: "900514300121",
                caseId: "case-1", template: "registered", language: .kk, payload: "{}", now: t0)
            #expect(first && !again)

            // A worker claims it, then dies: after the lease the message is due again.
            #expect(try await outbox.claimDue(now: t0, lease: 30, limit: 10).map(\.id) == ["m1"])
            #expect(try await outbox.claimDue(now: t0.addingTimeInterval(10), lease: 30, limit: 10).isEmpty)
            #expect(try await outbox.claimDue(now: t0.addingTimeInterval(31), lease: 30, limit: 10).map(\.id) == ["m1"])

            // A failed attempt is retried later, not before.
            try await outbox.markFailed(id: "m1", error: "gateway 503", retryAt: t0.addingTimeInterval(120), maxAttempts: 5)
            #expect(try await outbox.claimDue(now: t0.addingTimeInterval(60), lease: 30, limit: 10).isEmpty)
            #expect(try await outbox.claimDue(now: t0.addingTimeInterval(121), lease: 30, limit: 10).map(\.id) == ["m1"])

            try await outbox.markSent(id: "m1", now: t0.addingTimeInterval(122))
            #expect(try await outbox.claimDue(now: t0.addingTimeInterval(1000), lease: 30, limit: 10).isEmpty)
            let sent = try #require(try await outbox.message(id: "m1"))
            #expect(sent.status == "sent" && sent.attempts == 2)
        }
    }

    @Test("a transaction that throws leaves nothing behind", arguments: TestDatabase.allConfigured)
    func rollback(_ kind: TestDatabase) async throws {
        struct Boom: Error {}
        try await kind.with { db in
            await #expect(throws: Boom.self) {
                try await db.transaction { conn in
                    try await ReferenceRepository(db: conn).insert(
                        RegionRow(code: "KZ-71", name: LocalizedText(kk: "Астана", ru: "Астана", en: "Astana")))
                    throw Boom()
                }
            }

            let regions = try await ReferenceRepository(db: db.sql).regions()
            #expect(regions.isEmpty)
        }
    }

    @Test("a document's series and number are unique in the registry", arguments: TestDatabase.allConfigured)
    func registry(_ kind: TestDatabase) async throws {
        try await kind.with { db in
            try await StoreFixtures.seedCase(db)
            let registry = DocumentRegistryRepository(db: db.sql)
            func doc(_ id: String) -> EducationDocumentRow {
                EducationDocumentRow(
                    id: id, kind: "general-secondary-certificate", series: "ЖОБ", number: "0012345",
                    issueDate: CivilDate(year: 2002, month: 6, day: 20)!, organizationId: "org-1",
                    holderIin: "900514300121", holderName: "Әбілқасымова Гүлнұр", specialty: nil, qualification: nil,
                    duplicateOf: nil, createdAt: StoreFixtures.now)
            }

            try await registry.insert(doc("d1"), grades: [GradeRow(documentId: "d1", subject: "mathematics", gradeHundredths: 500)])
            await #expect(throws: (any Error).self) { try await registry.insert(doc("d2"), grades: []) }

            #expect(try await registry.documents(holderIIN: "900514300121").map(\.id) == ["d1"])
            #expect(try await registry.grades(documentId: "d1").map(\.gradeHundredths) == [500])
            #expect(try await registry.document(id: "d1")?.holderName == "Әбілқасымова Гүлнұр")
        }
    }

    @Test("an operator's calendar year replaces the stored one", arguments: TestDatabase.allConfigured)
    func calendarYears(_ kind: TestDatabase) async throws {
        try await kind.with { db in
            let repo = CalendarRepository(db: db.sql)
            let name = LocalizedText(kk: "Жаңа жыл", ru: "Новый год", en: "New Year")
            var year = CalendarYearData(
                year: 2027, source: "test", holidays: [.init(date: CivilDate(year: 2027, month: 1, day: 1)!, kind: .public, name: name)],
                transfers: [])

            try await repo.save(year, loadedBy: "admin", now: StoreFixtures.now)
            year.source = "corrected"
            try await repo.save(year, loadedBy: "admin", now: StoreFixtures.now)

            #expect(try await repo.all() == [year])
        }
    }

    @Test("sessions expire", arguments: TestDatabase.allConfigured)
    func sessions(_ kind: TestDatabase) async throws {
        try await kind.with { db in
            let repo = SessionRepository(db: db.sql)
            try await repo.set(key: "k", value: "v", expiresAt: StoreFixtures.now.addingTimeInterval(60))

            #expect(try await repo.get(key: "k", now: StoreFixtures.now) == "v")
            #expect(try await repo.get(key: "k", now: StoreFixtures.now.addingTimeInterval(61)) == nil)
            #expect(try await repo.get(key: "k", now: StoreFixtures.now) == nil)
        }
    }

    @Test("what was committed to a SQLite file survives closing and reopening it")
    func durable() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bilim-\(UUID().uuidString).sqlite").path
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let first = try await Database.open(.sqliteFile(path: path), logger: TestDatabase.quietLogger)
        try await MigrationRunner().migrate(on: first)
        try await StoreFixtures.seedCase(first, id: "case-durable")
        try await first.shutdown()

        let second = try await Database.open(.sqliteFile(path: path), logger: TestDatabase.quietLogger)
        let found = try await CaseRepository(db: second.sql).find(id: "case-durable")
        try await second.shutdown()

        #expect(found?.registrationNumber == "REG-case-durable")
    }

    @Test("an unreachable PostgreSQL server is a clear error without the password")
    func unreachable() async throws {
        do {
            _ = try await Database.open(.postgres(url: "postgres://bilim:s3cret@127.0.0.1:9/bilim"), logger: TestDatabase.quietLogger)
            Issue.record("opened a database that does not exist")
        } catch {
            #expect(error.description.contains("cannot open the database postgres://bilim:***@127.0.0.1:9/bilim"))
            #expect(!error.description.contains("s3cret"))
        }
    }

    @Test("DATABASE_URL forms", arguments: [
        ("", DatabaseURL.sqliteFile(path: "data/bilim.sqlite")), ("sqlite::memory:", .sqliteMemory),
        ("sqlite:/tmp/x.sqlite", .sqliteFile(path: "/tmp/x.sqlite")), ("postgres://a:b@h/d", .postgres(url: "postgres://a:b@h/d")),
    ])
    func urls(_ raw: String, _ expected: DatabaseURL) throws {
        #expect(try DatabaseURL(raw) == expected)
    }

    @Test("an unknown DATABASE_URL scheme is refused with the URL redacted")
    func badURL() {
        #expect(throws: DatabaseURL.Invalid.self) { try DatabaseURL("mysql://root:pw@h/db") }
        #expect(DatabaseURL.redact("mysql://root:pw@h/db") == "mysql://root:***@h/db")
    }
}
