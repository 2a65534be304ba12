import SQLKit

/// Each run's explanation per applicant, computed once with the run and stored, so a page view never runs a
/// region's allocation again.
struct CreateAdmissionExplanations: Migration {
    let id = "0026-create-admission-explanations"

    func apply(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE admission_explanations (
                    run_id TEXT NOT NULL REFERENCES admission_runs (id),
                    applicant_id TEXT NOT NULL,
                    explanation TEXT NOT NULL,
                    PRIMARY KEY (run_id, applicant_id))
                """
            ], on: db)
    }

    func revert(on db: any SQLDatabase) async throws {
        try await run(["DROP TABLE admission_explanations"], on: db)
    }
}
