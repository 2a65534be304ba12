import SQLKit

/// Every correction of a registry field keeps the old and the new value, the reason and the case that made it
/// (002 §8).
struct CreateDocumentCorrections: Migration {
    let id = "0006-create-document-corrections"

    func apply(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE document_corrections (
                    id TEXT PRIMARY KEY,
                    document_id TEXT NOT NULL REFERENCES education_documents (id),
                    field TEXT NOT NULL,
                    old_value TEXT,
                    new_value TEXT,
                    reason TEXT NOT NULL,
                    case_id TEXT REFERENCES cases (id),
                    corrected_by TEXT NOT NULL,
                    corrected_at TEXT NOT NULL)
                """,
                "CREATE INDEX document_corrections_document ON document_corrections (document_id)",
            ], on: db)
    }

    func revert(on db: any SQLDatabase) async throws {
        try await run(["DROP TABLE document_corrections"], on: db)
    }
}
