import BilimCore
import Crypto
import Foundation
import SQLKit

/// The append-only, hash-chained event trail of a case. Each event's hash is SHA-256 over its fields and the
/// previous event's hash, so changing, removing or reordering any row breaks every hash after it.
package struct AuditChain: Sendable {
    package static let genesis = String(repeating: "0", count: 64)

    package let db: any SQLDatabase

    package init(db: any SQLDatabase) { self.db = db }

    package struct NewEvent: Sendable {
        package var kind: String
        package var fromState: CaseState?
        package var toState: CaseState?
        package var actorId: String
        package var actorRole: String
        package var reason: String?
        package var payload: String
        package var occurredAt: Date

        package init(
            kind: String, fromState: CaseState?, toState: CaseState?, actorId: String, actorRole: String,
            reason: String?, payload: String = "{}", occurredAt: Date
        ) {
            self.kind = kind
            self.fromState = fromState
            self.toState = toState
            self.actorId = actorId
            self.actorRole = actorRole
            self.reason = reason
            self.payload = payload
            self.occurredAt = occurredAt
        }
    }

    package struct EventRow: Codable, Sendable, Hashable {
        package var caseId: String
        package var seq: Int
        package var kind: String
        package var fromState: String?
        package var toState: String?
        package var actorId: String
        package var actorRole: String
        package var reason: String?
        package var payload: String
        package var occurredAt: String
        package var prevHash: String
        package var hash: String

        /// The canonical text the hash covers: fields joined by the unit separator, absent values as empty.
        var canonical: String {
            [
                caseId, String(seq), kind, fromState ?? "", toState ?? "", actorId, actorRole, reason ?? "", payload,
                occurredAt, prevHash,
            ].joined(separator: "\u{1F}")
        }

        var computedHash: String {
            SHA256.hash(data: Data(canonical.utf8)).map { String(format: "%02x", $0) }.joined()
        }
    }

    /// Appends an event; call it inside the transaction that changes the case, so both land or neither does.
    @discardableResult
    package func append(caseId: String, _ event: NewEvent) async throws -> EventRow {
        let last = try await db.select().columns("seq", "hash").from("case_events").where("case_id", .equal, caseId)
            .orderBy("seq", .descending).limit(1).first()
        let seq = try (last?.decode(column: "seq", as: Int.self) ?? 0) + 1
        let prev = try last?.decode(column: "hash", as: String.self) ?? AuditChain.genesis
        var row = EventRow(
            caseId: caseId, seq: seq, kind: event.kind, fromState: event.fromState?.rawValue,
            toState: event.toState?.rawValue, actorId: event.actorId, actorRole: event.actorRole, reason: event.reason,
            payload: event.payload, occurredAt: Instant.text(event.occurredAt), prevHash: prev, hash: "")
        row.hash = row.computedHash
        try await db.insert(into: "case_events").row(row).run()
        return row
    }

    package func events(caseId: String) async throws -> [EventRow] {
        try await db.select().column("*").from("case_events").where("case_id", .equal, caseId).orderBy("seq").all()
            .map { try $0.model(EventRow.self) }
    }

    /// The first event whose hash or link does not match, or nil when the whole chain is intact.
    package func firstBrokenSeq(caseId: String) async throws -> Int? {
        var prev = AuditChain.genesis
        for (i, e) in try await events(caseId: caseId).enumerated() {
            if e.seq != i + 1 || e.prevHash != prev || e.hash != e.computedHash { return e.seq }
            prev = e.hash
        }
        return nil
    }
}
