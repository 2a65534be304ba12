import BilimStore
import Foundation
import Logging
import SQLKit

/// The databases every storage test runs against: SQLite in memory always, PostgreSQL when
/// `BILIM_TEST_POSTGRES_URL` is set (the test command sets it). Each test gets its own database: a new in-memory
/// SQLite, or a new PostgreSQL schema dropped afterwards.
package enum TestDatabase: CustomStringConvertible, Sendable {
    case sqlite
    case postgres(url: String)

    package static var allConfigured: [TestDatabase] {
        var all: [TestDatabase] = [.sqlite]
        if let url = ProcessInfo.processInfo.environment["BILIM_TEST_POSTGRES_URL"], !url.isEmpty {
            all.append(.postgres(url: url))
        }
        return all
    }

    package var description: String {
        switch self {
        case .sqlite: "SQLite"
        case .postgres: "PostgreSQL"
        }
    }

    package static var quietLogger: Logger {
        var l = Logger(label: "bilim.test.db")
        l.logLevel = .critical
        return l
    }

    /// Runs `body` on a fresh database, migrated unless told otherwise, and removes it afterwards.
    package func with<R: Sendable>(migrated: Bool = true, _ body: (Database) async throws -> R) async throws -> R {
        switch self {
        case .sqlite:
            let db = try await Database.open(.sqliteMemory, logger: Self.quietLogger)
            return try await run(db, migrated: migrated, body, cleanup: {})
        case .postgres(let url):
            let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
            let admin = try await Database.open(.postgres(url: url), logger: Self.quietLogger)
            try await admin.sql.raw("CREATE SCHEMA \(unsafeRaw: String(schema))").run()  // generated name, not input
            let db = try await Database.open(.postgres(url: url), searchPath: [String(schema)], logger: Self.quietLogger)
            return try await run(db, migrated: migrated, body) {
                try await admin.sql.raw("DROP SCHEMA \(unsafeRaw: String(schema)) CASCADE").run()
                try await admin.shutdown()
            }
        }
    }

    private func run<R: Sendable>(
        _ db: Database, migrated: Bool, _ body: (Database) async throws -> R, cleanup: () async throws -> Void
    ) async throws -> R {
        do {
            if migrated { try await MigrationRunner().migrate(on: db) }
            let r = try await body(db)
            try await db.shutdown()
            try await cleanup()
            return r
        } catch {
            try? await db.shutdown()
            try? await cleanup()
            throw error
        }
    }
}
