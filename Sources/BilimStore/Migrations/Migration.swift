import SQLKit

/// One step of the schema. Its `id` is stable and recorded in `schema_migrations`; never edit a shipped migration.
package protocol Migration: Sendable {
    var id: String { get }
    func apply(on db: any SQLDatabase) async throws
    func revert(on db: any SQLDatabase) async throws
}

/// The DDL of the migrations is plain SQL on the common subset of SQLite and PostgreSQL (TEXT, INTEGER, BIGINT,
/// CHECK, REFERENCES), run statement by statement; a statement that differs per dialect says so where it is.
extension Migration {
    func run(_ statements: [String], on db: any SQLDatabase) async throws {
        for s in statements { try await db.raw(SQLQueryString(s)).run() }
    }

    var isPostgres: (any SQLDatabase) -> Bool { { $0.dialect.name == "postgresql" } }
}
