import SQLKit

/// Cases: one per application, with the passport version it runs under, its channel, people, state and deadline.
/// `row_version` guards concurrent transitions (optimistic locking).
struct CreateCases: Migration {
    let id = "0004-create-cases"

    func apply(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE cases (
                    id TEXT PRIMARY KEY,
                    registration_number TEXT NOT NULL UNIQUE,
                    service TEXT NOT NULL CHECK (service IN ('S1', 'S2', 'S3', 'S4', 'S5')),
                    passport_version INTEGER NOT NULL,
                    channel TEXT NOT NULL CHECK (channel IN ('office', 'state-corporation', 'portal')),
                    applicant_iin TEXT NOT NULL CHECK (length(applicant_iin) = 12),
                    representative_iin TEXT,
                    provider_id TEXT NOT NULL REFERENCES organizations (id),
                    intake_office_id TEXT REFERENCES organizations (id),
                    state TEXT NOT NULL CHECK (state IN ('registered', 'sent-to-provider', 'in-review',
                        'preliminary-refusal', 'hearing', 'result-ready', 'refused', 'handed-over', 'stored',
                        'returned-to-provider')),
                    language TEXT NOT NULL CHECK (language IN ('kk', 'ru', 'en')),
                    submitted_at TEXT NOT NULL,
                    registered_on TEXT NOT NULL,
                    deadline TEXT NOT NULL,
                    row_version INTEGER NOT NULL DEFAULT 1,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL)
                """,
                "CREATE INDEX cases_applicant ON cases (applicant_iin)",
                "CREATE INDEX cases_provider_state ON cases (provider_id, state)",
            ], on: db)
    }

    func revert(on db: any SQLDatabase) async throws {
        try await run(["DROP TABLE cases"], on: db)
    }
}
