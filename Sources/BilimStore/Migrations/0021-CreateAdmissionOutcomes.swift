import SQLKit

/// What follows the applications: exam registrations and their results (003 §32) (003 §38) (003 §48), commission
/// meetings and their decisions with their retention (003 §6), the published results with the education contract
/// and the dormitory and meals decisions (003 §12) (003 §64).
struct CreateAdmissionOutcomes: Migration {
    let id = "0021-create-admission-outcomes"

    func apply(on db: any SQLDatabase) async throws {
        try await run(
            [
                // A run built from the stored applications can be published; one read from a JSON input cannot.
                "ALTER TABLE admission_runs ADD COLUMN source TEXT NOT NULL DEFAULT 'input'",
                """
                CREATE TABLE admission_exams (
                    application_id TEXT NOT NULL REFERENCES admission_applications (id),
                    program_id TEXT NOT NULL REFERENCES admission_programs (id),
                    accommodations TEXT NOT NULL,
                    registered_by TEXT NOT NULL,
                    registered_at TEXT NOT NULL,
                    marks TEXT,
                    psychometric_passed INTEGER,
                    entered_by TEXT,
                    entered_at TEXT,
                    PRIMARY KEY (application_id, program_id))
                """,
                """
                CREATE TABLE commission_meetings (
                    id TEXT PRIMARY KEY,
                    organization_id TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    final INTEGER NOT NULL,
                    held_on TEXT NOT NULL,
                    members TEXT NOT NULL,
                    present TEXT NOT NULL,
                    record_ref TEXT NOT NULL,
                    retain_until TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    created_at TEXT NOT NULL)
                """,
                "CREATE INDEX commission_meetings_retention ON commission_meetings (retain_until)",
                """
                CREATE TABLE commission_decisions (
                    id TEXT PRIMARY KEY,
                    meeting_id TEXT NOT NULL REFERENCES commission_meetings (id),
                    subject TEXT NOT NULL,
                    votes TEXT NOT NULL,
                    adopted INTEGER NOT NULL,
                    yes INTEGER NOT NULL,
                    no INTEGER NOT NULL,
                    chair_decided INTEGER NOT NULL,
                    decided_by TEXT NOT NULL,
                    decided_at TEXT NOT NULL)
                """,
                """
                CREATE TABLE admission_publications (
                    year INTEGER NOT NULL,
                    region_code TEXT NOT NULL,
                    base TEXT NOT NULL,
                    run_id TEXT NOT NULL REFERENCES admission_runs (id),
                    published_by TEXT NOT NULL,
                    published_at TEXT NOT NULL,
                    PRIMARY KEY (year, region_code, base))
                """,
                """
                CREATE TABLE admission_results (
                    application_id TEXT PRIMARY KEY REFERENCES admission_applications (id),
                    run_id TEXT NOT NULL REFERENCES admission_runs (id),
                    year INTEGER NOT NULL,
                    region_code TEXT NOT NULL,
                    base TEXT NOT NULL,
                    program_id TEXT REFERENCES admission_programs (id),
                    choice_position INTEGER,
                    score INTEGER NOT NULL,
                    published_on TEXT NOT NULL,
                    contract_due TEXT,
                    contract_status TEXT,
                    contract_signed_at TEXT,
                    dormitory TEXT,
                    meals TEXT,
                    support_decided_by TEXT,
                    support_decided_at TEXT)
                """,
                "CREATE INDEX admission_results_program ON admission_results (program_id)",
                "CREATE INDEX admission_results_contract ON admission_results (contract_status, contract_due)",
            ], on: db)
    }

    func revert(on db: any SQLDatabase) async throws {
        try await run(
            [
                "DROP TABLE admission_results", "DROP TABLE admission_publications", "DROP TABLE commission_decisions",
                "DROP TABLE commission_meetings", "DROP TABLE admission_exams", "ALTER TABLE admission_runs DROP COLUMN source",
            ], on: db)
    }
}
