import SQLKit

/// Courier registries: the State Corporation sends accepted applications to a provider in registries made in two
/// copies, at least twice on the day of acceptance (004 §54) (004 §55).
struct CreateCourierRegistries: Migration {
    let id = "0011-create-courier-registries"

    func apply(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE courier_registries (
                    id TEXT PRIMARY KEY,
                    number TEXT NOT NULL UNIQUE,
                    office_id TEXT NOT NULL REFERENCES organizations (id),
                    provider_id TEXT NOT NULL REFERENCES organizations (id),
                    formed_on TEXT NOT NULL,
                    run INTEGER NOT NULL CHECK (run >= 1),
                    formed_by TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    UNIQUE (office_id, formed_on, run))
                """,
                """
                CREATE TABLE courier_registry_items (
                    registry_id TEXT NOT NULL REFERENCES courier_registries (id),
                    case_id TEXT NOT NULL UNIQUE REFERENCES cases (id),
                    PRIMARY KEY (registry_id, case_id))
                """,
            ], on: db)
    }

    func revert(on db: any SQLDatabase) async throws {
        try await run(["DROP TABLE courier_registry_items", "DROP TABLE courier_registries"], on: db)
    }
}
