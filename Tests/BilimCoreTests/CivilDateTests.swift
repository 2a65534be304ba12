import BilimCore
import Testing

@Suite struct CivilDateTests {
    @Test(
        "ISO dates parse and format back unchanged",
        arguments: [
            "2025-03-20", "2024-02-29", "2000-02-29", "1970-01-01", "0001-01-01", "9999-12-31", "1885-01-01",
        ])
    func isoRoundTrip(text: String) throws {
        let date = try #require(CivilDate(iso: text))

        #expect(date.iso == text)
        #expect(date.description == text)
        #expect(CivilDate(year: date.year, month: date.month, day: date.day) == date)
    }

    @Test("parsing fills year, month and day")
    func fields() throws {
        let date = try #require(CivilDate(iso: "2025-03-20"))

        #expect((date.year, date.month, date.day) == (2025, 3, 20))
    }

    @Test(
        "malformed or impossible dates are refused",
        arguments: [
            "2025-02-29", "2024-02-30", "1900-02-29", "2025-04-31", "2025-13-01", "2025-00-10", "2025-01-00",
            "0000-01-01", "2025-1-01", "2025-01-1", "25-01-01", "2025/01/01", "2025-01-01 ", " 2025-01-01",
            "2025-01-01T00:00", "+025-01-01", "2025-0a-01", "", "２０２５-01-01", "٢٠٢٥-01-01", "2025-01-０1",
        ])
    func refuses(text: String) {
        #expect(CivilDate(iso: text) == nil)
    }

    @Test("impossible triples give no date", arguments: [(2025, 2, 29), (2024, 2, 30), (2025, 13, 1), (0, 1, 1)])
    func impossibleTriple(year: Int, month: Int, day: Int) {
        #expect(CivilDate(year: year, month: month, day: day) == nil)
    }

    @Test(
        "leap years follow the Gregorian rule",
        arguments: [
            (2024, true), (2025, false), (2000, true), (1900, false), (2100, false), (1860, true),
        ])
    func leap(year: Int, isLeap: Bool) {
        #expect(CivilDate.isLeap(year) == isLeap)
    }

    @Test(
        "weekday of known dates",
        arguments: [
            ("1970-01-01", Weekday.thursday), ("1969-12-31", .wednesday), ("1900-01-01", .monday),
            ("2000-02-29", .tuesday), ("2020-05-09", .saturday), ("2025-01-05", .sunday), ("2025-03-20", .thursday),
            ("2025-03-22", .saturday), ("2026-03-08", .sunday), ("2026-03-09", .monday), ("2026-05-27", .wednesday),
        ])
    func weekday(text: String, expected: Weekday) {
        let date = day(text)

        #expect(date.weekday == expected)
        #expect(date.isWeekend == (expected == .saturday || expected == .sunday))
    }

    @Test("day numbers count from 1970-01-01")
    func dayNumberEpoch() {
        #expect(day("1970-01-01").dayNumber == 0)
        #expect(day("1970-01-02").dayNumber == 1)
        #expect(day("1969-12-31").dayNumber == -1)
        #expect(day("2000-03-01").dayNumber - day("2000-02-28").dayNumber == 2)
        #expect(day("1900-03-01").dayNumber - day("1900-02-28").dayNumber == 1)
    }

    @Test("every day from 0001-01-01 to 9999-12-31 survives a day-number round trip, one day apart")
    func dayNumberRoundTrip() {
        let first = day("0001-01-01").dayNumber
        let last = day("9999-12-31").dayNumber
        var previous: CivilDate?
        var failures: [Int] = []

        for n in first...last {
            let date = CivilDate(dayNumber: n)
            let real = CivilDate(year: date.year, month: date.month, day: date.day)
            if date.dayNumber != n || real != date || !(previous.map { $0 < date } ?? true) { failures.append(n) }
            previous = date
        }

        #expect(failures.isEmpty, "first failures: \(failures.prefix(5))")
        #expect(last - first + 1 == 3_652_059)
        // Outside the range, day numbers saturate to its ends instead of making a year 0 or 10000.
        #expect(CivilDate(dayNumber: first - 1) == CivilDate.earliest && CivilDate(dayNumber: last + 1) == CivilDate.latest)
        #expect(CivilDate(dayNumber: .min) == CivilDate.earliest && CivilDate(dayNumber: .max) == CivilDate.latest)
    }

    @Test("adding days crosses months and years")
    func addingDays() {
        #expect(day("2024-12-31").adding(days: 1) == day("2025-01-01"))
        #expect(day("2024-02-28").adding(days: 1) == day("2024-02-29"))
        #expect(day("2025-03-01").adding(days: -1) == day("2025-02-28"))
        #expect(day("2025-03-20").adding(days: 0) == day("2025-03-20"))
    }

    @Test(
        "adding months clamps the day to the target month's length",
        arguments: [
            ("2025-01-31", 1, "2025-02-28"), ("2024-01-31", 1, "2024-02-29"), ("2025-03-31", 1, "2025-04-30"),
            ("2025-12-15", 1, "2026-01-15"), ("2025-03-31", -1, "2025-02-28"), ("2024-02-29", 12, "2025-02-28"),
            ("2025-01-15", 0, "2025-01-15"), ("2025-01-31", 13, "2026-02-28"), ("2025-05-31", -12, "2024-05-31"),
        ])
    func addingMonths(start: String, months: Int, expected: String) {
        #expect(day(start).adding(months: months) == day(expected))
    }

    @Test("dates order by time and encode as ISO text")
    func ordering() {
        #expect(day("2025-12-31") < day("2026-01-01"))
        #expect(day("2025-03-20") <= day("2025-03-20"))
        #expect(
            [day("2026-01-01"), day("2020-05-08"), day("2025-03-20")].sorted().map(\.iso) == [
                "2020-05-08", "2025-03-20", "2026-01-01",
            ])
    }

    @Test(
        "local date-times parse HH:MM and HH:MM:SS",
        arguments: [
            ("2025-03-20T17:30", 17, 30, 0, "2025-03-20T17:30"),
            ("2025-03-20T17:59:59", 17, 59, 59, "2025-03-20T17:59:59"),
            ("2025-03-20T18:00:00", 18, 0, 0, "2025-03-20T18:00"),
            ("2025-03-20T00:00", 0, 0, 0, "2025-03-20T00:00"),
            ("2025-03-20T23:59:59", 23, 59, 59, "2025-03-20T23:59:59"),
        ])
    func localDateTime(text: String, hour: Int, minute: Int, second: Int, formatted: String) throws {
        let value = try #require(LocalDateTime(iso: text))

        #expect(value.date == day("2025-03-20"))
        #expect((value.time.hour, value.time.minute, value.time.second) == (hour, minute, second))
        #expect(value.iso == formatted)
    }

    @Test(
        "malformed local date-times are refused, 24:00 included",
        arguments: [
            "2025-03-20T24:00", "2025-03-20T24:00:00", "2025-03-20T23:60", "2025-03-20T12:00:60", "2025-03-20 17:30",
            "2025-03-20T7:30", "2025-03-20T17:30:5", "2025-03-20T17:30Z", "2025-03-20T17-30", "2025-02-29T10:00",
            "2025-03-20", "2025-03-20T", "2025-03-20T１7:30", "",
        ])
    func localDateTimeRefuses(text: String) {
        #expect(LocalDateTime(iso: text) == nil)
    }

    @Test("times of day compare to the second and refuse out-of-range parts")
    func timeOfDay() throws {
        let closing = try #require(TimeOfDay(hour: 18, minute: 0))

        #expect(try #require(TimeOfDay(iso: "17:59:59")) < closing)
        #expect(!(try #require(TimeOfDay(iso: "18:00:00")) < closing))
        #expect(TimeOfDay(hour: 24, minute: 0) == nil)
        #expect(TimeOfDay(hour: 12, minute: 60) == nil)
        #expect(TimeOfDay(hour: -1, minute: 0) == nil)
        #expect(moment("2025-03-20T23:59") < moment("2025-03-21T00:00"))
    }
}
