import BilimStore
import BilimTestSupport
import SQLKit
import Testing

@Suite struct MigrationTests {
    static let tables = [
        "regions", "organizations", "persons", "representatives", "users", "education_documents", "document_grades",
        "cases", "case_events", "document_corrections", "notification_outbox", "calendar_years", "sessions",
        "registration_counters", "receipts", "decisions", "blank_stock", "standin_sms", "idempotency_keys",
        "courier_registries", "courier_registry_items", "complaints", "standin_digital_documents", "case_attachments",
        "otp_challenges", "otp_lockouts",
    ]

    func tableExists(_ name: String, _ db: Database) async -> Bool {
        (try? await db.sql.raw("SELECT COUNT(*) AS n FROM \(ident: name)").first()) != nil
    }

    @Test("migrate all, revert all, migrate all again", arguments: TestDatabase.allConfigured)
    func roundTrip(_ kind: TestDatabase) async throws {
        try await kind.with(migrated: false) { db in
            let runner = MigrationRunner()
            #expect(try await runner.pending(on: db) == Migrations.all.map(\.id))

            #expect(try await runner.migrate(on: db).count == Migrations.all.count)
            for t in Self.tables { #expect(await tableExists(t, db), "\(t) after migrate") }
            #expect(try await runner.pending(on: db).isEmpty)

            #expect(try await runner.revert(on: db).count == Migrations.all.count)
            for t in Self.tables { #expect(!(await tableExists(t, db)), "\(t) after revert") }
            #expect(try await runner.applied(on: db).isEmpty)

            try await runner.migrate(on: db)
            #expect(try await runner.applied(on: db) == Migrations.all.map(\.id))
        }
    }

    @Test("the applied list must be a prefix of the known list", arguments: TestDatabase.allConfigured)
    func prefix(_ kind: TestDatabase) async throws {
        try await kind.with { db in
            try await db.sql.raw(
                "INSERT INTO schema_migrations (position, id, applied_at) VALUES (999, '9999-from-the-future', 'x')"
            ).run()

            await #expect(throws: MigrationRunner.OutOfOrder.self) { try await MigrationRunner().pending(on: db) }
            await #expect(throws: MigrationRunner.OutOfOrder.self) { try await MigrationRunner().migrate(on: db) }
        }
    }

    @Test("a failing migration leaves nothing applied", arguments: TestDatabase.allConfigured)
    func atomic(_ kind: TestDatabase) async throws {
        struct Broken: Migration {
            let id = "9999-broken"
            func apply(on db: any SQLDatabase) async throws { try await db.raw("CREATE TABLE nonsense (").run() }
            func revert(on db: any SQLDatabase) async throws {}
        }
        try await kind.with(migrated: false) { db in
            let runner = MigrationRunner(migrations: Migrations.all + [Broken()])

            await #expect(throws: (any Error).self) { try await runner.migrate(on: db) }

            let applied = try await runner.applied(on: db)
            #expect(applied.isEmpty)
            #expect(!(await tableExists("regions", db)))
        }
    }
}
