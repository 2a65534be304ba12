import SQLKit

/// What the duplicate workflow keeps besides the case row: its details, registration numbers that are never
/// reused, intake receipts, decisions, blank stock for duplicate numbers, the stand-in SMS gateway's log and the
/// idempotency keys of API submissions.
struct CreateCaseWorkflow: Migration {
    let id = "0010-create-case-workflow"

    func apply(on db: any SQLDatabase) async throws {
        try await run(
            [
                "ALTER TABLE cases ADD COLUMN document_id TEXT REFERENCES education_documents (id)",
                "ALTER TABLE cases ADD COLUMN pickup_at_state_corporation INTEGER NOT NULL DEFAULT 0",
                "ALTER TABLE cases ADD COLUMN promised_deadline TEXT",
                "ALTER TABLE cases ADD COLUMN hearing_notice_on TEXT",
                "ALTER TABLE cases ADD COLUMN hearing_on TEXT",
                "ALTER TABLE cases ADD COLUMN result_received_on TEXT",
                "ALTER TABLE cases ADD COLUMN consent_at TEXT",
                "ALTER TABLE cases ADD COLUMN documents TEXT NOT NULL DEFAULT '[]'",
                "ALTER TABLE cases ADD COLUMN reason TEXT",
                """
                CREATE TABLE registration_counters (
                    scope TEXT PRIMARY KEY,
                    last_value INTEGER NOT NULL)
                """,
                """
                CREATE TABLE receipts (
                    id TEXT PRIMARY KEY,
                    number TEXT NOT NULL UNIQUE,
                    kind TEXT NOT NULL CHECK (kind IN ('acceptance', 'refusal')),
                    service TEXT NOT NULL,
                    channel TEXT NOT NULL CHECK (channel IN ('office', 'state-corporation', 'portal')),
                    case_id TEXT REFERENCES cases (id),
                    office_id TEXT NOT NULL REFERENCES organizations (id),
                    applicant_iin TEXT NOT NULL,
                    documents TEXT NOT NULL,
                    missing TEXT NOT NULL,
                    staff_user_id TEXT NOT NULL,
                    language TEXT NOT NULL CHECK (language IN ('kk', 'ru', 'en')),
                    created_at TEXT NOT NULL)
                """,
                """
                CREATE TABLE decisions (
                    id TEXT PRIMARY KEY,
                    number TEXT NOT NULL UNIQUE,
                    case_id TEXT NOT NULL REFERENCES cases (id),
                    kind TEXT NOT NULL CHECK (kind IN ('duplicate', 'refusal', 'preliminary-refusal')),
                    grounds TEXT NOT NULL,
                    result_document_id TEXT REFERENCES education_documents (id),
                    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
                    created_by TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    revoked_at TEXT)
                """,
                "CREATE INDEX decisions_case ON decisions (case_id)",
                """
                CREATE TABLE blank_stock (
                    organization_id TEXT NOT NULL REFERENCES organizations (id),
                    kind TEXT NOT NULL,
                    series TEXT NOT NULL,
                    next_number INTEGER NOT NULL,
                    last_number INTEGER NOT NULL,
                    PRIMARY KEY (organization_id, kind),
                    CHECK (next_number <= last_number + 1))
                """,
                """
                CREATE TABLE standin_sms (
                    message_key TEXT PRIMARY KEY,
                    phone TEXT NOT NULL,
                    text TEXT NOT NULL,
                    sent_at TEXT NOT NULL)
                """,
                """
                CREATE TABLE idempotency_keys (
                    key TEXT NOT NULL,
                    user_id TEXT NOT NULL,
                    case_id TEXT NOT NULL REFERENCES cases (id),
                    created_at TEXT NOT NULL,
                    PRIMARY KEY (user_id, key))
                """,
            ], on: db)
    }

    func revert(on db: any SQLDatabase) async throws {
        try await run(
            [
                "DROP TABLE idempotency_keys", "DROP TABLE standin_sms", "DROP TABLE blank_stock", "DROP TABLE decisions",
                "DROP TABLE receipts", "DROP TABLE registration_counters",
            ], on: db)
        // SQLite drops a column only without a constraint on it, so the document_id reference is dropped with
        // its data on both databases by the column drop; the others are plain.
        for column in [
            "reason", "documents", "consent_at", "result_received_on", "hearing_on", "hearing_notice_on", "promised_deadline",
            "pickup_at_state_corporation", "document_id",
        ] {
            try await db.raw("ALTER TABLE cases DROP COLUMN \(ident: column)").run()
        }
    }
}
