import Foundation
import SQLKit

package struct OTPChallengeRow: Codable, Sendable, Hashable {
    package var id: String
    package var iin: String
    package var address: String
    package var codeHash: String
    package var createdAt: String
    package var expiresAt: String
    package var failures: Int
    package var usedAt: String?

    package init(id: String, iin: String, address: String, codeHash: String, createdAt: Date, expiresAt: Date) {
        self.id = id
        self.iin = iin
        self.address = address
        self.codeHash = codeHash
        self.createdAt = Instant.text(createdAt)
        self.expiresAt = Instant.text(expiresAt)
        failures = 0
        usedAt = nil
    }
}

package struct OTPRepository: Sendable {
    package let db: any SQLDatabase

    package init(db: any SQLDatabase) { self.db = db }

    package func insert(_ row: OTPChallengeRow) async throws {
        try await db.insert(into: "otp_challenges").row(row).run()
    }

    package func latest(iin: String) async throws -> OTPChallengeRow? {
        try await db.select().column("*").from("otp_challenges").where("iin", .equal, iin)
            .orderBy("created_at", .descending).limit(1).first().map { try $0.model(OTPChallengeRow.self) }
    }

    package func requests(address: String, since: Date) async throws -> Int {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("otp_challenges")
            .where("address", .equal, address).where("created_at", .greaterThan, Instant.text(since)).first(decodingColumn: "n", as: Int.self) ?? 0
    }

    /// Wrong codes for an IIN since a moment, over all its challenges.
    package func failures(iin: String, since: Date) async throws -> Int {
        try await db.select().column(SQLFunction("SUM", args: SQLColumn("failures")), as: "n").from("otp_challenges")
            .where("iin", .equal, iin).where("created_at", .greaterThan, Instant.text(since)).first()?
            .decode(column: "n", as: Int?.self) ?? 0
    }

    /// Counts one check of a code against the challenge before the code is compared, in one statement: the count
    /// goes up only while it is under `limit` and the challenge is unused, so however many requests arrive at once,
    /// at most `limit` codes are ever compared. Returns the checks made including this one, or nil when none is left.
    package func countAttempt(id: String, limit: Int) async throws -> Int? {
        try await db.update("otp_challenges").set("failures", to: SQLRaw("failures + 1"))
            .where("id", .equal, id).where("failures", .lessThan, limit).where("used_at", .is, SQLLiteral.null)
            .returning("failures").first(decodingColumn: "failures", as: Int.self)
    }

    /// Marks the challenge used; false when someone used it first (a replay). The right code's check is taken back
    /// off the count, which counts wrong codes.
    package func use(id: String, now: Date) async throws -> Bool {
        let rows = try await db.update("otp_challenges").set("used_at", to: Instant.text(now))
            .set("failures", to: SQLRaw("failures - 1"))
            .where("id", .equal, id).where("used_at", .is, SQLLiteral.null).returning("id").all()
        return !rows.isEmpty
    }

    package func lockedUntil(iin: String) async throws -> String? {
        try await db.select().column("until_at").from("otp_lockouts").where("iin", .equal, iin).first()?
            .decode(column: "until_at", as: String.self)
    }

    /// Locks the IIN out until a moment, in one upsert: requests that lock it at the same time do not clash.
    package func lock(iin: String, until: Date) async throws {
        try await db.insert(into: "otp_lockouts").columns("iin", "until_at").values(SQLBind(iin), SQLBind(Instant.text(until)))
            .onConflict(with: ["iin"]) { $0.set(excludedValueOf: "until_at") }.run()
    }
}
