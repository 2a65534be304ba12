import BilimCore
import SQLKit

/// A commission's recognition of a foreign education document (003 §62): whose, the base it gives, the grades.
package struct RecognitionRow: Codable, Sendable, Hashable {
    package var decisionId: String
    package var organizationId: String
    package var applicantIin: String
    package var base: String
    /// JSON object: subject → grade in hundredths.
    package var grades: String
    /// The admission application filed with it; nil while unused.
    package var usedBy: String?
    package var createdAt: String

    package init(
        decisionId: String, organizationId: String, applicantIin: String, base: String, grades: String, usedBy: String? = nil,
        createdAt: String
    ) {
        self.decisionId = decisionId
        self.organizationId = organizationId
        self.applicantIin = applicantIin
        self.base = base
        self.grades = grades
        self.usedBy = usedBy
        self.createdAt = createdAt
    }
}

package struct RecognitionRepository: Sendable {
    let db: any SQLDatabase

    package init(db: any SQLDatabase) { self.db = db }

    package func insert(_ row: RecognitionRow) async throws {
        try await db.insert(into: "commission_recognitions").row(row).run()
    }

    private func adoptedRecognitions() -> SQLSelectBuilder {
        db.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("commission_recognitions"))).from("commission_recognitions")
            .join("commission_decisions", on: SQLColumn("id", table: "commission_decisions"), .equal, SQLColumn("decision_id", table: "commission_recognitions"))
            .where(SQLColumn("adopted", table: "commission_decisions"), .equal, SQLBind(1))
    }

    /// The recognition a decision made, if its decision was adopted.
    package func adopted(decisionId: String) async throws -> RecognitionRow? {
        try await adoptedRecognitions().where(SQLColumn("decision_id", table: "commission_recognitions"), .equal, SQLBind(decisionId))
            .first().map { try $0.model(RecognitionRow.self) }
    }

    /// The college's adopted recognitions no application has used yet.
    package func open(organizationId: String) async throws -> [RecognitionRow] {
        try await adoptedRecognitions().where(SQLColumn("organization_id", table: "commission_recognitions"), .equal, SQLBind(organizationId))
            .where(SQLColumn("used_by", table: "commission_recognitions"), .is, SQLLiteral.null)
            .orderBy(SQLColumn("created_at", table: "commission_recognitions")).orderBy(SQLColumn("decision_id", table: "commission_recognitions"))
            .all().map { try $0.model(RecognitionRow.self) }
    }

    /// Spends a recognition on an application; false when another application took it first.
    package func use(decisionId: String, applicationId: String) async throws -> Bool {
        let changed = try await db.update("commission_recognitions").set("used_by", to: applicationId)
            .where("decision_id", .equal, decisionId).where("used_by", .is, SQLLiteral.null).returning("decision_id").all()
        return !changed.isEmpty
    }
}
