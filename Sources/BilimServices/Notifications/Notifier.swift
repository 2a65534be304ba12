import BilimCore
import BilimStore
import Foundation
import SQLKit

/// Queues the applicant's messages for a case in the caller's transaction: a personal-cabinet message and an SMS,
/// in the case's language, each with an idempotency key made of the case and the trail event it announces.
package struct Notifier: Sendable {
    package let db: any SQLDatabase
    package let ids: any IDGenerator
    package let now: Date

    package init(db: any SQLDatabase, ids: any IDGenerator, now: Date) {
        self.db = db
        self.ids = ids
        self.now = now
    }

    package func notify(
        _ template: NotificationTemplate, caseRow: CaseRow, eventSeq: Int, arguments: [String: String] = [:]
    ) async throws {
        let language = Language(rawValue: caseRow.language) ?? .kk
        var text = template.text[language]
        let all = ["number": caseRow.registrationNumber, "deadline": caseRow.deadline].merging(arguments) { $1 }
        for (k, v) in all { text = text.replacing("{\(k)}", with: v) }
        let payload = String(decoding: try JSONEncoder().encode(["text": text]), as: UTF8.self)
        // A minor's messages go to the representative who applied for them.
        let recipient = caseRow.representativeIin ?? caseRow.applicantIin
        for channel in ["cabinet", "sms"] {
            try await OutboxRepository(db: db).enqueue(
                id: ids.make(), idempotencyKey: "\(caseRow.id):\(eventSeq):\(template.rawValue):\(channel)",
                channel: channel, recipientIIN: recipient, caseId: caseRow.id, template: template.rawValue,
                language: language, payload: payload, now: now)
        }
    }
}
