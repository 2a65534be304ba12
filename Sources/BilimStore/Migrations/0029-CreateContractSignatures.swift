import SQLKit

/// The education contract an admitted applicant signs electronically, by a one-time code or an EDS over the exact
/// text they read, within 3 calendar days of the result (003 §12). The text is kept as signed.
struct CreateContractSignatures: Migration {
    let id = "0029-create-contract-signatures"

    func apply(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE admission_contract_signatures (
                    application_id TEXT PRIMARY KEY REFERENCES admission_applications (id),
                    method TEXT NOT NULL CHECK (method IN ('otp', 'eds')),
                    contract_text TEXT NOT NULL,
                    content_sha256 TEXT NOT NULL,
                    content TEXT NOT NULL,
                    challenge_id TEXT NOT NULL,
                    certificate_serial TEXT,
                    certificate_pem TEXT,
                    signature TEXT,
                    signed_at TEXT NOT NULL)
                """
            ], on: db)
    }

    func revert(on db: any SQLDatabase) async throws {
        try await run(["DROP TABLE admission_contract_signatures"], on: db)
    }
}
