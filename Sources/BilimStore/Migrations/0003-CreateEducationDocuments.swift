import SQLKit

/// The education document registry: certificates and diplomas with their subject grades; a duplicate links to the
/// original it supersedes. Grades are integer hundredths of a mark (4.5 is 450).
struct CreateEducationDocuments: Migration {
    let id = "0003-create-education-documents"

    func apply(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE education_documents (
                    id TEXT PRIMARY KEY,
                    kind TEXT NOT NULL CHECK (kind IN ('basic-secondary-certificate',
                        'general-secondary-certificate', 'tvet-diploma', 'post-secondary-diploma')),
                    series TEXT NOT NULL,
                    number TEXT NOT NULL,
                    issue_date TEXT NOT NULL,
                    organization_id TEXT NOT NULL REFERENCES organizations (id),
                    holder_iin TEXT NOT NULL CHECK (length(holder_iin) = 12),
                    holder_name TEXT NOT NULL,
                    specialty TEXT,
                    qualification TEXT,
                    status TEXT NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'superseded', 'revoked')),
                    duplicate_of TEXT REFERENCES education_documents (id),
                    created_at TEXT NOT NULL,
                    UNIQUE (series, number))
                """,
                "CREATE INDEX education_documents_holder ON education_documents (holder_iin)",
                """
                CREATE TABLE document_grades (
                    document_id TEXT NOT NULL REFERENCES education_documents (id),
                    subject TEXT NOT NULL,
                    grade_hundredths INTEGER NOT NULL CHECK (grade_hundredths BETWEEN 0 AND 10000),
                    PRIMARY KEY (document_id, subject))
                """,
            ], on: db)
    }

    func revert(on db: any SQLDatabase) async throws {
        try await run(["DROP TABLE document_grades", "DROP TABLE education_documents"], on: db)
    }
}
