import BilimCore
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit
import SQLiteKit
import Synchronization

/// The open database: SQLite (one serialized connection) or a PostgreSQL connection pool, behind one SQLKit
/// interface. Close it before the process ends.
package final class Database: Sendable {
    package let url: DatabaseURL
    package let sql: any SQLDatabase
    private let close: @Sendable () async throws -> Void
    private let closed = Mutex(false)

    package struct Unreachable: Error, CustomStringConvertible {
        package let description: String
    }

    private init(url: DatabaseURL, sql: any SQLDatabase, close: @escaping @Sendable () async throws -> Void) {
        self.url = url
        self.sql = sql
        self.close = close
    }

    /// Opens the database and proves it answers; a database that cannot be reached is a clear error naming it
    /// (without its password).
    package static func open(_ url: DatabaseURL, searchPath: [String]? = nil, logger: Logger) async throws(Unreachable)
        -> Database
    {
        do {
            let db: Database
            switch url {
            case .sqliteMemory:
                db = try await openSQLite(url: url, storage: .memory, logger: logger)
            case .sqliteFile(let path):
                let dir = (path as NSString).deletingLastPathComponent
                if !dir.isEmpty { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
                db = try await openSQLite(url: url, storage: .file(path: path), logger: logger)
            case .postgres(let raw):
                var config = try SQLPostgresConfiguration(url: raw)
                config.searchPath = searchPath
                let pool = EventLoopGroupConnectionPool(
                    source: PostgresConnectionSource(sqlConfiguration: config), maxConnectionsPerEventLoop: 4,
                    requestTimeout: .seconds(10), logger: logger, on: MultiThreadedEventLoopGroup.singleton)
                // The pool is internally synchronised; AsyncKit predates Sendable annotations.
                let box = PoolBox(pool: pool)
                // Queries are not logged: their binds carry personal data.
                db = Database(url: url, sql: pool.database(logger: logger).sql(queryLogLevel: nil)) { try await box.pool.shutdownAsync() }
            }
            do {
                try await db.ping()
            } catch {
                try? await db.shutdown()
                throw error
            }
            return db
        } catch {
            throw Unreachable(description: "cannot open the database \(url): \(Database.reason(error))")
        }
    }

    private static func openSQLite(url: DatabaseURL, storage: SQLiteConnection.Storage, logger: Logger) async throws
        -> Database
    {
        let conn = try await SQLiteConnection.open(storage: storage, logger: logger)
        let base = conn.sql(queryLogLevel: nil)
        // Foreign keys are off by default in SQLite; WAL keeps readers and the writer apart on a file database.
        try await base.raw("PRAGMA foreign_keys = ON").run()
        if case .sqliteFile = url {
            try await base.raw("PRAGMA journal_mode = WAL").run()
            try await base.raw("PRAGMA synchronous = FULL").run()
        }
        return Database(url: url, sql: SerializedSQLDatabase(base: base, lock: AsyncLock())) {
            try await conn.close()
        }
    }

    /// A cheap query that fails when the database does not answer (used by `/health`).
    package func ping() async throws {
        _ = try await sql.raw("SELECT 1 AS one").first()
    }

    /// Closes the connection or pool; a second call does nothing.
    package func shutdown() async throws {
        let first = closed.withLock { wasClosed in
            defer { wasClosed = true }
            return !wasClosed
        }
        if first { try await close() }
    }

    /// Runs `body` in one transaction on one connection: committed when it returns, rolled back when it throws.
    /// Inside `body` use only the connection it is given: on SQLite `sql` is locked for the transaction's length.
    package func transaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws
        -> R
    {
        try await sql.withSession { conn in
            try await conn.raw("BEGIN").run()
            do {
                let result = try await body(conn)
                try await conn.raw("COMMIT").run()
                return result
            } catch {
                try? await conn.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    /// A short, password-free reason for a connection failure.
    static func reason(_ error: any Error) -> String {
        if let psql = error as? PSQLError {
            switch psql.code {
            case .connectionError: return "connection refused or host unreachable (\(psql.underlying.map { "\($0)" } ?? "no detail"))"
            case .server: return psql.serverInfo?[.message] ?? "the server refused the connection"
            default: return "\(psql.code)"
            }
        }
        return String(describing: error)
    }
}

private struct PoolBox: @unchecked Sendable {
    let pool: EventLoopGroupConnectionPool<PostgresConnectionSource>
}

extension Database {
    /// Whether an error is the database refusing a row that breaks a unique constraint or index (SQLite's
    /// "UNIQUE constraint failed", PostgreSQL's SQLSTATE 23505): a race that lost, to be answered as a conflict.
    package static func isUniqueViolation(_ error: any Error) -> Bool {
        if let e = error as? SQLiteError {
            switch e.reason {
            case .constraintUniqueFailed, .constraintPrimaryKeyFailed: return true
            case .constraint: return e.message.contains("UNIQUE constraint failed")
            default: return false
            }
        }
        if let e = error as? PSQLError { return e.serverInfo?[.sqlState] == "23505" }
        return false
    }
}
