/// One year of the working calendar as data: holidays and transfers of days off, with the source of each
/// (spec/terms.md "The working calendar of Kazakhstan"). The law changes the data, never the code.
package struct CalendarYearData: Hashable, Codable, Sendable {
    package var year: Int
    package var source: String
    package var holidays: [Holiday]
    package var transfers: [Transfer]

    package init(year: Int, source: String, holidays: [Holiday], transfers: [Transfer]) {
        self.year = year
        self.source = source
        self.holidays = holidays
        self.transfers = transfers
    }

    package struct Holiday: Hashable, Codable, Sendable {
        package var date: CivilDate
        package var kind: Kind
        package var name: LocalizedText

        package init(date: CivilDate, kind: Kind, name: LocalizedText) {
            self.date = date
            self.kind = kind
            self.name = name
        }

        /// Public holidays that fall on a weekend move to the next working day; religious days never move.
        package enum Kind: String, Codable, Sendable { case `public`, religious }
    }

    /// A day off moved by decree: `dayOff` (a weekday made free) and `workingDay` (a Saturday or Sunday made
    /// working, or the weekday a weekend holiday had moved to). Either may be missing when the pair spans two years.
    package struct Transfer: Hashable, Codable, Sendable {
        package var dayOff: CivilDate?
        package var workingDay: CivilDate?
        package var source: String

        package init(dayOff: CivilDate?, workingDay: CivilDate?, source: String) {
            self.dayOff = dayOff
            self.workingDay = workingDay
            self.source = source
        }
    }

    /// Every problem with the data at once, so an operator fixes a file in one go.
    package func problems() -> [String] {
        var out: [String] = []
        if !(1900...9999).contains(year) { out.append("year \(year) is out of range") }
        if source.trimmingSpaces.isEmpty { out.append("year \(year) names no source") }
        var seen = Set<CivilDate>()
        for h in holidays {
            if h.date.year != year { out.append("holiday \(h.date) is not in \(year)") }
            if !seen.insert(h.date).inserted { out.append("holiday \(h.date) is listed twice") }
            for lang in h.name.missingLanguages { out.append("holiday \(h.date) has no \(lang.rawValue) name") }
        }
        for t in transfers {
            if t.dayOff == nil && t.workingDay == nil { out.append("a transfer names neither day") }
            if let d = t.dayOff {
                if d.year != year { out.append("transfer day off \(d) is not in \(year)") }
                if d.isWeekend { out.append("transfer day off \(d) is already a weekend day") }
            }
            if let w = t.workingDay {
                if w.year != year { out.append("transfer working day \(w) is not in \(year)") }
            }
            if t.source.trimmingSpaces.isEmpty { out.append("a transfer in \(year) names no source") }
        }
        return out
    }
}
