import BilimCore
import Foundation

/// The interface texts per language, from `Resources/Locales/<lang>.json` (flat key → text).
package struct UIText: Sendable {
    package let texts: [Language: [String: String]]

    package struct Missing: Error, CustomStringConvertible {
        package let description: String
    }

    /// Loads all three languages and refuses a set where any key lacks a text in any language.
    package static func load() throws -> UIText {
        var texts: [Language: [String: String]] = [:]
        for lang in Language.allCases {
            let url = Bundle.module.bundleURL.appendingPathComponent("Resources/Locales/\(lang.rawValue).json")
            guard let data = try? Data(contentsOf: url) else {
                throw Missing(description: "locale file \(lang.rawValue).json is missing")
            }
            texts[lang] = try JSONDecoder().decode([String: String].self, from: data)
        }
        let ui = UIText(texts: texts)
        let problems = ui.problems()
        guard problems.isEmpty else { throw Missing(description: problems.joined(separator: "; ")) }
        return ui
    }

    /// Keys present in one language and missing or empty in another.
    package func problems() -> [String] {
        let all = Set(texts.values.flatMap(\.keys))
        return all.sorted().flatMap { key in
            Language.allCases.compactMap { lang in
                (texts[lang]?[key]?.trimmingSpaces.isEmpty ?? true) ? "\(lang.rawValue) has no text for '\(key)'" : nil
            }
        }
    }

    package func table(_ lang: Language) -> [String: String] { texts[lang] ?? [:] }

    package func callAsFunction(_ key: String, _ lang: Language) -> String { texts[lang]?[key] ?? key }
}
