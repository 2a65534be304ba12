import BilimCore
import Testing

@Suite struct IINTests {
    /// The check digit recomputed here from spec/terms.md, independently of `IIN.checkDigit`.
    static func referenceCheck(_ d: [Int]) -> Int? {
        let first = weightedSum(d, firstWeights) % 11
        if first != 10 { return first }
        let second = weightedSum(d, secondWeights) % 11
        return second == 10 ? nil : second
    }

    @Test("900514300121 is valid: born 1990-05-14, male")
    func specExample() throws {
        let iin = try IIN("900514300121")

        #expect(iin.birthDate == day("1990-05-14"))
        #expect(iin.sex == .male)
        #expect(iin.digits == "900514300121")
    }

    @Test(
        "known vectors: the 7th digit gives the century (1–2 1800s, 3–4 1900s, 5–6 2000s) and sex (odd male)",
        arguments: [
            ("850101100002", "1885-01-01", IIN.Sex.male), ("050214200006", "1805-02-14", .female),
            ("600229200004", "1860-02-29", .female), ("751231300004", "1975-12-31", .male),
            ("000101300009", "1900-01-01", .male), ("800715400000", "1980-07-15", .female),
            ("031001500006", "2003-10-01", .male), ("240229500007", "2024-02-29", .male),
            ("100101600009", "2010-01-01", .female), ("900514300305", "1990-05-14", .male),
        ])
    func knownVectors(text: String, birth: String, sex: IIN.Sex) throws {
        let iin = try IIN(text)

        #expect(iin.birthDate == day(birth))
        #expect(iin.sex == sex)
        #expect(IIN.checkDigit(digitsOf(text)) == digitsOf(text)[11])
    }

    @Test(
        "compose builds a valid number with the right century digit",
        arguments: [
            ("1885-01-01", IIN.Sex.male, 1, "850101100002"), ("1805-02-14", .female, 2, "050214200006"),
            ("1975-12-31", .male, 3, "751231300004"), ("1980-07-15", .female, 4, "800715400000"),
            ("2003-10-01", .male, 5, "031001500006"), ("2010-01-01", .female, 6, "100101600009"),
        ])
    func compose(birth: String, sex: IIN.Sex, centuryDigit: Int, expected: String) throws {
        let composed = IIN.compose(birthDate: day(birth), sex: sex, serial: 0)
        let later = IIN.compose(birthDate: day(birth), sex: sex, serial: 4321)

        #expect(composed.digits == expected)
        for iin in [composed, later] {
            let checked = try IIN(iin.digits)
            #expect(checked.birthDate == day(birth))
            #expect(checked.sex == sex)
            #expect(digitsOf(iin.digits)[6] == centuryDigit)
        }
    }

    @Test(
        "anything but 12 ASCII digits is a format error",
        arguments: [
            "", "90051430012", "9005143001211", "900514 300121", " 900514300121", "900514300121 ", "90051430012a",
            "900514-30012", "+90514300121", "９００５１４３００１２１", "٩٠٠٥١٤٣٠٠١٢١", "90051430012١", "            ",
        ])
    func format(text: String) {
        let error = domainError { () throws(DomainError) in try IIN(text) }

        #expect(error?.code == .iinFormat)
        #expect(error?.field == "iin")
    }

    @Test("a century digit outside 1–6 is refused", arguments: ["900514000121", "900514700121", "900514900121"])
    func century(text: String) {
        #expect(errorCode { () throws(DomainError) in try IIN(text) } == .iinCentury)
    }

    @Test(
        "a birth date that does not exist is refused",
        arguments: [
            ("900231300120", "1990-02-31"), ("000229300000", "1900-02-29"), ("901301300000", "1990-13-01"),
            ("900500300000", "1990-05-00"), ("250229500000", "2025-02-29"),
        ])
    func impossibleBirthDate(text: String, shown: String) {
        let error = domainError { () throws(DomainError) in try IIN(text) }

        #expect(error?.code == .iinBirthDate)
        #expect(error?.arguments["value"] == shown)
    }

    @Test("a birth date after today is refused when today is given")
    func futureBirthDate() throws {
        let unborn = IIN.compose(birthDate: day("2026-01-01"), sex: .male, serial: 0)

        let error = domainError { () throws(DomainError) in try IIN(unborn.digits, today: day("2025-12-31")) }

        #expect(error?.code == .iinFutureBirthDate)
        #expect(error?.arguments["value"] == "2026-01-01")
        #expect(try IIN(unborn.digits, today: day("2026-01-01")).birthDate == day("2026-01-01"))
    }

    @Test("a wrong check digit is refused", arguments: Array(0...9).filter { $0 != 1 })
    func checksum(last: Int) {
        #expect(errorCode { () throws(DomainError) in try IIN("90051430012\(last)") } == .iinChecksum)
    }

    @Test("a first remainder of 10 recomputes with weights 3…11, 1, 2")
    func secondSequence() throws {
        let d = digitsOf("900514300305")
        let first = weightedSum(d, firstWeights)
        let second = weightedSum(d, secondWeights)

        #expect((first, first % 11) == (109, 10))
        #expect((second, second % 11) == (126, 5))
        #expect(IIN.checkDigit(d) == 5)
        #expect(try IIN("900514300305").birthDate == day("1990-05-14"))
        #expect(errorCode { () throws(DomainError) in try IIN("900514300300") } == .iinChecksum)
    }

    @Test("a second remainder of 10 means no check digit makes the number valid", arguments: Array(0...9))
    func noValidCheckDigit(last: Int) {
        let head = digitsOf("90051430038")

        #expect(weightedSum(head, firstWeights) % 11 == 10)
        #expect(weightedSum(head, secondWeights) % 11 == 10)
        #expect(IIN.checkDigit(head) == nil)
        #expect(errorCode { () throws(DomainError) in try IIN("90051430038\(last)") } == .iinChecksum)
    }

    @Test("over every serial of one birth date, exactly the reference check digit is accepted")
    func allSerials() {
        var mismatches: [String] = []
        var withoutCheckDigit = 0

        for serial in 0..<10_000 {
            let head = "9005143" + Digits.pad(serial, 4)
            let expected = Self.referenceCheck(digitsOf(head))
            if expected == nil { withoutCheckDigit += 1 }
            if IIN.checkDigit(digitsOf(head)) != expected { mismatches.append(head) }
            let accepted = (0...9).filter { (try? IIN(head + String($0))) != nil }
            if accepted != (expected.map { [$0] } ?? []) { mismatches.append(head) }
        }

        #expect(mismatches.isEmpty, "first: \(mismatches.prefix(3))")
        #expect(withoutCheckDigit > 0)
    }

    @Test("the masked form shows only the first two and the last digit")
    func masked() throws {
        let iin = try IIN("900514300121")

        #expect(iin.masked == "90*********1")
        #expect(iin.masked.count == 12)
        #expect(iin.description == iin.masked)
        #expect(!"\(iin)".contains("0514300"))
    }

    @Test(
        "age counts full years and a minor is under 18",
        arguments: [
            ("900514300121", "2008-05-13", 17, true), ("900514300121", "2008-05-14", 18, false),
            ("900514300121", "2025-03-20", 34, false), ("240229500007", "2025-02-28", 0, true),
            ("240229500007", "2027-03-01", 3, true), ("240229500007", "2028-02-29", 4, true),
        ])
    func age(text: String, on date: String, years: Int, minor: Bool) throws {
        let iin = try IIN(text)

        #expect(iin.age(on: day(date)) == years)
        #expect(iin.isMinor(on: day(date)) == minor)
    }
}
