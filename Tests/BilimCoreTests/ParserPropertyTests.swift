import BilimCore
import PropertyBased
import Testing

/// Every parser that reads what a request, a file or the database holds is total: on any input, however large or
/// malformed (huge numbers, 10 MB strings, invalid UTF-8, NUL bytes), it answers a value or an error, never a trap.
/// A trap would end the test process, so each property's passing is itself the proof; the expectations check that
/// what is accepted is in range.
@Suite struct ParserPropertyTests {
    /// Text made to break parsers: digit runs up to 40 long (past `Int.max`), signs and separators, NUL, non-ASCII
    /// digits, and bytes that are not UTF-8 (decoded with replacement characters, as a request body is).
    static var hostileText: Generator<String, AnySequence<Any>> {
        Gen.oneOf(
        Gen.number.string(of: 1...40),
        Gen<Character?>.element(of: Array("0123456789.,-+ eE\u{0}٤５\t"))
            .compactMap { $0 }.array(of: 0...30).map { String($0) },
        Gen<UInt8>.value(in: 0...255).array(of: 0...40).map { String(decoding: $0, as: UTF8.self) }
        ).eraseToAny()
    }

    static var hostileBytes: Generator<[UInt8], AnySequence<Any>> {
        Gen.oneOf(
        Gen<UInt8>.value(in: 0...255).array(of: 0...64),
        hostileText.map { Array($0.utf8) }
        ).eraseToAny()
    }

    /// One 10 MB string of digits, one of NUL bytes and one of a repeated non-UTF-8 byte.
    static let huge: [String] = [
        String(repeating: "9", count: 10 * 1024 * 1024), String(repeating: "\u{0}", count: 10 * 1024 * 1024),
        String(decoding: [UInt8](repeating: 0xFF, count: 10 * 1024 * 1024), as: UTF8.self),
    ]

    @Test("grades: accepted only from 1 to 5 with up to two decimals, any other text nil")
    func grades() async {
        await propertyCheck(count: 2000, input: Self.hostileText) { text in
            if let h = Grade.hundredths(text) { #expect((100...500).contains(h)) }
        }
        for text in Self.huge + ["99999999999999999", "9223372036854775807", "-0", "5.00", "4,5"] {
            if let h = Grade.hundredths(text) { #expect((100...500).contains(h)) }
        }
        #expect(Grade.hundredths("99999999999999999") == nil && Grade.hundredths("4,5") == 450)
    }

    @Test("scores and marks: any text is a value in hundredths or nil; marks outside 1–5 are refused")
    func scores() async {
        await propertyCheck(count: 2000, input: Self.hostileText) { text in
            if let h = AllocationJSON.hundredths(text) { #expect(h >= 0) }
            if let m = try? CompetitiveScore.mark(text) { #expect((100...500).contains(m)) }
        }
        for text in Self.huge { #expect(AllocationJSON.hundredths(text) == nil) }
    }

    @Test("dates and times: parsed only as YYYY-MM-DD within years 1–9999; arithmetic on any date saturates")
    func dates() async {
        await propertyCheck(count: 2000, input: Self.hostileText) { text in
            if let d = CivilDate(iso: text) { #expect((1...9999).contains(d.year)) }
            _ = LocalDateTime(iso: text)
            _ = TimeOfDay(iso: text)
        }
        await propertyCheck(count: 2000, input: Gen.int(in: 1...3_652_058), Gen.int()) { offset, delta in
            let day = CivilDate.earliest.adding(days: offset - 1)
            for d in [day.adding(days: delta), day.adding(months: delta), day.adding(months: delta % 240_000)] {
                #expect(CivilDate.earliest <= d && d <= CivilDate.latest)
                #expect(CivilDate(iso: d.iso) == d)
            }
        }
        for text in Self.huge { #expect(CivilDate(iso: text) == nil) }
        let last = CivilDate(iso: "9999-06-01")
        #expect(last?.adding(months: 36) == CivilDate.latest && last?.adding(days: .max) == CivilDate.latest)
        #expect(last?.adding(months: .min) == CivilDate.earliest)
    }

    @Test("IINs and BINs: any text is a number or a validation error")
    func identifiers() async {
        await propertyCheck(count: 2000, input: Self.hostileText) { text in
            if let iin = try? IIN(text) { #expect(iin.digits.utf8.count == 12) }
            _ = try? BIN(text)
        }
        for text in Self.huge { #expect((try? IIN(text)) == nil) }
    }

    @Test("terms: any day count outside 1 to Term.maxDays is refused")
    func terms() async {
        await propertyCheck(count: 2000, input: Gen.int()) { days in
            let term = try? Term(days: days, unit: .working)
            #expect((term != nil) == (1...Term.maxDays).contains(days))
        }
    }

    @Test("strict JSON and the allocation input: any bytes are a value or a syntax error; depth is bounded")
    func json() async {
        await propertyCheck(count: 2000, input: Self.hostileBytes) { bytes in
            _ = try? StrictJSON.parse(bytes)
            _ = try? AllocationJSON.decode(bytes)
        }
        let deep = [UInt8](repeating: UInt8(ascii: "["), count: 1_000_000)
        #expect((try? StrictJSON.parse(deep)) == nil)
        // Ten megabytes of digits are one (valid) number, kept as its text; NULs and invalid UTF-8 are refused.
        #expect((try? StrictJSON.parse(Array(Self.huge[0].utf8))) == .number(Self.huge[0]))
        for text in Self.huge.dropFirst() { #expect((try? StrictJSON.parse(Array(text.utf8))) == nil) }
        let bigNumber = Array(#"{"programs": [{"id": "P", "seats": 99999999999999999999999}], "applicants": []}"#.utf8)
        #expect((try? AllocationJSON.decode(bigNumber)) == nil)
    }

    @Test("the programs CSV: any text is drafts or line errors, never a trap")
    func csv() async {
        let header = ProgramImportCheck.columns.joined(separator: ",")
        await propertyCheck(count: 500, input: Self.hostileText.array(of: 0...12)) { cells in
            let text = header + "\n" + cells.joined(separator: ",") + "\n" + cells.reversed().joined(separator: "\"")
            _ = ProgramImportCheck.check(text, organizations: ["org-1"], existingCodes: [])
        }
        for text in Self.huge { _ = ProgramImportCheck.check(header + "\n" + text, organizations: [], existingCodes: []) }
    }
}
