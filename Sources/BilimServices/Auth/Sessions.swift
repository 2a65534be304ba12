import BilimCore
import BilimStore
import Crypto
import Foundation

/// Sign-in sessions: the browser holds a random token; the database holds only its SHA-256, the user and the time
/// of last use. A session unused for `idleTimeout` expires.
package struct Sessions: Sendable {
    package let database: Database
    package let clock: any Clock
    package let idleTimeout: TimeInterval

    package init(database: Database, clock: any Clock, idleTimeout: TimeInterval = 30 * 60) {
        self.database = database
        self.clock = clock
        self.idleTimeout = idleTimeout
    }

    private struct Stored: Codable { var userId: String }

    /// Starts a session and returns the token for the cookie.
    package func start(userId: String) async throws -> String {
        let token = Sessions.randomToken()
        let value = String(decoding: try JSONEncoder().encode(Stored(userId: userId)), as: UTF8.self)
        try await SessionRepository(db: database.sql).set(
            key: Sessions.key(token), value: value, expiresAt: clock.now().addingTimeInterval(idleTimeout))
        return token
    }

    /// The signed-in user for a token, extending the idle expiry; nil when unknown, expired or disabled.
    package func user(token: String) async throws -> UserRow? {
        let repo = SessionRepository(db: database.sql)
        let key = Sessions.key(token)
        guard let value = try await repo.get(key: key, now: clock.now()),
            let stored = try? JSONDecoder().decode(Stored.self, from: Data(value.utf8)),
            let user = try await ReferenceRepository(db: database.sql).user(id: stored.userId), user.disabledAt == nil
        else { return nil }
        try await repo.touch(key: key, expiresAt: clock.now().addingTimeInterval(idleTimeout))
        return user
    }

    package func end(token: String) async throws {
        try await SessionRepository(db: database.sql).remove(key: Sessions.key(token))
    }

    /// 32 random bytes, base64url without padding: valid as a cookie value.
    package static func randomToken() -> String {
        var g = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &g) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func key(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
