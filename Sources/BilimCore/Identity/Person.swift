/// A person's name as the identity registry holds it: surname, given name and an optional patronymic, in Kazakh,
/// Russian or Latin letters.
package struct PersonName: Hashable, Codable, Sendable {
    package let surname: String
    package let givenName: String
    package let patronymic: String?

    package init(surname: String, givenName: String, patronymic: String? = nil) throws(DomainError) {
        let s = surname.trimmingSpaces
        let g = givenName.trimmingSpaces
        let p = patronymic?.trimmingSpaces
        guard PersonName.isValidPart(s) else { throw DomainError(.nameInvalid, field: "surname") }
        guard PersonName.isValidPart(g) else { throw DomainError(.nameInvalid, field: "givenName") }
        if let p, !p.isEmpty, !PersonName.isValidPart(p) { throw DomainError(.nameInvalid, field: "patronymic") }
        self.surname = s
        self.givenName = g
        self.patronymic = (p?.isEmpty ?? true) ? nil : p
    }

    /// Kazakh letters beyond Russian's alphabet (ә ғ қ ң ө ұ ү һ і), checked explicitly by the tests.
    package static let kazakhLetters: Set<Character> = [
        "ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і", "Ә", "Ғ", "Қ", "Ң", "Ө", "Ұ", "Ү", "Һ", "І",
    ]

    /// Letters of the Cyrillic (Russian and Kazakh) and Latin alphabets, with inner hyphens, apostrophes and spaces.
    package static func isValidPart(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 100 else { return false }
        guard let first = text.first, let last = text.last, isLetter(first), isLetter(last) else { return false }
        return text.allSatisfy { isLetter($0) || $0 == "-" || $0 == " " || $0 == "'" || $0 == "’" }
    }

    /// A base letter optionally followed by combining marks, so that "й" typed as и + U+0306 (decomposed, as some
    /// keyboards and scanners produce it) is a letter as much as the precomposed "й".
    private static func isLetter(_ c: Character) -> Bool {
        guard let u = c.unicodeScalars.first else { return false }
        let baseIsLetter: Bool
        switch u.value {
        case 0x41...0x5A, 0x61...0x7A: baseIsLetter = true  // Latin
        case 0x0400...0x04FF: baseIsLetter = u.properties.isAlphabetic  // Cyrillic, with Kazakh letters
        default: baseIsLetter = false
        }
        return baseIsLetter && c.unicodeScalars.dropFirst().allSatisfy { (0x0300...0x036F).contains($0.value) }
    }

    /// "Surname Given Patronymic", the order of Kazakh and Russian documents.
    package var full: String { [surname, givenName, patronymic].compactMap { $0 }.joined(separator: " ") }
}

/// A person known by IIN and name.
package struct Person: Hashable, Codable, Sendable {
    package let iin: String
    package let name: PersonName

    package init(iin: IIN, name: PersonName) {
        self.iin = iin.digits
        self.name = name
    }
}

/// Who acts for a minor: a parent or another legal representative (000 List item 8).
package struct Representative: Hashable, Codable, Sendable {
    package enum Relation: String, Codable, Sendable, CaseIterable { case parent, guardian, trustee }

    package let person: Person
    package let relation: Relation

    package init(person: Person, relation: Relation) {
        self.person = person
        self.relation = relation
    }

    /// A minor's application is made by a parent or legal representative; an adult applies in person.
    /// (000 List item 8)
    package static func check(applicant: IIN, representative: Representative?, on date: CivilDate)
        throws(DomainError)
    {
        if applicant.isMinor(on: date), representative == nil {
            throw DomainError(.representativeRequired, field: "representative", ref: "000 List item 8")
        }
        if let representative, representative.person.iin == applicant.digits {
            throw DomainError(.representativeRequired, field: "representative", ref: "000 List item 8")
        }
    }
}
