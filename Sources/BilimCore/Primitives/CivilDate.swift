/// A calendar date with no time zone (proleptic Gregorian), the unit every term is counted in.
package struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let year: Int
    package let month: Int
    package let day: Int

    /// Returns nil when the triple is not a real date (30 February, month 13, …).
    package init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CivilDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD` with ASCII digits.
    package init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let y = Digits.value(bytes[0..<4]), let m = Digits.value(bytes[5..<7]), let d = Digits.value(bytes[8..<10])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    package static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (negative before), by Howard Hinnant's civil-from-days algorithm.
    package var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The first and last days a `CivilDate` holds (years 1 to 9999, as `init?(year:month:day:)` accepts).
    package static let earliest = CivilDate(validYear: 1, month: 1, day: 1)
    package static let latest = CivilDate(validYear: 9999, month: 12, day: 31)

    private init(validYear: Int, month: Int, day: Int) {
        self.year = validYear
        self.month = month
        self.day = day
    }

    /// The day `z0` days after 1970-01-01, held to the range `earliest...latest` (no date arithmetic traps or leaves
    /// the years 1–9999: a term counted past the year 9999 ends on its last day).
    package init(dayNumber z0: Int) {
        let z0 = min(max(z0, CivilDate.earliest.dayNumber), CivilDate.latest.dayNumber)
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// Adds days, held to `earliest...latest` (checked arithmetic: an absurd count saturates, it never traps).
    package func adding(days: Int) -> CivilDate {
        let (sum, overflow) = dayNumber.addingReportingOverflow(days)
        if overflow { return days < 0 ? .earliest : .latest }
        return CivilDate(dayNumber: sum)
    }

    /// Adds calendar months, clamping the day to the target month's length (31 January + 1 month = 28/29 February).
    /// Held to `earliest...latest`: 9999-06-01 plus three years is 9999-12-31, never a crash.
    package func adding(months: Int) -> CivilDate {
        let (shifted, overflow) = (year * 12 + (month - 1)).addingReportingOverflow(months)
        if overflow { return months < 0 ? .earliest : .latest }
        let y = shifted / 12
        let m = shifted % 12 + 1
        if shifted < 12 { return .earliest }
        if y > 9999 { return .latest }
        return CivilDate(year: y, month: m, day: min(day, CivilDate.daysIn(month: m, year: y))) ?? .latest
    }

    package var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        let index = ((dayNumber % 7) + 7 + 3) % 7  // 0 = Monday
        return Weekday.allCases[index]
    }

    package var isWeekend: Bool { weekday == .saturday || weekday == .sunday }

    package var iso: String { "\(Digits.pad(year, 4))-\(Digits.pad(month, 2))-\(Digits.pad(day, 2))" }
    package var description: String { iso }
    /// Day.month.year, as dates are written in Kazakh and Russian texts: 30.08.2027.
    package var dotted: String { "\(Digits.pad(day, 2)).\(Digits.pad(month, 2)).\(Digits.pad(year, 4))" }

    package static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }
}

extension CivilDate: Codable {
    package init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CivilDate(iso: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a date in the form YYYY-MM-DD"))
        }
        self = date
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}

package enum Weekday: String, CaseIterable, Codable, Sendable {
    case monday = "mon", tuesday = "tue", wednesday = "wed", thursday = "thu", friday = "fri"
    case saturday = "sat", sunday = "sun"
}

/// ASCII-only digit helpers: `Character.isNumber` accepts Arabic-Indic and other digits, which no rule here allows.
package enum Digits {
    /// The value of ASCII digits; nil for an empty run, a non-digit or a value past `Int.max` (checked, never traps).
    package static func value(_ bytes: some Collection<UInt8>) -> Int? {
        guard !bytes.isEmpty else { return nil }
        var v = 0
        for b in bytes {
            guard b >= 0x30, b <= 0x39 else { return nil }
            let (times, o1) = v.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(Int(b - 0x30))
            if o1 || o2 { return nil }
            v = sum
        }
        return v
    }

    package static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
