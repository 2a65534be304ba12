import BilimCore
import Foundation
import SQLKit

package struct ComplaintRow: Codable, Sendable, Hashable {
    package var id: String
    package var number: String
    package var caseId: String
    package var decisionId: String?
    package var text: String
    package var state: String
    package var registeredOn: String
    package var forwardBy: String
    package var reviewBy: String
    package var forwardedAt: String?
    package var answer: String?
    package var answeredBy: String?
    package var answeredAt: String?
    package var filedBy: String
    package var createdAt: String
    package var rowVersion: Int

    package init(
        id: String, number: String, caseId: String, decisionId: String?, text: String, registeredOn: String,
        forwardBy: String, reviewBy: String, filedBy: String, createdAt: String
    ) {
        self.id = id
        self.number = number
        self.caseId = caseId
        self.decisionId = decisionId
        self.text = text
        state = ComplaintState.registered.rawValue
        self.registeredOn = registeredOn
        self.forwardBy = forwardBy
        self.reviewBy = reviewBy
        self.filedBy = filedBy
        self.createdAt = createdAt
        rowVersion = 1
    }
}

package struct ComplaintRepository: Sendable {
    package let db: any SQLDatabase

    package init(db: any SQLDatabase) { self.db = db }

    package func insert(_ row: ComplaintRow) async throws {
        try await db.insert(into: "complaints").row(row).run()
    }

    package func find(id: String) async throws -> ComplaintRow? {
        try await db.select().column("*").from("complaints").where("id", .equal, id).first()
            .map { try $0.model(ComplaintRow.self) }
    }

    package func forCase(_ caseId: String) async throws -> [ComplaintRow] {
        try await db.select().column("*").from("complaints").where("case_id", .equal, caseId).orderBy("created_at")
            .all().map { try $0.model(ComplaintRow.self) }
    }

    /// Complaints forwarded to the reviewing body (answered or not), soonest term first.
    package func forwarded() async throws -> [ComplaintRow] {
        try await db.select().column("*").from("complaints").where("forwarded_at", .isNot, SQLLiteral.null)
            .orderBy("review_by").all().map { try $0.model(ComplaintRow.self) }
    }

    /// Complaints about the cases of a provider.
    package func forProvider(_ providerId: String) async throws -> [ComplaintRow] {
        try await db.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("complaints"))).from("complaints")
            .join("cases", on: SQLColumn("case_id", table: "complaints"), .equal, SQLColumn("id", table: "cases"))
            .where(SQLColumn("provider_id", table: "cases"), .equal, SQLBind(providerId))
            .orderBy(SQLColumn("forward_by", table: "complaints")).all().map { try $0.model(ComplaintRow.self) }
    }

    package func save(_ row: ComplaintRow, expectedVersion: Int) async throws -> Bool {
        let updated = try await db.update("complaints")
            .set("state", to: row.state).set("review_by", to: row.reviewBy).set("forwarded_at", to: row.forwardedAt)
            .set("answer", to: row.answer)
            .set("answered_by", to: row.answeredBy).set("answered_at", to: row.answeredAt)
            .set("row_version", to: expectedVersion + 1)
            .where("id", .equal, row.id).where("row_version", .equal, expectedVersion).returning("id").all()
        return !updated.isEmpty
    }
}

extension DecisionRepository {
    package func revoke(id: String, now: Date) async throws {
        try await db.update("decisions").set("status", to: "revoked").set("revoked_at", to: Instant.text(now))
            .where("id", .equal, id).run()
    }

    /// A revoked duplicate decision annuls the duplicate it issued and gives the original back its force.
    package func annulDuplicate(documentId: String) async throws {
        guard let dup = try await DocumentRegistryRepository(db: db).document(id: documentId) else { return }
        try await db.update("education_documents").set("status", to: "revoked").where("id", .equal, dup.id).run()
        if let original = dup.duplicateOf {
            try await db.update("education_documents").set("status", to: "valid").where("id", .equal, original)
                .where("status", .equal, "superseded").run()
        }
    }

    package func decision(number: String) async throws -> DecisionRow? {
        try await db.select().column("*").from("decisions").where("number", .equal, number).first()
            .map { try $0.model(DecisionRow.self) }
    }
}
