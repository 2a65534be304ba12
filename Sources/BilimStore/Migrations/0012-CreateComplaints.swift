import SQLKit

/// Complaints (S5) about a decision, an action or inaction in a case, with their terms and motivated answers.
struct CreateComplaints: Migration {
    let id = "0012-create-complaints"

    func apply(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE complaints (
                    id TEXT PRIMARY KEY,
                    number TEXT NOT NULL UNIQUE,
                    case_id TEXT NOT NULL REFERENCES cases (id),
                    decision_id TEXT REFERENCES decisions (id),
                    text TEXT NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('registered', 'forwarded', 'upheld', 'rejected')),
                    registered_on TEXT NOT NULL,
                    forward_by TEXT NOT NULL,
                    review_by TEXT NOT NULL,
                    forwarded_at TEXT,
                    answer TEXT,
                    answered_by TEXT,
                    answered_at TEXT,
                    filed_by TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    row_version INTEGER NOT NULL DEFAULT 1)
                """,
                "CREATE INDEX complaints_case ON complaints (case_id)",
                "CREATE INDEX complaints_state ON complaints (state, review_by)",
            ], on: db)
    }

    func revert(on db: any SQLDatabase) async throws {
        try await run(["DROP TABLE complaints"], on: db)
    }
}
