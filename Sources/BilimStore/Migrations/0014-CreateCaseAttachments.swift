import SQLKit

/// Files attached to a case, kept in the database with the case so that nothing acknowledged is lost; the content
/// is base64 text, the same on both databases.
struct CreateCaseAttachments: Migration {
    let id = "0014-create-case-attachments"

    func apply(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE case_attachments (
                    id TEXT PRIMARY KEY,
                    case_id TEXT NOT NULL REFERENCES cases (id),
                    code TEXT NOT NULL,
                    filename TEXT NOT NULL,
                    media_type TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
                    size INTEGER NOT NULL CHECK (size > 0),
                    sha256 TEXT NOT NULL,
                    content TEXT NOT NULL,
                    uploaded_by TEXT NOT NULL,
                    created_at TEXT NOT NULL)
                """,
                "CREATE INDEX case_attachments_case ON case_attachments (case_id)",
            ], on: db)
    }

    func revert(on db: any SQLDatabase) async throws {
        try await run(["DROP TABLE case_attachments"], on: db)
    }
}
