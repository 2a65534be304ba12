/// A term in working or calendar days (spec/terms.md "Terms").
package struct Term: Hashable, Codable, Sendable {
    package enum Unit: String, Codable, Sendable { case working, calendar }

    package let days: Int
    package let unit: Unit

    /// The longest term the rules know is well under a year; ten years bounds any input.
    package static let maxDays = 3660

    /// A term must be at least one day (and at most `maxDays`).
    package init(days: Int, unit: Unit) throws(DomainError) {
        guard days >= 1, days <= Term.maxDays else { throw DomainError(.termInvalid, field: "days") }
        self.days = days
        self.unit = unit
    }

    private enum CodingKeys: String, CodingKey { case days, unit }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(days: c.decode(Int.self, forKey: .days), unit: c.decode(Unit.self, forKey: .unit))
    }

    /// The last day of the term for an application registered on `registeredOn` through `channel`.
    ///
    /// - Working days: day 1 is the registration day when it is a working day; the deadline is the N-th working day.
    /// - Calendar days: day 1 is the registration day; a last day that is non-working moves to the next working day.
    /// - State Corporation intake: the day of acceptance is not counted, so day 1 is the day after the acceptance
    ///   (working days: the next working day after it). A Saturday or after-hours acceptance registers on the next
    ///   working day, which is then day 1 itself. (001 §4) (004 §56)
    package func deadline(
        registeredOn: CivilDate, channel: Channel, calendar: WorkingCalendar, acceptedOn: CivilDate? = nil
    ) throws(DomainError) -> CivilDate {
        let acceptanceNotCounted = channel == .stateCorporation
        let accepted = min(acceptedOn ?? registeredOn, registeredOn)
        switch unit {
        case .working:
            let first =
                acceptanceNotCounted
                ? try calendar.nextWorkingDay(after: accepted) : try calendar.workingDay(onOrAfter: registeredOn)
            return try calendar.adding(workingDays: days - 1, to: first)
        case .calendar:
            let first = acceptanceNotCounted ? accepted.adding(days: 1) : registeredOn
            return try calendar.workingDay(onOrAfter: first.adding(days: days - 1))
        }
    }
}
