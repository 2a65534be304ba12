import BilimCore
import BilimStore
import Foundation

/// The working calendar in force: the shipped years, with any year an operator loaded taking their place.
package struct CalendarService: Sendable {
    package let database: Database

    package init(database: Database) { self.database = database }

    package func calendar() async throws -> WorkingCalendar {
        var years = Dictionary(uniqueKeysWithValues: try ShippedData.calendarYears().map { ($0.year, $0) })
        for y in try await CalendarRepository(db: database.sql).all() { years[y.year] = y }
        return try WorkingCalendar(years: Array(years.values))
    }

    /// Validates a year's JSON and stores it in place of the shipped or earlier loaded year. Nothing is stored when
    /// the data is wrong. (spec/terms.md: "an operator can load or correct a year without a new release")
    @discardableResult
    package func load(json: Data, name: String, loadedBy: String, now: Date) async throws -> CalendarYearData {
        let year = try ShippedData.decode(CalendarYearData.self, from: json, name: name)
        _ = try await calendar().replacing(year)
        try await database.transaction { db in
            try await CalendarRepository(db: db).save(year, loadedBy: loadedBy, now: now)
        }
        return year
    }
}
