import SQLKit

/// Electronic signatures: the provider's signing keys (public halves kept for ever, so old documents still
/// verify), every signed document Bilim issued with its status, the challenges people sign (an EDS nonce, or a one-time code for confirming), and how each
/// portal application was confirmed.
struct CreateSigning: Migration {
    let id = "0017-create-signing"

    func apply(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE signing_keys (
                    id TEXT PRIMARY KEY,
                    algorithm TEXT NOT NULL,
                    public_key_pem TEXT NOT NULL,
                    private_key_pem TEXT,
                    created_at TEXT NOT NULL,
                    retired_at TEXT)
                """,
                """
                CREATE TABLE signed_documents (
                    id TEXT PRIMARY KEY,
                    number TEXT NOT NULL UNIQUE,
                    kind TEXT NOT NULL,
                    case_id TEXT REFERENCES cases (id),
                    decision_id TEXT,
                    education_document_id TEXT REFERENCES education_documents (id),
                    holder_iin TEXT,
                    key_id TEXT NOT NULL REFERENCES signing_keys (id),
                    jws TEXT NOT NULL,
                    content_sha256 TEXT NOT NULL,
                    status TEXT NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'superseded', 'revoked')),
                    status_reason TEXT,
                    status_changed_at TEXT,
                    issued_at TEXT NOT NULL)
                """,
                "CREATE INDEX signed_documents_case ON signed_documents (case_id)",
                "CREATE INDEX signed_documents_holder ON signed_documents (holder_iin)",
                "CREATE INDEX signed_documents_education_document ON signed_documents (education_document_id)",
                """
                CREATE TABLE signing_challenges (
                    id TEXT PRIMARY KEY,
                    purpose TEXT NOT NULL CHECK (purpose IN ('sign-in', 'confirm')),
                    method TEXT NOT NULL CHECK (method IN ('otp', 'eds')),
                    nonce TEXT NOT NULL,
                    content_sha256 TEXT,
                    user_id TEXT,
                    code_hash TEXT,
                    failures INTEGER NOT NULL DEFAULT 0,
                    created_at TEXT NOT NULL,
                    expires_at TEXT NOT NULL,
                    used_at TEXT)
                """,
                """
                CREATE TABLE case_confirmations (
                    case_id TEXT PRIMARY KEY REFERENCES cases (id),
                    method TEXT NOT NULL CHECK (method IN ('otp', 'eds')),
                    content_sha256 TEXT NOT NULL,
                    content TEXT NOT NULL,
                    challenge_id TEXT NOT NULL,
                    certificate_serial TEXT,
                    certificate_pem TEXT,
                    signature TEXT,
                    confirmed_at TEXT NOT NULL)
                """,
            ], on: db)
    }

    func revert(on db: any SQLDatabase) async throws {
        try await run(
            ["DROP TABLE case_confirmations", "DROP TABLE signing_challenges", "DROP TABLE signed_documents", "DROP TABLE signing_keys"],
            on: db)
    }
}
