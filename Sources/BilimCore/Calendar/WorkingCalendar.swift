/// The working calendar of Kazakhstan over the years it has data for (spec/terms.md).
///
/// A day is non-working when it is a Saturday or Sunday, a public holiday, a non-working religious day, a day a
/// weekend holiday moved to, or a day off made by a transfer; a weekend day a transfer makes working is working.
package struct WorkingCalendar: Sendable {
    package let years: [Int: CalendarYearData]
    private let nonWorking: Set<CivilDate>
    private let workingDays: Set<CivilDate>
    /// Days a public holiday on a weekend moved to, with the holiday they replace.
    package let movedHolidays: [CivilDate: CivilDate]

    package init(years data: [CalendarYearData]) throws(DomainError) {
        var byYear: [Int: CalendarYearData] = [:]
        for y in data {
            let problems = y.problems()
            guard problems.isEmpty else {
                throw DomainError(.calendarInvalid, field: "year", ["detail": problems.joined(separator: "; ")])
            }
            guard byYear[y.year] == nil else {
                throw DomainError(.calendarInvalid, field: "year", ["detail": "year \(y.year) is given twice"])
            }
            byYear[y.year] = y
        }
        years = byYear
        let all = byYear.values.sorted { $0.year < $1.year }
        let holidays = all.flatMap(\.holidays).sorted { $0.date < $1.date }
        let holidayDates = Set(holidays.map(\.date))
        let working = Set(all.flatMap(\.transfers).compactMap(\.workingDay))
        let transferOff = Set(all.flatMap(\.transfers).compactMap(\.dayOff))
        var moved: [CivilDate: CivilDate] = [:]
        // A public holiday on a Saturday or Sunday moves to the next weekday that is not itself a holiday and
        // not already taken by an earlier move; holidays are processed in date order (spec/terms.md). Moves are
        // computed before transfers, which the decrees then apply on top.
        for h in holidays where h.kind == .public && h.date.isWeekend {
            var day = h.date.adding(days: 1)
            while day.isWeekend || holidayDates.contains(day) || moved[day] != nil {
                day = day.adding(days: 1)
            }
            moved[day] = h.date
        }
        movedHolidays = moved
        workingDays = working
        nonWorking = holidayDates.union(moved.keys).union(transferOff)
    }

    /// Throws when the year has no data: silently treating an unknown year as weekends-only would give wrong terms.
    package func isWorkingDay(_ date: CivilDate) throws(DomainError) -> Bool {
        guard years[date.year] != nil else {
            throw DomainError(.calendarNotCovered, field: "date", ["year": String(date.year)])
        }
        if workingDays.contains(date) { return true }
        if nonWorking.contains(date) { return false }
        return !date.isWeekend
    }

    /// Non-working days in a closed range, ascending.
    package func nonWorkingDays(from: CivilDate, to: CivilDate) throws(DomainError) -> [CivilDate] {
        guard from <= to else { return [] }
        var out: [CivilDate] = []
        for n in from.dayNumber...to.dayNumber {
            let d = CivilDate(dayNumber: n)
            if try !isWorkingDay(d) { out.append(d) }
        }
        return out
    }

    /// The first working day strictly after `date`.
    package func nextWorkingDay(after date: CivilDate) throws(DomainError) -> CivilDate {
        var d = date.adding(days: 1)
        while try !isWorkingDay(d) { d = d.adding(days: 1) }
        return d
    }

    /// `date` itself when it is a working day, otherwise the next one.
    package func workingDay(onOrAfter date: CivilDate) throws(DomainError) -> CivilDate {
        try isWorkingDay(date) ? date : nextWorkingDay(after: date)
    }

    /// The working day `count` working days after `date` (count ≥ 0; 0 gives `date` itself).
    package func adding(workingDays count: Int, to date: CivilDate) throws(DomainError) -> CivilDate {
        var d = date
        for _ in 0..<max(0, count) { d = try nextWorkingDay(after: d) }
        return d
    }

    /// The working day `count` working days before `date`.
    package func subtracting(workingDays count: Int, from date: CivilDate) throws(DomainError) -> CivilDate {
        var d = date
        for _ in 0..<max(0, count) {
            d = d.adding(days: -1)
            while try !isWorkingDay(d) { d = d.adding(days: -1) }
        }
        return d
    }

    /// Replaces (or adds) one year's data, validating it first; used by the operator's calendar load.
    package func replacing(_ year: CalendarYearData) throws(DomainError) -> WorkingCalendar {
        var all = years
        all[year.year] = year
        return try WorkingCalendar(years: Array(all.values))
    }
}
