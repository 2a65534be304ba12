import SQLKit

/// One-time password challenges: only the code's hash is kept, with its expiry, attempts and use; and lock-outs
/// by IIN.
struct CreateOTPChallenges: Migration {
    let id = "0015-create-otp-challenges"

    func apply(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE otp_challenges (
                    id TEXT PRIMARY KEY,
                    iin TEXT NOT NULL,
                    address TEXT NOT NULL,
                    code_hash TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    expires_at TEXT NOT NULL,
                    failures INTEGER NOT NULL DEFAULT 0,
                    used_at TEXT)
                """,
                "CREATE INDEX otp_challenges_iin ON otp_challenges (iin, created_at)",
                "CREATE INDEX otp_challenges_address ON otp_challenges (address, created_at)",
                """
                CREATE TABLE otp_lockouts (
                    iin TEXT PRIMARY KEY,
                    until_at TEXT NOT NULL)
                """,
            ], on: db)
    }

    func revert(on db: any SQLDatabase) async throws {
        try await run(["DROP TABLE otp_lockouts", "DROP TABLE otp_challenges"], on: db)
    }
}
