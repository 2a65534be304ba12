import Foundation
import Testing

@Suite struct CalendarCommandTests {
    @Test("bilim calendar deadline follows spec/terms.md (004 §53) (004 §56) (000 List item 7)", arguments: [
        // Portal before 18:00 on a working day: registered that day; 15 working days across Nauryz 2025.
        (["--registered", "2025-03-20T17:30", "--channel", "portal", "--working-days", "15"], "2025-03-20", "2025-04-14"),
        // The closing minute itself is after hours.
        (["--registered", "2025-03-20T18:00:00", "--channel", "portal", "--working-days", "15"], "2025-03-26", "2025-04-15"),
        // State Corporation: the acceptance day is not counted; Nauryz 21-25 March 2025 is skipped.
        (["--registered", "2025-03-19T10:00", "--channel", "state-corporation", "--working-days", "5"], "2025-03-19", "2025-03-31"),
        // A Saturday intake registers on Monday, and Monday, the first working day after the acceptance, is day 1.
        (["--registered", "2025-03-29T11:00", "--channel", "state-corporation", "--working-days", "1"], "2025-03-31", "2025-03-31"),
        (["--registered", "2025-03-28T19:30", "--channel", "state-corporation", "--calendar-days", "3"], "2025-03-31", "2025-03-31"),
        // Calendar days: a last day that is non-working moves to the next working day.
        (["--registered", "2025-03-03T09:00", "--channel", "office", "--calendar-days", "20"], "2025-03-03", "2025-03-26"),
        // RFC 3339 instants are converted to Almaty time, with the zone of their date: UTC+6 before 1 March 2024,
        // UTC+5 after (13:00Z on 4 March 2024 is 18:00 local: after hours).
        (["--registered", "2024-02-29T12:30:00Z", "--channel", "portal", "--working-days", "1"], "2024-03-01", "2024-03-01"),
        (["--registered", "2024-03-01T12:30:00Z", "--channel", "portal", "--working-days", "1"], "2024-03-01", "2024-03-01"),
        (["--registered", "2024-03-04T13:00:00+00:00", "--channel", "portal", "--working-days", "2"], "2024-03-05", "2024-03-06"),
    ])
    func deadline(_ args: [String], _ registeredOn: String, _ deadline: String) throws {
        let r = try CLI.run(["calendar", "deadline"] + args)

        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == #"{"registeredOn": "\#(registeredOn)", "deadline": "\#(deadline)"}"#)
    }

    @Test("bilim calendar non-working prints the ascending JSON array of the range")
    func nonWorking() throws {
        let r = try CLI.run(["calendar", "non-working", "--from", "2026-03-01", "--to", "2026-03-10"])

        #expect(r.status == 0)
        let days = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String])
        #expect(days == ["2026-03-01", "2026-03-07", "2026-03-08", "2026-03-09"])
    }

    @Test("the shipped calendar covers 2020 to 2027")
    func coverage() throws {
        let r = try CLI.run(["calendar", "non-working", "--from", "2020-01-01", "--to", "2027-12-31"])

        #expect(r.status == 0)
        let days = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String])
        #expect(days == days.sorted())
        for year in 2020...2027 { #expect(days.contains("\(year)-01-01")) }
    }

    @Test("bad arguments: a clear message on standard error and exit status 2", arguments: [
        (["deadline", "--registered", "2025-03-20T17:30", "--channel", "portal", "--working-days", "0"], "at least 1 day"),
        (["deadline", "--registered", "2025-03-20T17:30", "--channel", "portal", "--calendar-days", "9223372036854775807"], "at most 3660 days"),
        (["deadline", "--registered", "2025-02-30T10:00", "--channel", "portal", "--working-days", "3"], "is not YYYY-MM-DDTHH:MM"),
        (["deadline", "--registered", "yesterday", "--channel", "portal", "--working-days", "3"], "is not YYYY-MM-DDTHH:MM"),
        (["deadline", "--registered", "2025-03-20T10:00", "--channel", "mail", "--working-days", "3"], "--channel must be"),
        (["deadline", "--registered", "2025-03-20T10:00", "--channel", "portal"], "--working-days or --calendar-days"),
        (["deadline", "--registered", "2025-03-20T10:00", "--channel", "portal", "--working-days", "3", "--calendar-days", "3"], "not both"),
        (["deadline", "--channel", "portal", "--working-days", "3"], "--registered"),
        (["non-working", "--from", "2025-1-1", "--to", "2025-12-31"], "is not a date"),
        (["non-working", "--from", "2025-12-31", "--to", "2025-01-01"], "is after"),
        (["non-working", "--from", "2028-01-01", "--to", "2028-01-31"], "2028 is not loaded"),
        (["non-working", "--from", "2025-01-01", "--to", "2025-01-31", "--verbose"], "--verbose"),
    ])
    func badArguments(_ args: [String], _ message: String) throws {
        let r = try CLI.run(["calendar"] + args)

        #expect(r.status == 2)
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }
}
