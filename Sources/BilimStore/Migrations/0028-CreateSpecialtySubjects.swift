import SQLKit

/// The subjects each specialty is scored on (003 §54; the list of 003 Annex 5, not in the seeds): a region's
/// reference, seeded from the shipped file, learned from its programs files and corrected by its department, each
/// correction kept with who, when and why.
struct CreateSpecialtySubjects: Migration {
    let id = "0028-create-specialty-subjects"

    func apply(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE specialty_subjects (
                    region_code TEXT NOT NULL,
                    specialty TEXT NOT NULL,
                    subjects TEXT NOT NULL,
                    source TEXT NOT NULL,
                    updated_by TEXT,
                    updated_at TEXT NOT NULL,
                    PRIMARY KEY (region_code, specialty))
                """,
                """
                CREATE TABLE specialty_subject_changes (
                    id TEXT PRIMARY KEY,
                    region_code TEXT NOT NULL,
                    specialty TEXT NOT NULL,
                    subjects_before TEXT,
                    subjects_after TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    changed_by TEXT NOT NULL,
                    changed_at TEXT NOT NULL)
                """,
            ], on: db)
    }

    func revert(on db: any SQLDatabase) async throws {
        try await run(["DROP TABLE specialty_subject_changes", "DROP TABLE specialty_subjects"], on: db)
    }
}
