import BilimCore
import Testing

@Suite struct TermTests {
    let calendar = KZ.calendar

    func deadline(_ registered: String, _ days: Int, _ unit: Term.Unit, _ channel: Channel) throws(DomainError)
        -> CivilDate
    {
        try Term(days: days, unit: unit).deadline(registeredOn: day(registered), channel: channel, calendar: calendar)
    }

    @Test(
        "15 working days count the registration day as day 1: 2025-03-20 gives 2025-04-14 (000 List item 3(1))",
        arguments: [Channel.office, .portal])
    func workingDays(channel: Channel) throws {
        #expect(try deadline("2025-03-20", 15, .working, channel) == day("2025-04-14"))
    }

    @Test(
        "working-day deadlines skip holidays, moved holidays and transfers (000 List item 3(1))",
        arguments: [
            ("2025-03-20", 1, "2025-03-20"), ("2025-03-20", 2, "2025-03-26"), ("2025-03-20", 5, "2025-03-31"),
            ("2025-01-02", 2, "2025-01-06"), ("2025-01-06", 2, "2025-01-08"),
            ("2020-05-06", 2, "2020-05-11"), ("2026-03-06", 2, "2026-03-10"), ("2025-12-30", 3, "2026-01-05"),
        ])
    func workingTable(registered: String, days: Int, expected: String) throws {
        #expect(try deadline(registered, days, .working, .office) == day(expected))
    }

    @Test("State Corporation intake: the acceptance day is not counted, day 1 is the next working day (004 §56)")
    func stateCorporationWorking() throws {
        #expect(try deadline("2025-03-20", 15, .working, .stateCorporation) == day("2025-04-15"))
        #expect(try deadline("2025-03-20", 1, .working, .stateCorporation) == day("2025-03-26"))
        #expect(try deadline("2025-01-02", 1, .working, .stateCorporation) == day("2025-01-05"))
    }

    @Test(
        "20 calendar days count the registration day as day 1, the State Corporation the next day (001 §4)",
        arguments: [
            (Channel.office, "2025-03-20", "2025-04-08"), (.portal, "2025-03-20", "2025-04-08"),
            (.stateCorporation, "2025-03-20", "2025-04-09"),
        ])
    func calendarDays(channel: Channel, registered: String, expected: String) throws {
        #expect(try deadline(registered, 20, .calendar, channel) == day(expected))
    }

    @Test(
        "calendar days ending on a non-working day move to the next working day (001 §4)",
        arguments: [
            (Channel.office, "2025-03-03", 20, "2025-03-26"), (.stateCorporation, "2025-03-04", 20, "2025-03-26"),
            (.office, "2026-02-17", 20, "2026-03-10"), (.office, "2025-05-06", 2, "2025-05-08"),
            (.office, "2025-12-30", 3, "2026-01-05"), (.stateCorporation, "2025-01-06", 1, "2025-01-08"),
            (.office, "2025-03-20", 1, "2025-03-20"),
        ])
    func calendarMoves(channel: Channel, registered: String, days: Int, expected: String) throws {
        #expect(try deadline(registered, days, .calendar, channel) == day(expected))
    }

    @Test("a term must be at least 1 day", arguments: [0, -1, Int.min])
    func invalidTerm(days: Int) {
        let error = domainError { () throws(DomainError) in try Term(days: days, unit: .working) }

        #expect(error?.code == .termInvalid)
        #expect(error?.field == "days")
        #expect(errorCode { () throws(DomainError) in try Term(days: days, unit: .calendar) } == .termInvalid)
    }

    @Test("a valid term keeps its days and unit")
    func validTerm() throws {
        let term = try Term(days: 15, unit: .working)

        #expect(term.days == 15)
        #expect(term.unit == .working)
    }
}
