import SQLKit

/// Notifications are written in the same transaction as the change they announce and delivered later, so none is
/// lost when the process dies; the idempotency key makes a second write of the same notification a no-op.
struct CreateNotificationOutbox: Migration {
    let id = "0007-create-notification-outbox"

    func apply(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE notification_outbox (
                    id TEXT PRIMARY KEY,
                    idempotency_key TEXT NOT NULL UNIQUE,
                    channel TEXT NOT NULL CHECK (channel IN ('sms', 'cabinet', 'email', 'digital-document')),
                    recipient_iin TEXT NOT NULL,
                    case_id TEXT REFERENCES cases (id),
                    template TEXT NOT NULL,
                    language TEXT NOT NULL CHECK (language IN ('kk', 'ru', 'en')),
                    payload TEXT NOT NULL,
                    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at TEXT NOT NULL,
                    claimed_until TEXT,
                    last_error TEXT,
                    created_at TEXT NOT NULL,
                    sent_at TEXT)
                """,
                "CREATE INDEX notification_outbox_due ON notification_outbox (status, next_attempt_at)",
            ], on: db)
    }

    func revert(on db: any SQLDatabase) async throws {
        try await run(["DROP TABLE notification_outbox"], on: db)
    }
}
