/// A rule broken by input or by a request: a stable code, the offending field, the clause it enforces,
/// and the arguments its localized message needs. Every user-facing failure is one of these.
package struct DomainError: Error, Hashable, Sendable, CustomStringConvertible {
    package let code: ErrorCode
    package let field: String?
    package let ref: LegalRef?
    package let arguments: [String: String]

    package init(_ code: ErrorCode, field: String? = nil, ref: LegalRef? = nil, _ arguments: [String: String] = [:]) {
        self.code = code
        self.field = field
        self.ref = ref
        self.arguments = arguments
    }

    /// The message in the given language with its arguments filled in.
    package func message(in language: Language) -> String {
        var text = code.template[language]
        for (key, value) in arguments { text = text.replacing("{\(key)}", with: value) }
        return text
    }

    package var description: String { "\(code.rawValue): \(message(in: .en))" }
}

/// How a failure maps to an answer: the web layer turns the category into an HTTP status.
package enum ErrorCategory: Sendable {
    case validation, notFound, forbidden, unauthorized, conflict, tooLarge, tooMany, unavailable
}
