/// A field of an education document that the corrections service (S3) may change. Grades are named per subject:
/// `grade.mathematics`.
package enum CorrectableField: Hashable, Sendable, CustomStringConvertible {
    case holderName
    case specialty
    case qualification
    case grade(subject: String)

    package init?(name: String) {
        switch name {
        case "holder-name": self = .holderName
        case "specialty": self = .specialty
        case "qualification": self = .qualification
        default:
            guard name.hasPrefix("grade."), name.count > 6 else { return nil }
            self = .grade(subject: String(name.dropFirst(6)))
        }
    }

    package var description: String {
        switch self {
        case .holderName: "holder-name"
        case .specialty: "specialty"
        case .qualification: "qualification"
        case .grade(let subject): "grade.\(subject)"
        }
    }
}

/// What the document says now, for comparing a requested correction with it. Grades in hundredths (4.5 is 450).
package struct DocumentSnapshot: Hashable, Sendable {
    package var holderName: String
    package var specialty: String?
    package var qualification: String?
    package var grades: [String: Int]
    /// Diplomas carry a specialty and a qualification; school certificates do not.
    package var isDiploma: Bool

    package init(holderName: String, specialty: String?, qualification: String?, grades: [String: Int], isDiploma: Bool) {
        self.holderName = holderName
        self.specialty = specialty
        self.qualification = qualification
        self.grades = grades
        self.isDiploma = isDiploma
    }

    /// The current value as text, or nil when the document has no such field.
    package func value(of field: CorrectableField) -> String?? {
        switch field {
        case .holderName: .some(holderName)
        case .specialty: isDiploma ? .some(specialty) : nil
        case .qualification: isDiploma ? .some(qualification) : nil
        case .grade(let subject): grades[subject].map { .some(Grade.text(hundredths: $0)) }
        }
    }
}

/// One change the applicant asks for: the field, the correct value and the explanation of the error. (002 §6)
package struct RequestedChange: Hashable, Sendable, Codable {
    package var field: String
    package var value: String
    package var explanation: String

    package init(field: String, value: String, explanation: String) {
        self.field = field
        self.value = value
        self.explanation = explanation
    }
}

/// A checked change: what the registry holds now and what it will hold, in the registry's own form.
package struct PlannedChange: Hashable, Sendable, Codable {
    package var field: String
    package var oldValue: String?
    package var newValue: String
    package var explanation: String

    package init(field: String, oldValue: String?, newValue: String, explanation: String) {
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
        self.explanation = explanation
    }
}

/// Grades as the registry keeps them: a five-point mark with up to two decimals, stored in hundredths.
package enum Grade {
    package static func text(hundredths: Int) -> String {
        let whole = hundredths / 100, rest = hundredths % 100
        if rest == 0 { return String(whole) }
        return rest % 10 == 0 ? "\(whole).\(rest / 10)" : "\(whole).\(rest < 10 ? "0" : "")\(rest)"
    }

    /// "4", "4.5", "4,50" → 400, 450, 450; nil outside 1–5 or with more than two decimals. Only ASCII digits, a
    /// whole part of one or two digits and a fraction of one or two: nothing a request sends can overflow here.
    package static func hundredths(_ text: String) -> Int? {
        let parts = Array(text.trimmingSpaces.replacing(",", with: ".").utf8)
            .split(separator: UInt8(ascii: "."), maxSplits: 2, omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), (1...2).contains(parts[0].count), let whole = Digits.value(parts[0]) else {
            return nil
        }
        var fraction = 0
        if parts.count == 2 {
            let f = parts[1]
            guard (1...2).contains(f.count), let v = Digits.value(f) else { return nil }
            fraction = f.count == 1 ? v * 10 : v
        }
        let value = whole * 100 + fraction
        return (100...500).contains(value) ? value : nil
    }
}

/// The rules of a corrections application (S3): at least one change, each naming a field the document has, a new
/// value different from the current one, and the explanation of the error. (002 §6) (002 §8)
package enum CorrectionCheck {
    package static let maxChanges = 30

    package static func plan(_ changes: [RequestedChange], against doc: DocumentSnapshot) throws(DomainError)
        -> [PlannedChange]
    {
        guard !changes.isEmpty else { throw DomainError(.correctionRequired, field: "changes", ref: "002 §6") }
        guard changes.count <= maxChanges else {
            throw DomainError(.requestInvalid, field: "changes", ["field": "changes"])
        }
        var seen = Set<String>()
        var planned: [PlannedChange] = []
        for (i, change) in changes.enumerated() {
            let name = change.field.trimmingSpaces
            guard let field = CorrectableField(name: name), let current = doc.value(of: field) else {
                throw DomainError(.correctionFieldUnknown, field: "changes.\(i).field", ref: "002 §6", ["value": String(name.prefix(60))])
            }
            guard seen.insert(field.description).inserted else {
                throw DomainError(.correctionFieldRepeated, field: "changes.\(i).field", ["value": field.description])
            }
            let explanation = change.explanation.trimmingSpaces
            guard explanation.count >= 3, explanation.count <= 1000 else {
                throw DomainError(.correctionExplanationRequired, field: "changes.\(i).explanation", ref: "002 §6")
            }
            let newValue: String
            switch field {
            case .grade:
                guard let h = Grade.hundredths(change.value) else {
                    throw DomainError(.correctionValueInvalid, field: "changes.\(i).value", ["value": String(change.value.prefix(20))])
                }
                newValue = Grade.text(hundredths: h)
            case .holderName:
                let v = change.value.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                guard v.split(separator: " ").count >= 2, PersonName.isValidPart(v) else {
                    throw DomainError(.nameInvalid, field: "changes.\(i).value")
                }
                newValue = v
            case .specialty, .qualification:
                let v = change.value.trimmingSpaces
                guard (2...300).contains(v.count), !v.contains(where: \.isNewline) else {
                    throw DomainError(.correctionValueInvalid, field: "changes.\(i).value", ["value": String(v.prefix(20))])
                }
                newValue = v
            }
            guard newValue != current else {
                throw DomainError(.correctionNothingToChange, field: "changes.\(i).value", ref: "002 §8", ["value": field.description])
            }
            planned.append(PlannedChange(field: field.description, oldValue: current, newValue: newValue, explanation: explanation))
        }
        return planned
    }
}
