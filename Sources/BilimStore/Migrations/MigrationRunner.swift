import Foundation
import SQLKit

/// Applies and reverts `Migrations.all`, recording applied ids in `schema_migrations`.
package struct MigrationRunner: Sendable {
    package let migrations: [any Migration]

    package init(migrations: [any Migration] = Migrations.all) {
        self.migrations = migrations
    }

    package struct OutOfOrder: Error, CustomStringConvertible {
        package let applied: [String]
        package var description: String {
            "the database's applied migrations (\(applied.joined(separator: ", "))) are not a prefix of this release's list: refusing to touch it"
        }
    }

    /// Ids already applied, in order.
    package func applied(on db: Database) async throws -> [String] {
        try await ensureTable(db.sql)
        return try await db.sql.raw("SELECT id FROM schema_migrations ORDER BY position").all()
            .map { try $0.decode(column: "id", as: String.self) }
    }

    /// Ids that would be applied. Refuses when the applied list is not a prefix of the known list.
    package func pending(on db: Database) async throws -> [String] {
        let done = try await applied(on: db)
        let ids = migrations.map(\.id)
        guard done.count <= ids.count, Array(ids.prefix(done.count)) == done else { throw OutOfOrder(applied: done) }
        return Array(ids.dropFirst(done.count))
    }

    /// Applies every pending migration in one transaction: all or nothing. Returns the ids applied.
    @discardableResult
    package func migrate(on db: Database) async throws -> [String] {
        let todo = try await pending(on: db)
        guard !todo.isEmpty else { return [] }
        let start = migrations.count - todo.count
        let steps = Array(migrations[start...])
        try await db.transaction { conn in
            for (offset, m) in steps.enumerated() {
                try await m.apply(on: conn)
                try await conn.raw(
                    "INSERT INTO schema_migrations (position, id, applied_at) VALUES (\(bind: start + offset + 1), \(bind: m.id), \(bind: Self.now()))"
                ).run()
            }
        }
        return todo
    }

    /// Reverts the last `count` applied migrations (all when nil), newest first, in one transaction.
    @discardableResult
    package func revert(on db: Database, count: Int? = nil) async throws -> [String] {
        let done = try await applied(on: db)
        _ = try await pending(on: db)
        let n = min(count ?? done.count, done.count)
        let steps = Array(migrations[(done.count - n)..<done.count].reversed())
        try await db.transaction { conn in
            for m in steps {
                try await m.revert(on: conn)
                try await conn.raw("DELETE FROM schema_migrations WHERE id = \(bind: m.id)").run()
            }
        }
        return steps.map(\.id)
    }

    private func ensureTable(_ db: any SQLDatabase) async throws {
        try await db.raw(
            "CREATE TABLE IF NOT EXISTS schema_migrations (position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, applied_at TEXT NOT NULL)"
        ).run()
    }

    static func now() -> String { Date().formatted(.iso8601) }
}
