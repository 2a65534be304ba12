/// An individual identification number: YYMMDD, a century-and-sex digit (1–6), four serial digits and a check
/// digit (spec/terms.md "Command-line contract").
package struct IIN: Hashable, Sendable, CustomStringConvertible {
    package enum Sex: String, Codable, Sendable { case male, female }

    package let digits: String
    package let birthDate: CivilDate
    package let sex: Sex

    /// Validates the text. Only the ASCII digits 0–9 count; anything else, spaces included, is a format error.
    /// When `today` is given, a birth date after it is refused too.
    package init(_ text: String, today: CivilDate? = nil) throws(DomainError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 12, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw DomainError(.iinFormat, field: "iin")
        }
        let d = bytes.map { Int($0 - 0x30) }
        let centuryDigit = d[6]
        guard (1...6).contains(centuryDigit) else { throw DomainError(.iinCentury, field: "iin") }
        let century = 1800 + (centuryDigit - 1) / 2 * 100
        let yy = d[0] * 10 + d[1]
        let mm = d[2] * 10 + d[3]
        let dd = d[4] * 10 + d[5]
        let shown = "\(Digits.pad(century + yy, 4))-\(Digits.pad(mm, 2))-\(Digits.pad(dd, 2))"
        guard let birth = CivilDate(year: century + yy, month: mm, day: dd) else {
            throw DomainError(.iinBirthDate, field: "iin", ["value": shown])
        }
        if let today, birth > today { throw DomainError(.iinFutureBirthDate, field: "iin", ["value": shown]) }
        guard IIN.checkDigit(d) == d[11] else { throw DomainError(.iinChecksum, field: "iin") }
        digits = text
        birthDate = birth
        sex = centuryDigit % 2 == 1 ? .male : .female
    }

    /// The check digit of the first 11 digits: weights 1…11 modulo 11; a remainder of 10 recomputes with weights
    /// 3…11, 1, 2; a second remainder of 10 means no valid number exists (nil).
    package static func checkDigit(_ d: [Int]) -> Int? {
        let first = (0..<11).reduce(0) { $0 + d[$1] * ($1 + 1) } % 11
        if first != 10 { return first }
        let weights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]
        let second = (0..<11).reduce(0) { $0 + d[$1] * weights[$1] } % 11
        return second == 10 ? nil : second
    }

    /// Age in full years on a date.
    package func age(on date: CivilDate) -> Int {
        var years = date.year - birthDate.year
        if (date.month, date.day) < (birthDate.month, birthDate.day) { years -= 1 }
        return years
    }

    /// A minor is under 18 on the given date.
    package func isMinor(on date: CivilDate) -> Bool { age(on: date) < 18 }

    /// Shown only where the holder's number must be read: a masked form (`90****1`) is what logs and lists use.
    package var description: String { masked }

    /// The first two and the last digit, for places where a person must recognise their own number.
    package var masked: String { String(digits.prefix(2)) + "*********" + String(digits.suffix(1)) }
}

extension IIN {
    /// Composes a valid IIN for a birth date and sex from the first serial at or after `serial` that has a check
    /// digit (demo data and test fixtures).
    /// The IIN's century digit covers 1800–2099 only.
    package static func compose(birthDate: CivilDate, sex: Sex, serial: Int) -> IIN {
        precondition((1800...2099).contains(birthDate.year), "an IIN encodes birth years 1800-2099 only")
        let centuryBase = (birthDate.year / 100 - 18) * 2 + 1
        let centuryDigit = centuryBase + (sex == .male ? 0 : 1)
        var s = serial
        while true {
            let head =
                Digits.pad(birthDate.year % 100, 2) + Digits.pad(birthDate.month, 2) + Digits.pad(birthDate.day, 2)
                + String(centuryDigit) + Digits.pad(s % 10000, 4)
            if let check = checkDigit(head.utf8.map { Int($0 - 0x30) }), let iin = try? IIN(head + String(check)) {
                return iin
            }
            s += 1
        }
    }
}
