import SQLKit

/// A portal admission application is confirmed by a one-time code or an EDS over its exact content, and answered
/// with a signed notice of acceptance in the cabinet (003 §16) (003 Annex 1 item 8).
struct CreateAdmissionConfirmations: Migration {
    let id = "0023-create-admission-confirmations"

    func apply(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE admission_confirmations (
                    application_id TEXT PRIMARY KEY REFERENCES admission_applications (id),
                    method TEXT NOT NULL CHECK (method IN ('otp', 'eds')),
                    content_sha256 TEXT NOT NULL,
                    content TEXT NOT NULL,
                    challenge_id TEXT NOT NULL,
                    certificate_serial TEXT,
                    certificate_pem TEXT,
                    signature TEXT,
                    notice_number TEXT NOT NULL,
                    confirmed_at TEXT NOT NULL)
                """
            ], on: db)
    }

    func revert(on db: any SQLDatabase) async throws {
        try await run(["DROP TABLE admission_confirmations"], on: db)
    }
}
