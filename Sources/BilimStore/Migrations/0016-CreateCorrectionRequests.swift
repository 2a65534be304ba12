import SQLKit

/// The changes a corrections application (S3) asks for, as checked at intake: the field, its value then, the
/// correct value and the applicant's explanation of the error. (002 §6)
struct CreateCorrectionRequests: Migration {
    let id = "0016-create-correction-requests"

    func apply(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE correction_requests (
                    case_id TEXT NOT NULL REFERENCES cases (id),
                    position INTEGER NOT NULL,
                    field TEXT NOT NULL,
                    old_value TEXT,
                    new_value TEXT NOT NULL,
                    explanation TEXT NOT NULL,
                    PRIMARY KEY (case_id, position))
                """
            ], on: db)
    }

    func revert(on db: any SQLDatabase) async throws {
        try await run(["DROP TABLE correction_requests"], on: db)
    }
}
