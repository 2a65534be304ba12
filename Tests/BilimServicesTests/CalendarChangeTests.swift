import BilimCore
import BilimServices
import BilimStore
import BilimTestSupport
import Foundation
import Testing

@Suite struct CalendarChangeTests {
    func year2025(_ change: (inout CalendarYearData) -> Void) throws -> Data {
        var y = try #require(try ShippedData.calendarYears().first { $0.year == 2025 })
        change(&y)
        return try JSONEncoder().encode(y)
    }

    @Test("a day off published mid-year moves running deadlines later, recorded and announced (spec/terms.md)", arguments: TestDatabase.allConfigured)
    func later(_ kind: TestDatabase) async throws {
        try await Scenario.run(kind, at: "2025-03-03T10:00") { s in
            let c = try #require(try await ConfirmedIntake(s.deps).submit(s.portalApplication(), by: try await s.actor("applicant")).caseRow)
            let admin = try await s.actor("admin")

            let moved = try await DeadlineRecalculation(s.deps).loadYear(
                json: try year2025 { $0.transfers.append(.init(dayOff: CivilDate(year: 2025, month: 3, day: 17), workingDay: nil, source: "test decree")) },
                name: "2025.json", by: admin)

            #expect(moved.map(\.id) == [c.id])
            #expect(try await CaseRepository(db: s.deps.database.sql).find(id: c.id)?.deadline == "2025-03-28")
            #expect(try await s.events(c.id) == ["registered", "deadline-changed"])
            try await s.delivery.deliverDue()
            #expect(try await s.sms.sent().last?.text == "Bilim: из-за изменения производственного календаря срок по заявлению № S1-2025-000001 перенесён на 2025-03-28.")
        }
    }

    @Test("a change that would bring a deadline earlier leaves the date given to the applicant", arguments: TestDatabase.allConfigured)
    func neverEarlier(_ kind: TestDatabase) async throws {
        try await Scenario.run(kind, at: "2025-03-03T10:00") { s in
            let c = try #require(try await ConfirmedIntake(s.deps).submit(s.portalApplication(), by: try await s.actor("applicant")).caseRow)

            // Saturday 15 March made a working day: the recomputed term would end a day earlier.
            let moved = try await DeadlineRecalculation(s.deps).loadYear(
                json: try year2025 { $0.transfers.append(.init(dayOff: nil, workingDay: CivilDate(year: 2025, month: 3, day: 15), source: "test")) },
                name: "2025.json", by: try await s.actor("admin"))

            #expect(moved.isEmpty)
            #expect(try await CaseRepository(db: s.deps.database.sql).find(id: c.id)?.deadline == "2025-03-27")
        }
    }

    @Test("only an administrator loads a calendar year", arguments: TestDatabase.allConfigured)
    func onlyAdmin(_ kind: TestDatabase) async throws {
        try await Scenario.run(kind, at: "2025-03-03T10:00") { s in
            let staff = try await s.actor("school.staff")
            let data = try year2025 { _ in }
            await #expect(throws: DomainError(.forbidden, field: "calendar")) {
                try await DeadlineRecalculation(s.deps).loadYear(json: data, name: "2025.json", by: staff)
            }
        }
    }
}
