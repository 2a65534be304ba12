import SQLKit

/// Users with one role and the scope it acts in: an organization (provider staff, operators, commission members),
/// a region (education departments), or a person (applicants).
struct CreateUsers: Migration {
    let id = "0002-create-users"

    func apply(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE users (
                    id TEXT PRIMARY KEY,
                    login TEXT NOT NULL UNIQUE,
                    password_hash TEXT,
                    role TEXT NOT NULL CHECK (role IN ('applicant', 'provider-staff', 'state-corporation-operator',
                        'commission-member', 'education-department', 'reviewing-body', 'administrator')),
                    organization_id TEXT REFERENCES organizations (id),
                    region_code TEXT REFERENCES regions (code),
                    person_iin TEXT REFERENCES persons (iin),
                    display_name TEXT NOT NULL,
                    language TEXT NOT NULL DEFAULT 'kk' CHECK (language IN ('kk', 'ru', 'en')),
                    created_at TEXT NOT NULL,
                    disabled_at TEXT)
                """,
                "CREATE INDEX users_organization ON users (organization_id)",
            ], on: db)
    }

    func revert(on db: any SQLDatabase) async throws {
        try await run(["DROP TABLE users"], on: db)
    }
}
