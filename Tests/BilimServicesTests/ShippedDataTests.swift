import BilimCore
import BilimServices
import Foundation
import Testing

@Suite struct ShippedDataTests {
    @Test("the shipped quota categories are spec/quotas.md's nine, with their shares and sources; rural only where flagged (003 §3)")
    func quotas() throws {
        let catalog = try ShippedData.quotaCategories()
        #expect(catalog.map(\.code) == [
            "disability", "veteran", "rural", "kandas", "orphan", "disabled_family", "large_family", "single_parent", "conscript",
        ])
        #expect(catalog.map(\.shareBasisPoints) == [1000, 50, 3500, 400, 100, 500, 500, 100, 100])
        #expect(catalog.filter(\.ruralOnly).map(\.code) == ["rural"])
        #expect(catalog.allSatisfy { !$0.source.isEmpty })
        // A rural program of 30 places: 3 for disability, 10 rural, 1 kandas, 1 disabled_family, 1 large_family.
        #expect(QuotaCategory.reserves(seats: 30, rural: true, catalog: catalog).map { "\($0.code)=\($0.seats)" } == [
            "disability=3", "rural=10", "kandas=1", "disabled_family=1", "large_family=1",
        ])
    }

    @Test("the shipped passports load, validate and cover S1 to S5 in kk, ru and en")
    func passports() throws {
        let catalog = try ShippedData.passportCatalog()
        let today = CivilDate(year: 2026, month: 11, day: 24)!

        #expect(catalog.currentAll(on: today).map(\.service) == ServiceID.allCases)
        #expect(catalog.passports.allSatisfy { $0.problems().isEmpty })
    }

    @Test("S2 keeps the older standard as an earlier version: 20 calendar days (001 §4), then 15 working days (004 §63)")
    func s2Versions() throws {
        let versions = try ShippedData.passportCatalog().versions(of: .s2)

        #expect(versions.map(\.version) == [1, 2])
        #expect(versions[0].term.unit == .calendar && versions[0].term.days == 20)
        #expect(versions[1].term.unit == .working && versions[1].term.days == 15)
        #expect(versions[1].reviewTerm?.days == 5)  // (004 §58)
    }

    @Test("S1 asks on the portal only for the signed application (000 List item 8)")
    func s1Portal() throws {
        let s1 = try #require(try ShippedData.passportCatalog().current(.s1, on: CivilDate(year: 2026, month: 1, day: 1)!))

        #expect(s1.term.days == 15 && s1.term.unit == .working)  // (000 List item 3(1))
        #expect(s1.fee.amountTenge == 0)  // (000 List item 6)
        #expect(s1.documents(for: .portal).count < s1.documents(for: .office).count)
        #expect(s1.refusalGrounds.contains { $0.code == "no-personal-data-consent" })  // (000 List item 9)
    }

    @Test("S3 is portal-only, 3 working days (002 List item 3)")
    func s3() throws {
        let s3 = try #require(try ShippedData.passportCatalog().current(.s3, on: CivilDate(year: 2026, month: 1, day: 1)!))

        #expect(s3.channels == [.portal])
        #expect(s3.term.days == 3 && s3.term.unit == .working)
    }

    @Test("a passport with a missing field is refused with the file and the field named")
    func brokenPassport() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("passports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let shipped = try ShippedData.passports()
        for p in shipped {
            var json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(p)) as! [String: Any]
            if p.service == .s3 { json["fee"] = nil }
            try JSONSerialization.data(withJSONObject: json).write(to: dir.appendingPathComponent("\(p.service.rawValue)-v\(p.version).json"))
        }

        #expect {
            try ShippedData.passportCatalog(directory: dir)
        } throws: { error in
            "\(error)".contains("S3-v1.json: missing field 'fee'")
        }
    }

    @Test("the shipped calendar names a source for every year 2020-2027")
    func calendarYears() throws {
        let years = try ShippedData.calendarYears()

        #expect(years.map(\.year) == Array(2020...2027))
        #expect(years.allSatisfy { !$0.source.isEmpty && $0.problems().isEmpty })
        _ = try WorkingCalendar(years: years)
    }

    @Test("Kurban Ait's first day is a non-working religious day that does not move (spec/terms.md)")
    func kurbanAit() throws {
        let calendar = try WorkingCalendar(years: try ShippedData.calendarYears())

        #expect(try !calendar.isWorkingDay(CivilDate(year: 2025, month: 6, day: 6)!))
        // 2024-06-16 was a Sunday: Monday 17 June stays a working day.
        #expect(try calendar.isWorkingDay(CivilDate(year: 2024, month: 6, day: 17)!))
    }

    @Test("no Constitution Day off in 2026; 15 March from 2027 (spec/terms.md)")
    func constitutionDay() throws {
        let calendar = try WorkingCalendar(years: try ShippedData.calendarYears())

        #expect(try calendar.isWorkingDay(CivilDate(year: 2026, month: 8, day: 31)!))
        #expect(try !calendar.isWorkingDay(CivilDate(year: 2025, month: 8, day: 30)!) )
        #expect(try !calendar.isWorkingDay(CivilDate(year: 2027, month: 3, day: 15)!))
    }

    @Test("local time uses the zone database: UTC+6 before 1 March 2024, UTC+5 after")
    func zones() throws {
        let t = LocalTime.almaty
        let before = try #require(t.parseMoment("2024-02-29T12:00:00Z"))
        let after = try #require(t.parseMoment("2024-03-02T12:00:00Z"))

        #expect(before.time.hour == 18)
        #expect(after.time.hour == 17)
        #expect(t.parseMoment("2025-03-20T17:30+05:00")?.iso == "2025-03-20T17:30")
        #expect(t.parseMoment("2025-03-20 17:30") == nil)
    }
}
