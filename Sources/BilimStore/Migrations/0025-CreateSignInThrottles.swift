import SQLKit

/// Staff password sign-in is limited per login and per address: refusals counted in one atomic upsert, a lock-out
/// with back-off the administrator can lift.
struct CreateSignInThrottles: Migration {
    let id = "0025-create-sign-in-throttles"

    func apply(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE sign_in_throttles (
                    key TEXT PRIMARY KEY,
                    failures INTEGER NOT NULL,
                    locked_until TEXT,
                    updated_at TEXT NOT NULL)
                """,
                "CREATE INDEX signing_challenges_expiry ON signing_challenges (purpose, expires_at)",
            ], on: db)
    }

    func revert(on db: any SQLDatabase) async throws {
        try await run(["DROP INDEX signing_challenges_expiry", "DROP TABLE sign_in_throttles"], on: db)
    }
}
