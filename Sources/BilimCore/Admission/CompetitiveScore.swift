/// What a program asks of its applicants beyond the education document (003 §32).
package enum EntranceExam: String, Sendable, Hashable, Codable, CaseIterable {
    /// The general case: the document's grades alone.
    case none
    /// Pedagogical programs and programs needing special training: special exams.
    case special
    /// Programs needing creative training: creative exams.
    case creative
    /// Medical programs: psychometric testing, pass or fail, which only gates the competition.
    case psychometric
}

/// The average competitive score (003 §54) (spec/allocation.md "Average competitive score"), in hundredths.
package enum CompetitiveScore {
    /// A grade or exam mark on the 5-point scale: `digits[.d[d]]` from 1 to 5, in hundredths.
    package static func mark(_ text: String) throws(DomainError) -> Int {
        let t = text.trimmingSpaces
        guard let h = AllocationJSON.hundredths(t), (100...500).contains(h) else {
            throw DomainError(.admissionScoreMalformed, field: "mark", ref: "003 §54", ["value": String(t.prefix(20))])
        }
        return h
    }

    /// The score from the document's grades of the program's compulsory and profile subjects and, for programs with
    /// special or creative exams, the exam marks: the mean of the two means. Rounded half up to two decimals after
    /// the final division only.
    /// - Parameters:
    ///   - grades: the document's grades by subject, in hundredths.
    ///   - subjects: the program's compulsory and profile subjects (set by the commission for foreign documents,
    ///     003 §62).
    ///   - exam: what the program asks.
    ///   - examMarks: the marks of its special or creative exams, in hundredths.
    ///   - psychometricPassed: the psychometric test's outcome, for medical programs.
    package static func score(
        grades: [String: Int], subjects: [String], exam: EntranceExam, examMarks: [Int] = [], psychometricPassed: Bool? = nil
    ) throws(DomainError) -> Int {
        let missing = subjects.filter { grades[$0] == nil }
        guard missing.isEmpty, !subjects.isEmpty else {
            throw DomainError(.admissionGradesMissing, field: "grades", ref: "003 §54", ["subjects": missing.joined(separator: ", ")])
        }
        let subjectSum = subjects.reduce(0) { $0 + (grades[$1] ?? 0) }
        switch exam {
        case .none:
            return divide(subjectSum, subjects.count)
        case .psychometric:
            guard psychometricPassed == true else { throw DomainError(.admissionPsychometricFailed, field: "psychometric", ref: "003 §32") }
            return divide(subjectSum, subjects.count)
        case .special, .creative:
            guard !examMarks.isEmpty else {
                throw DomainError(.admissionGradesMissing, field: "examMarks", ref: "003 §54", ["subjects": exam.rawValue])
            }
            // (S/n + E/m) / 2 = (S·m + E·n) / (2·n·m), divided once.
            let examSum = examMarks.reduce(0, +)
            return divide(subjectSum * examMarks.count + examSum * subjects.count, 2 * subjects.count * examMarks.count)
        }
    }

    /// The average of all the document's grades, the first tie-break (003 §61).
    package static func documentAverage(_ grades: [Int]) -> Int {
        grades.isEmpty ? 0 : divide(grades.reduce(0, +), grades.count)
    }

    /// n / d rounded half up, for non-negative n and positive d.
    package static func divide(_ n: Int, _ d: Int) -> Int { (2 * n + d) / (2 * d) }
}
