import BilimCore
import Foundation
import SQLKit

/// A receipt of acceptance (004 Annex 3) or of refusal (004 Annex 4), numbered uniquely and never reused.
package struct ReceiptRow: Codable, Sendable, Hashable {
    package var id: String
    package var number: String
    package var kind: String
    package var service: String
    package var channel: String
    package var caseId: String?
    package var officeId: String
    package var applicantIin: String
    package var documents: String
    package var missing: String
    package var staffUserId: String
    package var language: String
    package var createdAt: String
    /// The refusal grounds of the service's passport the receipt states, as a JSON array of codes.
    package var grounds: String = "[]"

    package var groundCodes: [String] { (try? JSONDecoder().decode([String].self, from: Data(grounds.utf8))) ?? [] }
    package var missingCodes: [String] { (try? JSONDecoder().decode([String].self, from: Data(missing.utf8))) ?? [] }
    package var documentCodes: [String] { (try? JSONDecoder().decode([String].self, from: Data(documents.utf8))) ?? [] }
}

package struct ReceiptRepository: Sendable {
    package let db: any SQLDatabase

    package init(db: any SQLDatabase) { self.db = db }

    package func issue(
        kind: String, id: String, service: ServiceID, channel: Channel, caseId: String?, officeId: String,
        applicantIIN: String, documents: [String], missing: [String], staffUserId: String, language: Language, now: Date,
        year localYear: Int, grounds: [String] = []
    ) async throws -> ReceiptRow {
        let year = String(localYear)
        let seq = try await NumberSequence(db: db).next("receipt-\(year)")
        let row = ReceiptRow(
            id: id, number: "R-\(year)-\(Digits.pad(seq, 6))", kind: kind, service: service.rawValue,
            channel: channel.rawValue, caseId: caseId, officeId: officeId, applicantIin: applicantIIN,
            documents: String(decoding: try JSONEncoder().encode(documents), as: UTF8.self),
            missing: String(decoding: try JSONEncoder().encode(missing), as: UTF8.self), staffUserId: staffUserId,
            language: language.rawValue, createdAt: Instant.text(now),
            grounds: String(decoding: try JSONEncoder().encode(grounds), as: UTF8.self))
        try await db.insert(into: "receipts").row(row).run()
        return row
    }

    package func find(number: String) async throws -> ReceiptRow? {
        try await db.select().column("*").from("receipts").where("number", .equal, number).first()
            .map { try $0.model(ReceiptRow.self) }
    }

    package func count() async throws -> Int { try await ReferenceRepository(db: db).count("receipts") }
}
