import Foundation
import SQLKit

/// A challenge a person answers: an EDS nonce to sign (to sign in or to confirm an application), or a one-time
/// code sent to confirm an application. Only a code's hash is kept.
package struct ChallengeRow: Codable, Sendable, Hashable {
    package var id: String
    package var purpose: String
    package var method: String
    package var nonce: String
    package var contentSha256: String?
    package var userId: String?
    package var codeHash: String?
    package var failures: Int
    package var createdAt: String
    package var expiresAt: String
    package var usedAt: String?

    package init(
        id: String, purpose: String, method: String, nonce: String, contentSha256: String?, userId: String?,
        codeHash: String?, createdAt: Date, expiresAt: Date
    ) {
        self.id = id
        self.purpose = purpose
        self.method = method
        self.nonce = nonce
        self.contentSha256 = contentSha256
        self.userId = userId
        self.codeHash = codeHash
        failures = 0
        self.createdAt = Instant.text(createdAt)
        self.expiresAt = Instant.text(expiresAt)
        usedAt = nil
    }
}

package struct ChallengeRepository: Sendable {
    package let db: any SQLDatabase

    package init(db: any SQLDatabase) { self.db = db }

    package func insert(_ row: ChallengeRow) async throws {
        try await db.insert(into: "signing_challenges").row(row).run()
    }

    package func find(id: String) async throws -> ChallengeRow? {
        try await db.select().column("*").from("signing_challenges").where("id", .equal, id).first()
            .map { try $0.model(ChallengeRow.self) }
    }

    /// Counts one check of a code before it is compared, in one statement that refuses past `limit` or on a spent
    /// challenge: however many requests arrive at once, at most `limit` codes are compared. Returns the checks made
    /// including this one, or nil when none is left.
    package func countAttempt(id: String, limit: Int) async throws -> Int? {
        try await db.update("signing_challenges").set("failures", to: SQLRaw("failures + 1"))
            .where("id", .equal, id).where("failures", .lessThan, limit).where("used_at", .is, SQLLiteral.null)
            .returning("failures").first(decodingColumn: "failures", as: Int.self)
    }

    /// Marks the challenge used; false when it was used already (a replay) — checked in the same statement.
    package func use(id: String, now: Date) async throws -> Bool {
        let rows = try await db.update("signing_challenges").set("used_at", to: Instant.text(now))
            .where("id", .equal, id).where("used_at", .is, SQLLiteral.null).returning("id").all()
        return rows.count == 1
    }

    package func confirmation(caseId: String) async throws -> ConfirmationRow? {
        try await db.select().column("*").from("case_confirmations").where("case_id", .equal, caseId).first()
            .map { try $0.model(ConfirmationRow.self) }
    }

    package func insert(_ row: ConfirmationRow) async throws {
        try await db.insert(into: "case_confirmations").row(row).run()
    }
}

/// How a portal application was confirmed, and over what exactly.
package struct ConfirmationRow: Codable, Sendable, Hashable {
    package var caseId: String
    package var method: String
    package var contentSha256: String
    package var content: String
    package var challengeId: String
    package var certificateSerial: String?
    package var certificatePem: String?
    package var signature: String?
    package var confirmedAt: String

    package init(
        caseId: String, method: String, contentSha256: String, content: String, challengeId: String,
        certificateSerial: String?, certificatePem: String?, signature: String?, confirmedAt: String
    ) {
        self.caseId = caseId
        self.method = method
        self.contentSha256 = contentSha256
        self.content = content
        self.challengeId = challengeId
        self.certificateSerial = certificateSerial
        self.certificatePem = certificatePem
        self.signature = signature
        self.confirmedAt = confirmedAt
    }
}
