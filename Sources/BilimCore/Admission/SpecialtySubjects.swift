/// The compulsory and profile subjects a specialty is scored on (003 §54). The law lists them in its Annex 5, which
/// is not in the seeds: the list is data, shipped as a reference with its source and loaded and corrected by the
/// education department, never a free column of each program. A program's list follows from its specialty's, with
/// the language of instruction (`instruction-language`) resolved for its language.
package enum SpecialtySubjects {
    /// The placeholder, in a specialty's list, for the language of instruction.
    package static let instructionLanguage = "instruction-language"

    /// The specialty's key: its classifier code (the leading eight digits), or the whole name when it has none.
    package static func key(_ specialty: String) -> String {
        let head = specialty.trimmingSpaces.prefix { $0 != " " }
        return head.count == 8 && head.allSatisfy({ $0.isASCII && $0.isNumber }) ? String(head) : specialty.trimmingSpaces
    }

    /// The subject a program in this language teaches its language of instruction by.
    package static func languageSubject(_ language: Language) -> String {
        switch language {
        case .kk: "kazakh-language"
        case .ru: "russian-language"
        case .en: "english-language"
        }
    }

    /// A program's list from its specialty's.
    package static func resolve(_ list: [String], language: Language) -> [String] {
        list.map { $0 == instructionLanguage ? languageSubject(language) : $0 }
    }

    /// A program line's list as its specialty's: its own language of instruction written as the placeholder.
    package static func generalize(_ list: [String], language: Language) -> [String] {
        list.map { $0 == languageSubject(language) ? instructionLanguage : $0 }
    }
}
