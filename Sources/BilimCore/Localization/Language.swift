/// The languages of every user-facing text: Kazakh and Russian for people, English for operators and developers.
package enum Language: String, CaseIterable, Codable, Sendable {
    case kk, ru, en

    /// The state language is the default.
    package static let `default`: Language = .kk

    /// Picks the first supported language from an `Accept-Language` header value, ignoring weights of 0.
    package static func negotiate(acceptLanguage header: String) -> Language? {
        var best: (Language, Double)?
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingSpaces }
            guard let tag = pieces.first?.lowercased() else { continue }
            let primary = String(tag.split(separator: "-").first ?? "")
            var q = 1.0
            for p in pieces.dropFirst() where p.hasPrefix("q=") { q = Double(p.dropFirst(2)) ?? 0 }
            guard q > 0, let lang = Language(rawValue: primary) else { continue }
            if best == nil || q > best!.1 { best = (lang, q) }
        }
        return best?.0
    }
}

/// A text in all three languages. Data files must give all three; validation refuses an empty one.
package struct LocalizedText: Hashable, Codable, Sendable {
    package var kk: String
    package var ru: String
    package var en: String

    package init(kk: String, ru: String, en: String) {
        self.kk = kk
        self.ru = ru
        self.en = en
    }

    package subscript(language: Language) -> String {
        switch language {
        case .kk: kk
        case .ru: ru
        case .en: en
        }
    }

    /// The languages whose text is empty or only spaces.
    package var missingLanguages: [Language] {
        Language.allCases.filter { self[$0].trimmingSpaces.isEmpty }
    }
}

extension StringProtocol {
    package var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[start...end]))
    }
}
