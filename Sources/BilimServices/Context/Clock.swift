import BilimCore
import BilimStore
import Foundation

/// The time source; tests pass a fixed one.
package protocol Clock: Sendable {
    func now() -> Date
}

package struct SystemClock: Clock {
    package init() {}
    package func now() -> Date { Date() }
}

/// Converts instants to the local civil time the rules are written in (Asia/Almaty unless configured otherwise).
/// Uses the time-zone database, never a fixed offset: the country moved from UTC+6 to UTC+5 on 1 March 2024.
package struct LocalTime: Sendable {
    package let zone: TimeZone

    package static let almaty = LocalTime(zone: TimeZone(identifier: "Asia/Almaty")!)

    package init(zone: TimeZone) { self.zone = zone }

    package func local(_ instant: Date) -> LocalDateTime {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = zone
        let c = cal.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        // Out of the years 1–9999 (an absurd stored instant) the day saturates; nothing traps on it.
        let date = CivilDate(year: c.year ?? 1, month: c.month ?? 1, day: c.day ?? 1) ?? ((c.year ?? 1) < 1 ? .earliest : .latest)
        let time = TimeOfDay(hour: c.hour ?? 0, minute: c.minute ?? 0, second: c.second ?? 0) ?? TimeOfDay.midnight
        return LocalDateTime(date: date, time: time)
    }

    package func today(_ clock: any Clock) -> CivilDate { local(clock.now()).date }

    /// A stored instant as people read it: local `YYYY-MM-DD HH:MM`; the text itself when it is not an instant.
    package func minuteText(_ stored: String) -> String {
        guard let l = Instant.date(stored).map(local) else { return stored }
        return "\(l.date.iso) \(Digits.pad(l.time.hour, 2)):\(Digits.pad(l.time.minute, 2))"
    }

    /// Reads `--registered`: local `YYYY-MM-DDTHH:MM[:SS]`, or an RFC 3339 instant with `Z` or an offset, which is
    /// converted to local time (spec/terms.md "Command-line contract"). Nil when it is neither.
    package func parseMoment(_ text: String) -> LocalDateTime? {
        if let local = LocalDateTime(iso: text) { return local }
        let styles: [Date.ISO8601FormatStyle] = [
            Date.ISO8601FormatStyle(), Date.ISO8601FormatStyle(includingFractionalSeconds: true),
        ]
        for style in styles {
            if let d = try? style.parse(text) { return local(d) }
        }
        // RFC 3339 allows an offset without seconds in the time part: 2025-03-20T17:30+05:00.
        if text.utf8.count >= 17, let t = text.firstIndex(of: "T") {
            let afterT = text[text.index(after: t)...]
            if let sign = afterT.firstIndex(where: { $0 == "+" || $0 == "-" || $0 == "Z" }),
                afterT.distance(from: afterT.startIndex, to: sign) == 5
            {
                let withSeconds = String(text[..<sign]) + ":00" + String(text[sign...])
                for style in styles { if let d = try? style.parse(withSeconds) { return local(d) } }
            }
        }
        return nil
    }
}
