import BilimCore
import Testing

@Suite struct RegistrationTests {
    let calendar = KZ.calendar

    func registered(_ submitted: String, closing: TimeOfDay = Registration.defaultClosingTime) throws(DomainError)
        -> CivilDate
    {
        try Registration.registrationDay(submittedAt: moment(submitted), closingTime: closing, calendar: calendar)
    }

    @Test("the default closing minute is 18:00")
    func defaultClosing() {
        #expect(Registration.defaultClosingTime == TimeOfDay(hour: 18, minute: 0))
    }

    @Test(
        "portal submission at 17:59:59 on a working day registers the same day (000 List item 7)",
        arguments: [
            "2025-03-20T17:59:59", "2025-03-20T17:59", "2025-03-20T00:00", "2025-03-20T09:00:00",
        ])
    func portalInHours(submitted: String) throws {
        #expect(try registered(submitted) == day("2025-03-20"))
    }

    @Test(
        "portal submission at 18:00:00 registers on the next working day (004 §53)",
        arguments: [
            ("2025-03-20T18:00:00", "2025-03-26"), ("2025-03-20T18:00", "2025-03-26"),
            ("2025-03-20T23:59:59", "2025-03-26"),
            ("2025-04-04T18:30", "2025-04-07"), ("2025-12-31T18:00", "2026-01-05"), ("2025-01-06T18:00", "2025-01-08"),
        ])
    func portalAfterHours(submitted: String, expected: String) throws {
        #expect(try registered(submitted) == day(expected))
    }

    @Test(
        "portal submission on a weekend or holiday registers on the next working day (000 List item 7)",
        arguments: [
            ("2025-03-29T10:00", "2025-03-31"), ("2025-03-30T03:00", "2025-03-31"), ("2025-03-21T10:00", "2025-03-26"),
            ("2025-03-24T09:00", "2025-03-26"), ("2026-03-08T12:00", "2026-03-10"), ("2026-03-09T10:00", "2026-03-10"),
            ("2025-01-03T10:00", "2025-01-05"), ("2025-01-07T10:00", "2025-01-08"), ("2025-06-06T11:00", "2025-06-09"),
            ("2020-05-08T12:00", "2020-05-11"), ("2026-05-27T08:00", "2026-05-28"),
        ])
    func portalNonWorking(submitted: String, expected: String) throws {
        #expect(try registered(submitted) == day(expected))
    }

    @Test("a submission on a transfer's working Sunday registers that day (004 §53)")
    func transferWorkingSunday() throws {
        #expect(try registered("2025-01-05T10:00") == day("2025-01-05"))
        #expect(try registered("2025-01-05T18:00") == day("2025-01-06"))
        #expect(try registered("2020-05-11T17:00") == day("2020-05-11"))
    }

    @Test(
        "office intake in hours registers that day, after hours the next working day (004 §53)",
        arguments: [
            ("2025-03-20T17:59:59", "2025-03-20"), ("2025-03-20T18:00:00", "2025-03-26"),
            ("2025-03-28T17:00", "2025-03-28"),
            ("2025-03-28T18:05", "2025-03-31"), ("2025-05-08T18:00", "2025-05-12"),
        ])
    func office(submitted: String, expected: String) throws {
        #expect(try registered(submitted) == day(expected))
    }

    @Test("a passport's own closing minute replaces 18:00, and the closing minute itself is after hours (004 §53)")
    func passportClosingTime() throws {
        let officeCloses = try #require(TimeOfDay(hour: 18, minute: 30))
        let stateCorporationCloses = try #require(TimeOfDay(hour: 20, minute: 0))

        #expect(try registered("2025-03-20T18:15", closing: officeCloses) == day("2025-03-20"))
        #expect(try registered("2025-03-20T18:30", closing: officeCloses) == day("2025-03-26"))
        #expect(try registered("2025-03-20T19:59:59", closing: stateCorporationCloses) == day("2025-03-20"))
        #expect(try registered("2025-03-20T20:00", closing: stateCorporationCloses) == day("2025-03-26"))
    }

    @Test("a Saturday intake at the State Corporation registers on the next working day (004 §53)")
    func stateCorporationSaturday() throws {
        let closes = try #require(TimeOfDay(hour: 20, minute: 0))

        #expect(try registered("2025-03-29T10:00", closing: closes) == day("2025-03-31"))
        #expect(try registered("2026-03-21T09:00", closing: closes) == day("2026-03-26"))
    }

    @Test("a submission in a year with no calendar data throws calendarNotCovered")
    func notCovered() {
        #expect(errorCode { () throws(DomainError) in try registered("2024-06-03T10:00") } == .calendarNotCovered)
        #expect(errorCode { () throws(DomainError) in try registered("2026-12-31T18:00") } == .calendarNotCovered)
    }
}
