import SQLKit

/// TVET admission applications (003 §12): one per applicant and year, with up to four ranked choices, the quota
/// category or out-of-competition status claimed, the documents attached, and the dormitory and meals requests of
/// the "one application" principle.
struct CreateAdmissionApplications: Migration {
    let id = "0020-create-admission-applications"

    func apply(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE admission_applications (
                    id TEXT PRIMARY KEY,
                    year INTEGER NOT NULL,
                    applicant_iin TEXT NOT NULL,
                    channel TEXT NOT NULL,
                    document_id TEXT NOT NULL REFERENCES education_documents (id),
                    base TEXT NOT NULL,
                    quota_category TEXT REFERENCES quota_categories (code),
                    out_of_competition INTEGER NOT NULL,
                    dormitory INTEGER NOT NULL,
                    meals INTEGER NOT NULL,
                    documents TEXT NOT NULL,
                    status TEXT NOT NULL,
                    consent_at TEXT NOT NULL,
                    submitted_by TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    UNIQUE (year, applicant_iin))
                """,
                """
                CREATE TABLE admission_choices (
                    application_id TEXT NOT NULL REFERENCES admission_applications (id),
                    position INTEGER NOT NULL,
                    program_id TEXT NOT NULL REFERENCES admission_programs (id),
                    PRIMARY KEY (application_id, position),
                    UNIQUE (application_id, program_id))
                """,
                "CREATE INDEX admission_choices_program ON admission_choices (program_id)",
            ], on: db)
    }

    func revert(on db: any SQLDatabase) async throws {
        try await run(["DROP TABLE admission_choices", "DROP TABLE admission_applications"], on: db)
    }
}
