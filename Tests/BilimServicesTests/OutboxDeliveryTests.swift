import BilimCore
import BilimServices
import BilimStore
import BilimTestSupport
import Foundation
import Testing

@Suite struct OutboxDeliveryTests {
    @Test("each status change sends one SMS and one cabinet message in the applicant's language", arguments: TestDatabase.allConfigured)
    func delivered(_ kind: TestDatabase) async throws {
        try await Scenario.run(kind, at: "2025-03-03T10:00") { s in
            let c = try #require(try await ConfirmedIntake(s.deps).submit(s.portalApplication(), by: try await s.actor("applicant")).caseRow)
            try await CaseWorkflow(s.deps).perform(.acceptForReview, on: c.id, by: try await s.actor("school.staff"))

            #expect(try await s.delivery.deliverDue() == 4)
            #expect(try await s.delivery.deliverDue() == 0)

            let sms = try await s.sms.sent()
            #expect(sms.count == 2)
            #expect(sms.allSatisfy { $0.phone == "+77010000001" })
            #expect(sms.first?.text == "Bilim: заявление № S1-2025-000001 зарегистрировано. Срок результата: 2025-03-27.")
        }
    }

    @Test("a process that dies after the change and before the SMS still sends it, once")
    func crashBetweenChangeAndNotification() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bilim-crash-\(UUID().uuidString).sqlite").path
        defer { for x in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + x) } }
        let clock = MovableClock(almaty: "2025-03-03T10:00")
        let catalog = try ShippedData.passportCatalog()

        // Process 1: registers the case (the change and its outbox rows commit together), claims the SMS, then
        // dies before the gateway is called or the row is marked.
        let db1 = try await Database.open(.sqliteFile(path: path), logger: TestDatabase.quietLogger)
        try await MigrationRunner().migrate(on: db1)
        try await DemoData.seedIfEmpty(db1, clock: clock)
        let deps1 = ServiceDependencies(database: db1, passports: catalog, clock: clock, logger: TestDatabase.quietLogger)
        let parent = try await Actor.of(try await ReferenceRepository(db: db1.sql).user(login: "applicant")!, database: db1, today: deps1.today)
        _ = try await ConfirmedIntake(deps1).submit(
            Application(
                service: .s1, channel: .portal, applicantIIN: DemoData.parentIIN.digits, providerId: "org-almaty-school-1",
                documentId: "doc-certificate-2002", documents: ["e-application"], consent: true, language: .kk),
            by: parent)
        #expect(try await OutboxRepository(db: db1.sql).claimDue(now: clock.now(), lease: 60, limit: 10).count == 2)
        try await db1.shutdown()

        // Process 2 starts within the lease: nothing is due yet, so nothing goes twice.
        let db2 = try await Database.open(.sqliteFile(path: path), logger: TestDatabase.quietLogger)
        let sms = EmbeddedSMSGateway(database: db2, clock: clock)
        let delivery = OutboxDelivery(database: db2, gateway: sms, clock: clock, logger: TestDatabase.quietLogger)
        #expect(try await delivery.deliverDue() == 0)

        // After the lease the claim has expired: the messages go out, and a second pass sends nothing more.
        clock.set(almaty: "2025-03-03T10:02")
        #expect(try await delivery.deliverDue() == 2)
        #expect(try await delivery.deliverDue() == 0)
        #expect(try await sms.sent().count == 1)
        try await db2.shutdown()
    }

    @Test("a failing gateway is retried later and the message is not lost", arguments: TestDatabase.allConfigured)
    func retried(_ kind: TestDatabase) async throws {
        struct Down: SMSGateway {
            func send(key: String, phone: String, text: String) async throws { throw URLError(.cannotConnectToHost) }
        }
        try await Scenario.run(kind, at: "2025-03-03T10:00") { s in
            _ = try await ConfirmedIntake(s.deps).submit(s.portalApplication(), by: try await s.actor("applicant"))
            let failing = OutboxDelivery(database: s.deps.database, gateway: Down(), clock: s.clock, logger: s.deps.logger)

            #expect(try await failing.deliverDue() == 1)  // the cabinet message
            #expect(try await s.delivery.deliverDue() == 0)  // the SMS waits for its retry time
            s.clock.set(almaty: "2025-03-03T10:01")
            #expect(try await s.delivery.deliverDue() == 1)
            #expect(try await s.sms.sent().count == 1)
        }
    }
}
