import BilimCore
import Foundation
import SQLKit

/// The notification outbox: written with the change it announces, delivered at least once and marked sent once.
package struct OutboxRepository: Sendable {
    package let db: any SQLDatabase

    package init(db: any SQLDatabase) { self.db = db }

    package struct Message: Codable, Sendable, Hashable {
        package var id: String
        package var idempotencyKey: String
        package var channel: String
        package var recipientIin: String
        package var caseId: String?
        package var template: String
        package var language: String
        package var payload: String
        package var status: String
        package var attempts: Int
        package var nextAttemptAt: String
        package var claimedUntil: String?
        package var lastError: String?
        package var createdAt: String
        package var sentAt: String?
    }

    /// Queues a message; a second call with the same idempotency key changes nothing and returns false.
    @discardableResult
    package func enqueue(
        id: String, idempotencyKey: String, channel: String, recipientIIN: String, caseId: String?, template: String,
        language: Language, payload: String, now: Date
    ) async throws -> Bool {
        let t = Instant.text(now)
        let inserted = try await db.insert(into: "notification_outbox")
            .row(
                Message(
                    id: id, idempotencyKey: idempotencyKey, channel: channel, recipientIin: recipientIIN, caseId: caseId,
                    template: template, language: language.rawValue, payload: payload, status: "pending", attempts: 0,
                    nextAttemptAt: t, claimedUntil: nil, lastError: nil, createdAt: t, sentAt: nil)
            )
            .ignoringConflicts(with: "idempotency_key")
            .returning("id").all()
        return !inserted.isEmpty
    }

    /// Claims up to `limit` due messages for `lease` seconds; a claim that expires (the process died) is due again.
    package func claimDue(now: Date, lease: TimeInterval, limit: Int) async throws -> [Message] {
        let t = Instant.text(now)
        let until = Instant.text(now.addingTimeInterval(lease))
        let due = try await db.select().column("*").from("notification_outbox")
            .where { $0.where("status", .equal, "pending").orWhere("status", .equal, "sending") }
            .where("next_attempt_at", .lessThanOrEqual, t)
            .where { $0.where("claimed_until", .is, SQLLiteral.null).orWhere("claimed_until", .lessThan, t) }
            .orderBy("next_attempt_at").limit(limit).all().map { try $0.model(Message.self) }
        var claimed: [Message] = []
        for m in due {
            // Conditional update: two workers racing for the same row, only one wins it.
            let won = try await db.update("notification_outbox")
                .set("status", to: "sending").set("claimed_until", to: until)
                .where("id", .equal, m.id).where("attempts", .equal, m.attempts)
                .where { $0.where("claimed_until", .is, SQLLiteral.null).orWhere("claimed_until", .lessThan, t) }
                .returning("id").all()
            if !won.isEmpty { claimed.append(m) }
        }
        return claimed
    }

    package func markSent(id: String, now: Date) async throws {
        try await db.update("notification_outbox")
            .set("status", to: "sent").set("sent_at", to: Instant.text(now)).set("claimed_until", to: SQLLiteral.null)
            .set("attempts", to: SQLRaw("attempts + 1"))
            .where("id", .equal, id).run()
    }

    /// Records a failed attempt and schedules the next one; after `maxAttempts` the message is marked failed.
    package func markFailed(id: String, error: String, retryAt: Date, maxAttempts: Int) async throws {
        guard let m = try await message(id: id) else { return }
        let attempts = m.attempts + 1
        try await db.update("notification_outbox")
            .set("status", to: attempts >= maxAttempts ? "failed" : "pending")
            .set("attempts", to: attempts).set("last_error", to: error)
            .set("next_attempt_at", to: Instant.text(retryAt)).set("claimed_until", to: SQLLiteral.null)
            .where("id", .equal, id).run()
    }

    package func message(id: String) async throws -> Message? {
        try await db.select().column("*").from("notification_outbox").where("id", .equal, id).first()
            .map { try $0.model(Message.self) }
    }
}

extension OutboxRepository {
    /// The personal-cabinet messages of a person, newest first.
    package func cabinetMessages(recipientIIN: String, limit: Int = 100) async throws -> [Message] {
        try await db.select().column("*").from("notification_outbox").where("channel", .equal, "cabinet")
            .where("recipient_iin", .equal, recipientIIN).orderBy("created_at", .descending).orderBy("id", .descending)
            .limit(limit).all().map { try $0.model(Message.self) }
    }
}
