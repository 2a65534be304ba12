import BilimCore
import Foundation
import SQLKit

package struct DecisionRow: Codable, Sendable, Hashable {
    package var id: String
    package var number: String
    package var caseId: String
    package var kind: String
    package var grounds: String
    package var resultDocumentId: String?
    package var status: String
    package var createdBy: String
    package var createdAt: String
    package var revokedAt: String?

    package init(
        id: String, number: String, caseId: String, kind: String, grounds: String, resultDocumentId: String?,
        status: String, createdBy: String, createdAt: String, revokedAt: String?
    ) {
        self.id = id
        self.number = number
        self.caseId = caseId
        self.kind = kind
        self.grounds = grounds
        self.resultDocumentId = resultDocumentId
        self.status = status
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    package var groundCodes: [String] { (try? JSONDecoder().decode([String].self, from: Data(grounds.utf8))) ?? [] }
}

/// Decisions on cases, and the duplicates they create in the registry from the provider's blank stock.
package struct DecisionRepository: Sendable {
    package let db: any SQLDatabase

    package init(db: any SQLDatabase) { self.db = db }

    package func insert(_ row: DecisionRow) async throws {
        try await db.insert(into: "decisions").row(row).run()
    }

    package func decisions(caseId: String) async throws -> [DecisionRow] {
        try await db.select().column("*").from("decisions").where("case_id", .equal, caseId).orderBy("created_at")
            .orderBy("number").all().map { try $0.model(DecisionRow.self) }
    }

    /// Takes the next blank of the organization's stock for a document kind: its series and number.
    package func takeBlank(organizationId: String, kind: String) async throws -> (series: String, number: String)? {
        guard
            let row = try await db.update("blank_stock").set("next_number", to: SQLRaw("next_number + 1"))
                .where("organization_id", .equal, organizationId).where("kind", .equal, kind)
                .where(SQLColumn("next_number"), .lessThanOrEqual, SQLColumn("last_number"))
                .returning("series", "next_number").first()
        else { return nil }
        let taken = try row.decode(column: "next_number", as: Int.self) - 1
        return (try row.decode(column: "series", as: String.self), Digits.pad(taken, 7))
    }

    package func addBlankStock(organizationId: String, kind: String, series: String, from: Int, to: Int) async throws {
        try await db.insert(into: "blank_stock").columns("organization_id", "kind", "series", "next_number", "last_number")
            .values(SQLBind(organizationId), SQLBind(kind), SQLBind(series), SQLBind(from), SQLBind(to)).run()
    }

    /// Enters the duplicate of `original` and marks the original superseded.
    package func issueDuplicate(of original: EducationDocumentRow, id: String, series: String, number: String, on date: CivilDate, now: Date)
        async throws -> EducationDocumentRow
    {
        let registry = DocumentRegistryRepository(db: db)
        var dup = original
        dup.id = id
        dup.series = series
        dup.number = number
        dup.issueDate = date.iso
        dup.duplicateOf = original.id
        dup.status = "valid"
        dup.createdAt = Instant.text(now)
        let grades = try await registry.grades(documentId: original.id).map {
            GradeRow(documentId: id, subject: $0.subject, gradeHundredths: $0.gradeHundredths)
        }
        try await registry.insert(dup, grades: grades)
        try await db.update("education_documents").set("status", to: "superseded").where("id", .equal, original.id).run()
        return dup
    }
}
