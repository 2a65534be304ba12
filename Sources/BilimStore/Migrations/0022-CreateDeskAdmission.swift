import SQLKit

/// Applications taken at the college from graduates of foreign institutions (003 §12): the foreign document's
/// digital record with its origin, and the refusal grounds a receipt states (003 Annex 1 item 9).
struct CreateDeskAdmission: Migration {
    let id = "0022-create-desk-admission"

    func apply(on db: any SQLDatabase) async throws {
        try await run(
            [
                "ALTER TABLE receipts ADD COLUMN grounds TEXT NOT NULL DEFAULT '[]'",
                """
                CREATE TABLE foreign_education_documents (
                    document_id TEXT PRIMARY KEY REFERENCES education_documents (id),
                    country TEXT NOT NULL,
                    original_number TEXT NOT NULL,
                    recognized_by TEXT NOT NULL,
                    recognized_at TEXT NOT NULL)
                """,
            ], on: db)
    }

    func revert(on db: any SQLDatabase) async throws {
        try await run(["DROP TABLE foreign_education_documents", "ALTER TABLE receipts DROP COLUMN grounds"], on: db)
    }
}
