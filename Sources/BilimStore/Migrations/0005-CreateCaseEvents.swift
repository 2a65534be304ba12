import SQLKit

/// The append-only, hash-chained trail of every case: each row's hash covers its content and the previous row's
/// hash. The database itself refuses UPDATE and DELETE on it; the trigger syntax differs per dialect.
struct CreateCaseEvents: Migration {
    let id = "0005-create-case-events"

    func apply(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE case_events (
                    case_id TEXT NOT NULL REFERENCES cases (id),
                    seq INTEGER NOT NULL CHECK (seq >= 1),
                    kind TEXT NOT NULL,
                    from_state TEXT,
                    to_state TEXT,
                    actor_id TEXT NOT NULL,
                    actor_role TEXT NOT NULL,
                    reason TEXT,
                    payload TEXT NOT NULL,
                    occurred_at TEXT NOT NULL,
                    prev_hash TEXT NOT NULL,
                    hash TEXT NOT NULL UNIQUE,
                    PRIMARY KEY (case_id, seq))
                """
            ], on: db)
        if isPostgres(db) {
            try await run(
                [
                    """
                    CREATE FUNCTION case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN RAISE EXCEPTION 'case_events is append-only'; END $$
                    """,
                    """
                    CREATE TRIGGER case_events_no_change BEFORE UPDATE OR DELETE ON case_events
                    FOR EACH ROW EXECUTE FUNCTION case_events_append_only()
                    """,
                ], on: db)
        } else {
            try await run(
                [
                    """
                    CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
                    BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END
                    """,
                    """
                    CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
                    BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END
                    """,
                ], on: db)
        }
    }

    func revert(on db: any SQLDatabase) async throws {
        // Dropping the table drops its triggers on both databases; the PostgreSQL function goes separately.
        try await run(["DROP TABLE case_events"], on: db)
        if isPostgres(db) { try await run(["DROP FUNCTION case_events_append_only()"], on: db) }
    }
}
