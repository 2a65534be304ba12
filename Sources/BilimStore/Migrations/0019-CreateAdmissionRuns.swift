import SQLKit

/// Competition runs (003 §54): each run's input snapshot and output, as the contract of spec/allocation.md writes
/// them, with their digests, so that a run can be rerun and compared.
struct CreateAdmissionRuns: Migration {
    let id = "0019-create-admission-runs"

    func apply(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE admission_runs (
                    id TEXT PRIMARY KEY,
                    year INTEGER NOT NULL,
                    region_code TEXT NOT NULL,
                    input TEXT NOT NULL,
                    input_sha256 TEXT NOT NULL,
                    output TEXT NOT NULL,
                    output_sha256 TEXT NOT NULL,
                    applicants INTEGER NOT NULL,
                    programs INTEGER NOT NULL,
                    admitted INTEGER NOT NULL,
                    not_formed INTEGER NOT NULL,
                    wall_ms INTEGER NOT NULL,
                    created_by TEXT NOT NULL,
                    created_at TEXT NOT NULL)
                """,
                "CREATE INDEX admission_runs_region ON admission_runs (year, region_code)",
            ], on: db)
    }

    func revert(on db: any SQLDatabase) async throws {
        try await run(["DROP TABLE admission_runs"], on: db)
    }
}
