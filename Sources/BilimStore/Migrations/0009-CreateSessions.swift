import SQLKit

/// Sign-in sessions live in the database so that any `bilim serve` node behind a load balancer can serve any request.
struct CreateSessions: Migration {
    let id = "0009-create-sessions"

    func apply(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE sessions (
                    key TEXT PRIMARY KEY,
                    value TEXT NOT NULL,
                    expires_at TEXT)
                """
            ], on: db)
    }

    func revert(on db: any SQLDatabase) async throws {
        try await run(["DROP TABLE sessions"], on: db)
    }
}
