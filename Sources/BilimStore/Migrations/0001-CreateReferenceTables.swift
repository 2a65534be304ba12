import SQLKit

/// Regions, organizations (schools, TVET organizations, State Corporation offices, education departments, …) and
/// persons with their legal representatives.
struct CreateReferenceTables: Migration {
    let id = "0001-create-reference-tables"

    func apply(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE regions (
                    code TEXT PRIMARY KEY,
                    name_kk TEXT NOT NULL, name_ru TEXT NOT NULL, name_en TEXT NOT NULL)
                """,
                """
                CREATE TABLE organizations (
                    id TEXT PRIMARY KEY,
                    kind TEXT NOT NULL CHECK (kind IN ('school', 'tvet', 'state-corporation-office',
                        'education-department', 'reviewing-body', 'ministry')),
                    bin TEXT UNIQUE,
                    name_kk TEXT NOT NULL, name_ru TEXT NOT NULL, name_en TEXT NOT NULL,
                    region_code TEXT NOT NULL REFERENCES regions (code),
                    created_at TEXT NOT NULL)
                """,
                "CREATE INDEX organizations_region ON organizations (region_code, kind)",
                """
                CREATE TABLE persons (
                    iin TEXT PRIMARY KEY CHECK (length(iin) = 12),
                    surname TEXT NOT NULL, given_name TEXT NOT NULL, patronymic TEXT,
                    birth_date TEXT NOT NULL,
                    sex TEXT NOT NULL CHECK (sex IN ('male', 'female')),
                    phone TEXT,
                    created_at TEXT NOT NULL)
                """,
                """
                CREATE TABLE representatives (
                    minor_iin TEXT NOT NULL REFERENCES persons (iin),
                    representative_iin TEXT NOT NULL REFERENCES persons (iin),
                    relation TEXT NOT NULL CHECK (relation IN ('parent', 'guardian', 'trustee')),
                    PRIMARY KEY (minor_iin, representative_iin),
                    CHECK (minor_iin <> representative_iin))
                """,
            ], on: db)
    }

    func revert(on db: any SQLDatabase) async throws {
        try await run(
            ["DROP TABLE representatives", "DROP TABLE persons", "DROP TABLE organizations", "DROP TABLE regions"],
            on: db)
    }
}
