import BilimCore
import BilimStore
import BilimTestSupport
import Foundation
import SQLKit
import Testing

@Suite struct AuditChainTests {
    func event(_ kind: String, _ to: CaseState, _ offset: TimeInterval) -> AuditChain.NewEvent {
        .init(
            kind: kind, fromState: nil, toState: to, actorId: "user-1", actorRole: "provider-staff", reason: "r-\(kind)",
            occurredAt: StoreFixtures.now.addingTimeInterval(offset))
    }

    @Test("events chain by hash and an intact chain verifies", arguments: TestDatabase.allConfigured)
    func chain(_ kind: TestDatabase) async throws {
        try await kind.with { db in
            try await StoreFixtures.seedCase(db)
            let chain = AuditChain(db: db.sql)

            let e1 = try await chain.append(caseId: "case-1", event("registered", .registered, 0))
            let e2 = try await chain.append(caseId: "case-1", event("sent", .sentToProvider, 60))
            let e3 = try await chain.append(caseId: "case-1", event("review", .inReview, 120))

            #expect(e1.prevHash == AuditChain.genesis)
            #expect(e2.prevHash == e1.hash && e3.prevHash == e2.hash)
            let seqs: [Int] = [e1.seq, e2.seq, e3.seq]
            #expect(seqs == [1, 2, 3])
            #expect(try await chain.events(caseId: "case-1") == [e1, e2, e3])
            #expect(try await chain.firstBrokenSeq(caseId: "case-1") == nil)
        }
    }

    @Test("the database refuses to change or delete an event", arguments: TestDatabase.allConfigured)
    func appendOnly(_ kind: TestDatabase) async throws {
        try await kind.with { db in
            try await StoreFixtures.seedCase(db)
            let chain = AuditChain(db: db.sql)
            try await chain.append(caseId: "case-1", event("registered", .registered, 0))

            await #expect(throws: (any Error).self) {
                try await db.sql.raw("UPDATE case_events SET reason = 'forged'").run()
            }
            await #expect(throws: (any Error).self) { try await db.sql.raw("DELETE FROM case_events").run() }

            #expect(try await chain.events(caseId: "case-1").first?.reason == "r-registered")
        }
    }

    @Test("a row changed behind the triggers' back is found by the chain check", arguments: TestDatabase.allConfigured)
    func tamper(_ kind: TestDatabase) async throws {
        try await kind.with { db in
            try await StoreFixtures.seedCase(db)
            let chain = AuditChain(db: db.sql)
            for (i, s) in [CaseState.registered, .sentToProvider, .inReview].enumerated() {
                try await chain.append(caseId: "case-1", event("e\(i)", s, Double(i)))
            }
            // Someone with database rights switches the guard off and edits the second event.
            if db.sql.dialect.name == "postgresql" {
                try await db.sql.raw("ALTER TABLE case_events DISABLE TRIGGER case_events_no_change").run()
            } else {
                try await db.sql.raw("DROP TRIGGER case_events_no_update").run()
            }

            try await db.sql.raw("UPDATE case_events SET reason = 'forged' WHERE seq = 2").run()

            #expect(try await chain.firstBrokenSeq(caseId: "case-1") == 2)
        }
    }
}
