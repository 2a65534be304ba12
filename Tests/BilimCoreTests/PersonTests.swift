import BilimCore
import Testing

@Suite struct PersonTests {
    @Test(
        "names in Kazakh, Russian and Latin letters are accepted",
        arguments: [
            ("Әбілқасымов", "Ғалымжан", "Қайратұлы"), ("Ңүкенова", "Өміргүл", "Ұлықбекқызы"), ("Һашимов", "Іңкәр", nil),
            ("Иванов", "Сергей", "Петрович"), ("Ёлкина", "Юлия", "Эдуардовна"), ("Smith", "John", nil),
            ("ӘҒҚҢӨҰҮҺІ", "әғқңөұүһі", nil),
        ])
    func accepted(surname: String, given: String, patronymic: String?) throws {
        let name = try PersonName(surname: surname, givenName: given, patronymic: patronymic)

        #expect(name.surname == surname)
        #expect(name.givenName == given)
        #expect(name.patronymic == patronymic)
    }

    @Test("every Kazakh-only letter is a letter", arguments: Array(PersonName.kazakhLetters))
    func kazakhLetter(letter: Character) {
        #expect(PersonName.isValidPart("А\(letter)а"))
        #expect(PersonName.isValidPart(String(letter)))
    }

    @Test("the patronymic is optional; an empty or blank one is dropped", arguments: [nil, "", "   "] as [String?])
    func optionalPatronymic(patronymic: String?) throws {
        let name = try PersonName(surname: "Сейітқали", givenName: "Айгерім", patronymic: patronymic)

        #expect(name.patronymic == nil)
        #expect(name.full == "Сейітқали Айгерім")
    }

    @Test("hyphens, apostrophes and inner spaces are accepted; outer spaces are trimmed")
    func punctuation() throws {
        let name = try PersonName(surname: "  Римский-Корсаков ", givenName: "Әбу Бәкір", patronymic: "O'Brien")

        #expect(name.surname == "Римский-Корсаков")
        #expect(name.full == "Римский-Корсаков Әбу Бәкір O'Brien")
        #expect(PersonName.isValidPart("Д’Артаньян"))
    }

    @Test(
        "digits, symbols, empty parts, edge hyphens and over 100 characters are refused",
        arguments: [
            "", "   ", "Ахмет1", "Иван٣", "Иван２", "-Иванов", "Иванов-", "Ива@нов", "Иванов.", "Αλέξης", "李",
            String(repeating: "ә", count: 101),
        ])
    func refused(part: String) {
        #expect(!PersonName.isValidPart(part))
        #expect(
            errorCode { () throws(DomainError) in try PersonName(surname: part, givenName: "Айгерім") } == .nameInvalid)
    }

    @Test("100 letters is the longest accepted part")
    func longest() {
        #expect(PersonName.isValidPart(String(repeating: "ә", count: 100)))
    }

    @Test(
        "the error names the part that is wrong",
        arguments: [
            ("Ахмет1", "Айгерім", "Қайратқызы", "surname"), ("Ахметов", "", "Қайратқызы", "givenName"),
            ("Ахметов", "Айгерім", "Қайрат2", "patronymic"),
        ])
    func field(surname: String, given: String, patronymic: String, expected: String) {
        let error = domainError { () throws(DomainError) in
            try PersonName(surname: surname, givenName: given, patronymic: patronymic)
        }

        #expect(error?.code == .nameInvalid)
        #expect(error?.field == expected)
    }

    @Test("a name typed in decomposed Unicode (NFD) is accepted like its precomposed form")
    func decomposedName() {
        let decomposed = "Серге\u{0438}\u{0306}"
        #expect(decomposed == "Сергей")

        #expect(PersonName.isValidPart(decomposed))
        #expect(PersonName.isValidPart("\u{0415}\u{0308}лкин"))
    }

    static let adult = IIN.compose(birthDate: day("1985-04-02"), sex: .female, serial: 10)
    static let child = IIN.compose(birthDate: day("2012-09-01"), sex: .male, serial: 20)
    static func parent() throws(DomainError) -> Representative {
        let name = try PersonName(surname: "Нұрланова", givenName: "Әсел", patronymic: "Маратқызы")
        return Representative(person: Person(iin: adult, name: name), relation: .parent)
    }

    @Test("a minor's application without a representative is refused (000 List item 8)")
    func minorNeedsRepresentative() {
        let error = domainError { () throws(DomainError) in
            try Representative.check(applicant: Self.child, representative: nil, on: day("2025-03-20"))
        }

        #expect(error?.code == .representativeRequired)
        #expect(error?.ref == LegalRef("000 List item 8"))
        #expect(error?.field == "representative")
    }

    @Test("a minor with a parent and an adult alone may apply (000 List item 8)")
    func allowed() throws {
        try Representative.check(applicant: Self.child, representative: try Self.parent(), on: day("2025-03-20"))
        try Representative.check(applicant: Self.adult, representative: nil, on: day("2025-03-20"))
        try Representative.check(applicant: Self.child, representative: nil, on: day("2030-09-01"))
    }

    @Test("the day before the 18th birthday still needs a representative (000 List item 8)")
    func eighteenthBirthday() {
        #expect(
            errorCode { () throws(DomainError) in
                try Representative.check(applicant: Self.child, representative: nil, on: day("2030-08-31"))
            } == .representativeRequired)
    }

    @Test("a representative cannot be the applicant themself (000 List item 8)")
    func notSelf() throws {
        let name = try PersonName(surname: "Нұрланов", givenName: "Ерлан")
        let selfRep = Representative(person: Person(iin: Self.child, name: name), relation: .guardian)

        #expect(
            errorCode { () throws(DomainError) in
                try Representative.check(applicant: Self.child, representative: selfRep, on: day("2025-03-20"))
            } == .representativeRequired)
    }
}
