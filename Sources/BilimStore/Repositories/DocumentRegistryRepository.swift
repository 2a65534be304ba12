import BilimCore
import SQLKit

/// The education document registry: documents with their grades.
package struct DocumentRegistryRepository: Sendable {
    package let db: any SQLDatabase

    package init(db: any SQLDatabase) { self.db = db }

    package func insert(_ doc: EducationDocumentRow, grades: [GradeRow]) async throws {
        try await db.insert(into: "education_documents").row(doc).run()
        for g in grades { try await db.insert(into: "document_grades").row(g).run() }
    }

    package func document(id: String) async throws -> EducationDocumentRow? {
        try await db.select().column("*").from("education_documents").where("id", .equal, id).first()
            .map { try $0.model(EducationDocumentRow.self) }
    }

    package func documents(holderIIN: String) async throws -> [EducationDocumentRow] {
        try await db.select().column("*").from("education_documents").where("holder_iin", .equal, holderIIN)
            .orderBy("issue_date").all().map { try $0.model(EducationDocumentRow.self) }
    }

    package func grades(documentId: String) async throws -> [GradeRow] {
        try await db.select().column("*").from("document_grades").where("document_id", .equal, documentId)
            .orderBy("subject").all().map { try $0.model(GradeRow.self) }
    }
}
