import Foundation
import SQLKit

/// Counters of refused sign-ins by key (`login:NAME`, `address:IP`), each counted by one atomic statement.
package struct ThrottleRepository: Sendable {
    package let db: any SQLDatabase

    package init(db: any SQLDatabase) { self.db = db }

    /// Until when the key is locked out, if it is.
    package func lockedUntil(_ key: String) async throws -> String? {
        try await db.select().column("locked_until").from("sign_in_throttles").where("key", .equal, key).first()?
            .decode(column: "locked_until", as: String?.self)
    }

    /// Counts one refusal and returns the count, in one upsert: parallel refusals all count.
    package func countFailure(_ key: String, now: Date) async throws -> Int {
        try await db.insert(into: "sign_in_throttles").columns("key", "failures", "locked_until", "updated_at")
            .values(SQLBind(key), SQLBind(1), SQLLiteral.null, SQLBind(Instant.text(now)))
            .onConflict(with: ["key"]) {
                $0.set("failures", to: SQLRaw("sign_in_throttles.failures + 1")).set(excludedValueOf: "updated_at")
            }
            .returning("failures").first(decodingColumn: "failures", as: Int.self) ?? 1
    }

    package func lock(_ key: String, until: Date) async throws {
        try await db.update("sign_in_throttles").set("locked_until", to: Instant.text(until)).where("key", .equal, key).run()
    }

    /// Forgets a key: a successful sign-in, or the administrator lifting a lock-out. True when there was one.
    @discardableResult
    package func clear(_ key: String) async throws -> Bool {
        try await !db.delete(from: "sign_in_throttles").where("key", .equal, key).returning("key").all().isEmpty
    }
}

/// Removes what has expired: sessions, one-time codes and their lock-outs, challenges, sign-in counters.
package struct ExpiredRecords: Sendable {
    package let db: any SQLDatabase

    package init(db: any SQLDatabase) { self.db = db }

    /// Rows removed per table. One-time codes are kept for `otpWindow` after their creation (the failures of the
    /// last window are counted from them), throttles for a day after their last refusal.
    package func purge(now: Date, otpWindow: TimeInterval) async throws -> [String: Int] {
        let t = Instant.text(now)
        var out: [String: Int] = [:]
        out["sessions"] = try await db.delete(from: "sessions").where("expires_at", .lessThan, t).returning("key").all().count
        out["otp_challenges"] = try await db.delete(from: "otp_challenges")
            .where("created_at", .lessThan, Instant.text(now.addingTimeInterval(-otpWindow))).returning("id").all().count
        out["otp_lockouts"] = try await db.delete(from: "otp_lockouts").where("until_at", .lessThan, t).returning("iin").all().count
        // Confirmation challenges a registered case refers to stay; the others go once expired.
        out["signing_challenges"] = try await db.delete(from: "signing_challenges").where("expires_at", .lessThan, t)
            .where(SQLRaw("id NOT IN (SELECT challenge_id FROM case_confirmations)"))
            .where(SQLRaw("id NOT IN (SELECT challenge_id FROM admission_confirmations)"))
            .returning("id").all().count
        out["sign_in_throttles"] = try await db.delete(from: "sign_in_throttles")
            .where("updated_at", .lessThan, Instant.text(now.addingTimeInterval(-86_400)))
            .where(SQLQueryString("(locked_until IS NULL OR locked_until < \(bind: t))")).returning("key").all().count
        return out
    }

    /// Sign-in challenges still open: the bound on what unauthenticated requests can make the database hold.
    package func openSignInChallenges(now: Date) async throws -> Int {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("signing_challenges")
            .where("purpose", .equal, "sign-in").where("expires_at", .greaterThan, Instant.text(now)).where("used_at", .is, SQLLiteral.null)
            .first(decodingColumn: "n", as: Int.self) ?? 0
    }
}
