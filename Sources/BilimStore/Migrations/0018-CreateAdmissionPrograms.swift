import SQLKit

/// TVET admission (S4): the quota categories as editable data (spec/quotas.md), the application windows per year
/// (003 Annex 1 item 3), and each region's programs with their state-order places and reserves, loaded by the
/// education department.
struct CreateAdmissionPrograms: Migration {
    let id = "0018-create-admission-programs"

    func apply(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE quota_categories (
                    code TEXT PRIMARY KEY,
                    position INTEGER NOT NULL,
                    share_basis_points INTEGER NOT NULL CHECK (share_basis_points >= 0 AND share_basis_points <= 10000),
                    rural_only INTEGER NOT NULL,
                    source TEXT NOT NULL)
                """,
                """
                CREATE TABLE admission_windows (
                    year INTEGER NOT NULL,
                    track TEXT NOT NULL,
                    opens TEXT NOT NULL,
                    closes TEXT NOT NULL,
                    PRIMARY KEY (year, track))
                """,
                """
                CREATE TABLE admission_programs (
                    id TEXT PRIMARY KEY,
                    year INTEGER NOT NULL,
                    region_code TEXT NOT NULL REFERENCES regions (code),
                    code TEXT NOT NULL,
                    organization_id TEXT NOT NULL REFERENCES organizations (id),
                    specialty TEXT NOT NULL,
                    qualification TEXT NOT NULL,
                    base TEXT NOT NULL,
                    language TEXT NOT NULL,
                    study_form TEXT NOT NULL,
                    funding TEXT NOT NULL,
                    level TEXT NOT NULL,
                    exam TEXT NOT NULL,
                    pedagogical INTEGER NOT NULL,
                    seats INTEGER NOT NULL CHECK (seats > 0),
                    rural INTEGER NOT NULL,
                    min_group_size INTEGER NOT NULL CHECK (min_group_size >= 0),
                    subjects TEXT NOT NULL,
                    import_id TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    UNIQUE (year, code),
                    UNIQUE (year, organization_id, specialty, qualification, base, language, study_form, funding))
                """,
                "CREATE INDEX admission_programs_region ON admission_programs (year, region_code)",
                """
                CREATE TABLE admission_program_quotas (
                    program_id TEXT NOT NULL REFERENCES admission_programs (id),
                    position INTEGER NOT NULL,
                    category TEXT NOT NULL REFERENCES quota_categories (code),
                    seats INTEGER NOT NULL CHECK (seats >= 0),
                    PRIMARY KEY (program_id, category))
                """,
                """
                CREATE TABLE admission_imports (
                    id TEXT PRIMARY KEY,
                    year INTEGER NOT NULL,
                    region_code TEXT NOT NULL,
                    filename TEXT NOT NULL,
                    lines INTEGER NOT NULL,
                    done INTEGER NOT NULL,
                    status TEXT NOT NULL,
                    errors TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    finished_at TEXT)
                """,
            ], on: db)
    }

    func revert(on db: any SQLDatabase) async throws {
        try await run(
            [
                "DROP TABLE admission_imports", "DROP TABLE admission_program_quotas", "DROP TABLE admission_programs",
                "DROP TABLE admission_windows", "DROP TABLE quota_categories",
            ], on: db)
    }
}
