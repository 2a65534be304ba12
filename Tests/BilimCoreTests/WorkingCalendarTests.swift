import BilimCore
import Testing

@Suite struct WorkingCalendarTests {
    let calendar = KZ.calendar

    func nonWorking(_ from: String, _ to: String) throws(DomainError) -> [String] {
        try calendar.nonWorkingDays(from: day(from), to: day(to)).map(\.iso)
    }

    func days(_ prefix: String, _ numbers: [Int]) -> [String] { numbers.map { prefix + Digits.pad($0, 2) } }

    @Test("March 2025: 8 March on Saturday moves to Monday 10; Nauryz 22–23 on the weekend moves to 24–25")
    func march2025() throws {
        #expect(
            try nonWorking("2025-03-01", "2025-03-31")
                == days("2025-03-", [1, 2, 8, 9, 10, 15, 16, 21, 22, 23, 24, 25, 29, 30]))
    }

    @Test("March 2026: 8 March on Sunday moves to Monday 9; Nauryz 21–22 on the weekend moves to 24–25")
    func march2026() throws {
        #expect(
            try nonWorking("2026-03-01", "2026-03-31")
                == days("2026-03-", [1, 7, 8, 9, 14, 15, 21, 22, 23, 24, 25, 28, 29]))
        #expect(calendar.movedHolidays[day("2026-03-09")] == day("2026-03-08"))
        #expect(calendar.movedHolidays[day("2026-03-24")] == day("2026-03-21"))
        #expect(calendar.movedHolidays[day("2026-03-25")] == day("2026-03-22"))
    }

    @Test("May 2020: the decree makes Friday 8 May free and Monday 11 May, where Victory Day had moved, working")
    func may2020() throws {
        #expect(
            try nonWorking("2020-05-01", "2020-05-31")
                == days("2020-05-", [1, 2, 3, 7, 8, 9, 10, 16, 17, 23, 24, 30, 31]))
        #expect(calendar.movedHolidays[day("2020-05-11")] == day("2020-05-09"))
        #expect(try calendar.isWorkingDay(day("2020-05-11")))
        #expect(try !calendar.isWorkingDay(day("2020-05-08")))
    }

    @Test("a transfer's working Sunday is working and its weekday off is not (2025-01-05 / 2025-01-03)")
    func transfer2025() throws {
        #expect(
            try nonWorking("2025-01-01", "2025-01-31") == days("2025-01-", [1, 2, 3, 4, 7, 11, 12, 18, 19, 25, 26]))
        #expect(try calendar.isWorkingDay(day("2025-01-05")))
    }

    @Test("every public holiday on a weekend in 2025 moves to the next free weekday")
    func moves2025() {
        let moves = calendar.movedHolidays.filter { $0.key.year == 2025 }.map { "\($0.value)→\($0.key)" }.sorted()

        #expect(
            moves == [
                "2025-03-08→2025-03-10", "2025-03-22→2025-03-24", "2025-03-23→2025-03-25", "2025-07-06→2025-07-07",
                "2025-08-30→2025-09-01", "2025-10-25→2025-10-27",
            ])
    }

    @Test(
        "holidays and religious days on weekdays are non-working",
        arguments: [
            "2025-01-07", "2025-05-09", "2025-06-06", "2025-12-16", "2026-01-02", "2026-05-27", "2026-05-11",
            "2020-12-01",
            "2020-12-17", "2020-07-31",
        ])
    func holidays(date: String) throws {
        #expect(try !calendar.isWorkingDay(day(date)))
    }

    @Test(
        "no Constitution Day off in 2026 and no First President's Day after 2021",
        arguments: [
            "2026-08-31", "2025-12-01", "2026-12-01", "2026-12-17",
        ])
    func notHolidays(date: String) throws {
        #expect(try calendar.isWorkingDay(day(date)))
    }

    @Test("a religious day on a weekend does not move; a public one does")
    func religiousDoesNotMove() throws {
        let y2023 = CalendarYearData(
            year: 2023, source: "test",
            holidays: [
                KZ.pub("2023-01-01", KZ.newYear), KZ.pub("2023-01-02", KZ.newYear), KZ.rel("2023-01-07", KZ.christmas),
            ],
            transfers: [])

        let cal = try WorkingCalendar(years: [y2023])

        #expect(
            try cal.nonWorkingDays(from: day("2023-01-01"), to: day("2023-01-09")).map(\.iso) == [
                "2023-01-01", "2023-01-02", "2023-01-03", "2023-01-07", "2023-01-08",
            ])
        #expect(cal.movedHolidays == [day("2023-01-03"): day("2023-01-01")])
    }

    @Test(
        "a year with no data throws calendarNotCovered instead of guessing",
        arguments: [
            "2024-06-03", "2027-01-04", "2019-12-31",
        ])
    func notCovered(date: String) {
        let error = domainError { () throws(DomainError) in try calendar.isWorkingDay(day(date)) }

        #expect(error?.code == .calendarNotCovered)
        #expect(error?.arguments["year"] == String(day(date).year))
    }

    @Test("counting past the first or last loaded year throws calendarNotCovered")
    func runsOffTheEnd() {
        #expect(
            errorCode { () throws(DomainError) in try calendar.nextWorkingDay(after: day("2026-12-31")) }
                == .calendarNotCovered)
        #expect(
            errorCode { () throws(DomainError) in
                try calendar.nonWorkingDays(from: day("2026-12-30"), to: day("2027-01-02"))
            } == .calendarNotCovered)
        #expect(
            errorCode { () throws(DomainError) in try calendar.adding(workingDays: 5, to: day("2026-12-28")) }
                == .calendarNotCovered)
        #expect(
            errorCode { () throws(DomainError) in try calendar.subtracting(workingDays: 3, from: day("2025-01-08")) }
                == .calendarNotCovered)
    }

    @Test("working-day arithmetic skips non-working days both ways")
    func arithmetic() throws {
        #expect(try calendar.nextWorkingDay(after: day("2025-03-20")) == day("2025-03-26"))
        #expect(try calendar.workingDay(onOrAfter: day("2025-03-20")) == day("2025-03-20"))
        #expect(try calendar.workingDay(onOrAfter: day("2025-03-22")) == day("2025-03-26"))
        #expect(try calendar.adding(workingDays: 0, to: day("2025-03-20")) == day("2025-03-20"))
        #expect(try calendar.adding(workingDays: 1, to: day("2025-03-20")) == day("2025-03-26"))
        #expect(try calendar.subtracting(workingDays: 1, from: day("2025-03-26")) == day("2025-03-20"))
        #expect(try calendar.subtracting(workingDays: 2, from: day("2025-01-08")) == day("2025-01-05"))
        #expect(try calendar.nonWorkingDays(from: day("2025-03-31"), to: day("2025-03-01")).isEmpty)
    }

    /// One broken thing per case, with the problem text it must produce.
    enum Breakage: String, CaseIterable, Sendable {
        case holidayOutsideYear, duplicateHoliday, missingKazakhName, emptySource, transferOnWeekend
        case transferWithNoDays, transferWithNoSource

        var data: CalendarYearData {
            var y = KZ.y2025
            switch self {
            case .holidayOutsideYear: y.holidays.append(KZ.pub("2024-12-31", KZ.newYear))
            case .duplicateHoliday: y.holidays.append(KZ.pub("2025-01-01", KZ.newYear))
            case .missingKazakhName: y.holidays[3].name.kk = "  "
            case .emptySource: y.source = " "
            case .transferOnWeekend: y.transfers.append(.init(dayOff: day("2025-01-04"), workingDay: nil, source: "x"))
            case .transferWithNoDays: y.transfers.append(.init(dayOff: nil, workingDay: nil, source: "x"))
            case .transferWithNoSource: y.transfers[0].source = ""
            }
            return y
        }

        var problem: String {
            switch self {
            case .holidayOutsideYear: "holiday 2024-12-31 is not in 2025"
            case .duplicateHoliday: "holiday 2025-01-01 is listed twice"
            case .missingKazakhName: "holiday 2025-03-08 has no kk name"
            case .emptySource: "year 2025 names no source"
            case .transferOnWeekend: "transfer day off 2025-01-04 is already a weekend day"
            case .transferWithNoDays: "a transfer names neither day"
            case .transferWithNoSource: "a transfer in 2025 names no source"
            }
        }
    }

    @Test("invalid calendar data throws calendarInvalid naming the problem", arguments: Breakage.allCases)
    func invalid(breakage: Breakage) {
        #expect(breakage.data.problems() == [breakage.problem])

        let error = domainError { () throws(DomainError) in try WorkingCalendar(years: [breakage.data]) }

        #expect(error?.code == .calendarInvalid)
        #expect(error?.arguments["detail"] == breakage.problem)
    }

    @Test("all problems of a year are listed at once")
    func allProblemsAtOnce() {
        var y = KZ.y2025
        y.source = ""
        y.holidays += [KZ.pub("2024-12-31", KZ.newYear), KZ.pub("2025-01-01", KZ.newYear)]
        y.holidays[3].name.kk = ""

        let error = domainError { () throws(DomainError) in try WorkingCalendar(years: [y]) }

        #expect(error?.code == .calendarInvalid)
        let detail = error?.arguments["detail"] ?? ""
        for problem in [
            "year 2025 names no source", "holiday 2024-12-31 is not in 2025", "holiday 2025-01-01 is listed twice",
            "holiday 2025-03-08 has no kk name",
        ] {
            #expect(detail.contains(problem), "missing: \(problem)")
        }
    }

    @Test("a year given twice is refused")
    func yearTwice() {
        let error = domainError { () throws(DomainError) in try WorkingCalendar(years: [KZ.y2025, KZ.y2025]) }

        #expect(error?.code == .calendarInvalid)
        #expect(error?.arguments["detail"] == "year 2025 is given twice")
    }

    @Test("replacing swaps one year's data, adds a new year, and leaves the original untouched")
    func replacing() throws {
        var corrected = KZ.y2025
        corrected.transfers.append(.init(dayOff: day("2025-12-31"), workingDay: nil, source: "operator correction"))
        let y2027 = CalendarYearData(
            year: 2027, source: "test", holidays: [KZ.pub("2027-01-01", KZ.newYear)], transfers: [])

        let updated = try calendar.replacing(corrected).replacing(y2027)

        #expect(try !updated.isWorkingDay(day("2025-12-31")))
        #expect(try calendar.isWorkingDay(day("2025-12-31")))
        #expect(try updated.nextWorkingDay(after: day("2026-12-31")) == day("2027-01-04"))
        #expect(updated.years[2025] == corrected)
        #expect(Set(updated.years.keys) == [2020, 2025, 2026, 2027])
    }

    @Test("replacing with invalid data throws calendarInvalid")
    func replacingInvalid() {
        var broken = KZ.y2026
        broken.source = ""

        #expect(errorCode { () throws(DomainError) in try calendar.replacing(broken) } == .calendarInvalid)
    }
}
