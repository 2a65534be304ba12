import BilimCore
import Foundation
import SQLKit

/// A correction of one registry field, with its history. (002 §8)
package struct CorrectionRow: Codable, Sendable, Hashable {
    package var id: String
    package var documentId: String
    package var field: String
    package var oldValue: String?
    package var newValue: String?
    package var reason: String
    package var caseId: String?
    package var correctedBy: String
    package var correctedAt: String
}

/// The changes a corrections case asks for, and their entry in the education document registry.
package struct CorrectionRepository: Sendable {
    package let db: any SQLDatabase

    package init(db: any SQLDatabase) { self.db = db }

    package func insertRequests(caseId: String, _ changes: [PlannedChange]) async throws {
        for (i, c) in changes.enumerated() {
            try await db.insert(into: "correction_requests")
                .columns("case_id", "position", "field", "old_value", "new_value", "explanation")
                .values(SQLBind(caseId), SQLBind(i), SQLBind(c.field), SQLBind(c.oldValue), SQLBind(c.newValue), SQLBind(c.explanation))
                .run()
        }
    }

    package func requests(caseId: String) async throws -> [PlannedChange] {
        try await db.select().columns("field", "old_value", "new_value", "explanation").from("correction_requests")
            .where("case_id", .equal, caseId).orderBy("position").all()
            .map {
                PlannedChange(
                    field: try $0.decode(column: "field", as: String.self),
                    oldValue: try $0.decode(column: "old_value", as: String?.self),
                    newValue: try $0.decode(column: "new_value", as: String.self),
                    explanation: try $0.decode(column: "explanation", as: String.self))
            }
    }

    /// Writes one change into the registry and its history row. Grades are stored in hundredths.
    package func apply(_ change: PlannedChange, documentId: String, caseId: String, by userId: String, id: String, now: Date)
        async throws
    {
        guard let field = CorrectableField(name: change.field) else { throw DomainError(.correctionFieldUnknown, ["value": change.field]) }
        switch field {
        case .holderName, .specialty, .qualification:
            let column = field == .holderName ? "holder_name" : field.description
            try await db.update("education_documents").set(column, to: SQLBind(change.newValue))
                .where("id", .equal, documentId).run()
        case .grade(let subject):
            guard let h = Grade.hundredths(change.newValue) else {
                throw DomainError(.correctionValueInvalid, ["value": change.newValue])
            }
            try await db.update("document_grades").set("grade_hundredths", to: SQLBind(h))
                .where("document_id", .equal, documentId).where("subject", .equal, subject).run()
        }
        try await db.insert(into: "document_corrections").row(
            CorrectionRow(
                id: id, documentId: documentId, field: change.field, oldValue: change.oldValue, newValue: change.newValue,
                reason: change.explanation, caseId: caseId, correctedBy: userId, correctedAt: Instant.text(now)))
            .run()
    }

    package func history(documentId: String) async throws -> [CorrectionRow] {
        try await db.select().column("*").from("document_corrections").where("document_id", .equal, documentId)
            .orderBy("corrected_at").orderBy("id").all().map { try $0.model(CorrectionRow.self) }
    }
}
