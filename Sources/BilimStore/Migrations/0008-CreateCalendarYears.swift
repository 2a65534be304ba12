import SQLKit

/// Calendar years an operator loaded or corrected; they take precedence over the years shipped with the release.
struct CreateCalendarYears: Migration {
    let id = "0008-create-calendar-years"

    func apply(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE calendar_years (
                    year INTEGER PRIMARY KEY,
                    data TEXT NOT NULL,
                    source TEXT NOT NULL,
                    loaded_by TEXT NOT NULL,
                    loaded_at TEXT NOT NULL)
                """
            ], on: db)
    }

    func revert(on db: any SQLDatabase) async throws {
        try await run(["DROP TABLE calendar_years"], on: db)
    }
}
