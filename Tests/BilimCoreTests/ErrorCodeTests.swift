import BilimCore
import Testing

@Suite struct ErrorCodeTests {
    /// The `{name}` placeholders of a template, sorted.
    static func placeholders(_ text: String) -> [String] {
        var out: [String] = []
        var current: String?
        for c in text {
            if c == "{" {
                current = ""
            } else if c == "}", let name = current {
                out.append(name)
                current = nil
            } else if current != nil {
                current! += String(c)
            }
        }
        return out.sorted()
    }

    @Test("every error code has kk, ru and en text", arguments: ErrorCode.allCases)
    func texts(code: ErrorCode) {
        #expect(code.template.missingLanguages == [])
        #expect(code.template.kk != code.template.en)
    }

    @Test("every template names the same placeholders in kk, ru and en", arguments: ErrorCode.allCases)
    func samePlaceholders(code: ErrorCode) {
        let en = Self.placeholders(code.template.en)

        #expect(Self.placeholders(code.template.kk) == en)
        #expect(Self.placeholders(code.template.ru) == en)
    }

    @Test("error codes are unique dotted identifiers")
    func uniqueCodes() {
        let raw = ErrorCode.allCases.map(\.rawValue)

        #expect(Set(raw).count == raw.count)
        #expect(raw.allSatisfy { !$0.isEmpty && !$0.contains(" ") })
    }

    @Test("a message fills in its arguments in every language", arguments: Language.allCases)
    func message(language: Language) {
        let error = DomainError(.calendarNotCovered, field: "date", ["year": "2031"])

        let text = error.message(in: language)

        #expect(text.contains("2031"))
        #expect(!text.contains("{"))
        #expect(error.description == "calendar.notCovered: The working calendar for 2031 is not loaded.")
    }

    @Test("categories map not-found, sign-in and access codes away from validation")
    func categories() {
        #expect(ErrorCode.serviceNotFound.category == .notFound)
        #expect(ErrorCode.signInRequired.category == .unauthorized)
        #expect(ErrorCode.csrfInvalid.category == .forbidden)
        #expect(ErrorCode.databaseUnavailable.category == .unavailable)
        #expect(ErrorCode.iinChecksum.category == .validation)
    }
}
