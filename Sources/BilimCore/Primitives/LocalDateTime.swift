/// A wall-clock moment in Asia/Almaty (or the configured zone). Core never sees instants: the edge converts.
package struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let date: CivilDate
    package let time: TimeOfDay

    package init(date: CivilDate, time: TimeOfDay) {
        self.date = date
        self.time = time
    }

    /// Parses `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS` (no zone; see spec/terms.md "Command-line contract").
    package init?(iso text: some StringProtocol) {
        let s = String(text)
        guard s.utf8.count == 16 || s.utf8.count == 19 else { return nil }
        let bytes = Array(s.utf8)
        guard bytes[10] == UInt8(ascii: "T"), let date = CivilDate(iso: String(decoding: bytes[0..<10], as: UTF8.self)),
            let time = TimeOfDay(iso: String(decoding: bytes[11...], as: UTF8.self))
        else { return nil }
        self.init(date: date, time: time)
    }

    package var iso: String { "\(date.iso)T\(time.iso)" }
    package var description: String { iso }

    package static func < (a: LocalDateTime, b: LocalDateTime) -> Bool {
        (a.date, a.time) < (b.date, b.time)
    }
}

/// A time of day to the second.
package struct TimeOfDay: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    package let secondsSinceMidnight: Int

    /// 00:00:00.
    package static let midnight = TimeOfDay(secondsSinceMidnight: 0)

    private init(secondsSinceMidnight: Int) { self.secondsSinceMidnight = secondsSinceMidnight }

    package init?(hour: Int, minute: Int, second: Int = 0) {
        guard (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second) else { return nil }
        secondsSinceMidnight = hour * 3600 + minute * 60 + second
    }

    /// Parses `HH:MM` or `HH:MM:SS`.
    package init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 5 || bytes.count == 8, bytes[2] == UInt8(ascii: ":"),
            let h = Digits.value(bytes[0..<2]), let m = Digits.value(bytes[3..<5])
        else { return nil }
        var sec = 0
        if bytes.count == 8 {
            guard bytes[5] == UInt8(ascii: ":"), let s = Digits.value(bytes[6..<8]) else { return nil }
            sec = s
        }
        self.init(hour: h, minute: m, second: sec)
    }

    package var hour: Int { secondsSinceMidnight / 3600 }
    package var minute: Int { secondsSinceMidnight / 60 % 60 }
    package var second: Int { secondsSinceMidnight % 60 }

    package var iso: String {
        let hm = "\(Digits.pad(hour, 2)):\(Digits.pad(minute, 2))"
        return second == 0 ? hm : hm + ":\(Digits.pad(second, 2))"
    }
    package var description: String { iso }

    package static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { a.secondsSinceMidnight < b.secondsSinceMidnight }

    package init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let t = TimeOfDay(iso: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a time in the form HH:MM"))
        }
        self = t
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}
