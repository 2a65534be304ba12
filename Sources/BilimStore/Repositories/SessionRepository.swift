import Foundation
import SQLKit

/// Key-value storage with expiry for sign-in sessions.
package struct SessionRepository: Sendable {
    package let db: any SQLDatabase

    package init(db: any SQLDatabase) { self.db = db }

    package func set(key: String, value: String, expiresAt: Date?) async throws {
        try await db.delete(from: "sessions").where("key", .equal, key).run()
        try await db.insert(into: "sessions").columns("key", "value", "expires_at")
            .values(SQLBind(key), SQLBind(value), SQLBind(expiresAt.map(Instant.text)))
            .run()
    }

    package func get(key: String, now: Date) async throws -> String? {
        guard let row = try await db.select().columns("value", "expires_at").from("sessions").where("key", .equal, key).first()
        else { return nil }
        if let exp = try row.decode(column: "expires_at", as: String?.self), exp <= Instant.text(now) {
            try await remove(key: key)
            return nil
        }
        return try row.decode(column: "value", as: String.self)
    }

    /// Extends a session's expiry in place (no gap in which a parallel request finds no session).
    package func touch(key: String, expiresAt: Date) async throws {
        try await db.update("sessions").set("expires_at", to: Instant.text(expiresAt)).where("key", .equal, key).run()
    }

    package func remove(key: String) async throws {
        try await db.delete(from: "sessions").where("key", .equal, key).run()
    }
}
