import Logging
import NIOCore
import SQLKit

/// An `SQLDatabase` over one SQLite connection that runs one statement or one session at a time, so that a
/// transaction opened in a session never sees another request's statements interleaved.
struct SerializedSQLDatabase: SQLDatabase {
    let base: any SQLDatabase
    let lock: AsyncLock

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void)
        -> EventLoopFuture<Void>
    {
        let promise = eventLoop.makePromise(of: Void.self)
        promise.completeWithTask { try await self.execute(sql: query, onRow) }
        return promise.futureResult
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await lock.withLock { try await base.execute(sql: query, onRow) }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        // The closure's result need not be Sendable, so box it to leave the lock.
        let box = try await lock.withLock { () async throws -> UnsafeResultBox<R> in
            UnsafeResultBox(try await closure(base))
        }
        return box.value
    }
}

private struct UnsafeResultBox<R>: @unchecked Sendable {
    let value: R
    init(_ value: R) { self.value = value }
}
