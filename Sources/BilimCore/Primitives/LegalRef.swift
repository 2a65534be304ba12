/// A clause of a seed text, written exactly as `seeds/en/INDEX.md` writes it: `004 §58`, `000 List item 8`,
/// `003 Annex 1 item 8`. Shown to people in parentheses: `(004 §58)`.
package struct LegalRef: Hashable, Sendable, Codable, CustomStringConvertible {
    package let text: String

    /// Accepts a three-digit seed number, one space, then a clause with its number (§N, List item N, Annex N …).
    package init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 5, Digits.value(bytes[0..<3]) != nil, bytes[3] == UInt8(ascii: " ") else { return nil }
        let rest = text.dropFirst(4)
        guard let prefix = ["§", "List item ", "Annex ", "Order §"].first(where: { rest.hasPrefix($0) }),
            let first = rest.dropFirst(prefix.count).utf8.first, first >= 0x30, first <= 0x39
        else { return nil }
        self.text = text
    }

    package init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let ref = LegalRef(raw) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "'\(raw)' is not a clause reference like '004 §58' or '000 List item 8'"))
        }
        self = ref
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }

    package var description: String { "(\(text))" }
}

extension LegalRef: ExpressibleByStringLiteral {
    /// For clauses written in code; a malformed literal is a programming error caught by the first test that runs it.
    package init(stringLiteral value: String) {
        guard let ref = LegalRef(value) else { preconditionFailure("malformed legal reference literal: \(value)") }
        self = ref
    }
}
