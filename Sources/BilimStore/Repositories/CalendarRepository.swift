import BilimCore
import Foundation
import SQLKit

/// Calendar years loaded by an operator, stored as their JSON.
package struct CalendarRepository: Sendable {
    package let db: any SQLDatabase

    package init(db: any SQLDatabase) { self.db = db }

    /// Inserts or replaces one year.
    package func save(_ year: CalendarYearData, loadedBy: String, now: Date) async throws {
        let json = String(decoding: try JSONEncoder().encode(year), as: UTF8.self)
        try await db.delete(from: "calendar_years").where("year", .equal, year.year).run()
        try await db.insert(into: "calendar_years")
            .columns("year", "data", "source", "loaded_by", "loaded_at")
            .values(
                SQLBind(year.year), SQLBind(json), SQLBind(year.source), SQLBind(loadedBy), SQLBind(Instant.text(now))
            )
            .run()
    }

    package func all() async throws -> [CalendarYearData] {
        try await db.select().columns("data").from("calendar_years").orderBy("year").all().map {
            try JSONDecoder().decode(CalendarYearData.self, from: Data(try $0.decode(column: "data", as: String.self).utf8))
        }
    }
}
