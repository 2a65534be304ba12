/// Turns a stored application into the competition's applicant (spec/allocation.md): its score, its document
/// average and the choices it may compete for.
package enum ApplicantScoring {
    package struct ChoiceProgram: Sendable, Hashable {
        package var code: String
        /// The program's compulsory and profile subjects.
        package var subjects: [String]
        package var exam: EntranceExam

        package init(code: String, subjects: [String], exam: EntranceExam) {
            self.code = code
            self.subjects = subjects
            self.exam = exam
        }
    }

    /// What the college entered for one program's exam (003 §48).
    package struct ExamResult: Sendable, Hashable {
        package var marks: [Int]
        package var psychometricPassed: Bool?

        package init(marks: [Int] = [], psychometricPassed: Bool? = nil) {
            self.marks = marks
            self.psychometricPassed = psychometricPassed
        }
    }

    package struct Scored: Sendable, Hashable {
        /// In hundredths; 0 when no choice is left.
        package var score: Int
        package var documentAverage: Int
        /// The choices kept, in the applicant's order.
        package var choices: [String]
        /// The choices left out and why: the psychometric test not passed (003 §32), or no exam marks (003 §54).
        package var leftOut: [(code: String, reason: ErrorCode)]

        package static func == (a: Scored, b: Scored) -> Bool {
            a.score == b.score && a.documentAverage == b.documentAverage && a.choices == b.choices
                && a.leftOut.map(\.code) == b.leftOut.map(\.code) && a.leftOut.map(\.reason) == b.leftOut.map(\.reason)
        }

        package func hash(into h: inout Hasher) { h.combine(choices) }
    }

    /// The applicant's one score, as spec/allocation.md gives one per applicant: the competitive score (003 §54) for
    /// the applicant's highest-ranked choice they may compete for. A medical choice without a passed psychometric
    /// test, or an exam choice without marks, is left out of the competition (003 §32).
    package static func score(
        grades: [String: Int], allGrades: [Int], choices: [ChoiceProgram], exams: [String: ExamResult]
    ) -> Scored {
        var kept: [String] = []
        var leftOut: [(code: String, reason: ErrorCode)] = []
        var score: Int?
        for c in choices {
            let result = exams[c.code]
            do {
                let s = try CompetitiveScore.score(
                    grades: grades, subjects: c.subjects, exam: c.exam, examMarks: result?.marks ?? [],
                    psychometricPassed: result?.psychometricPassed)
                if score == nil { score = s }
                kept.append(c.code)
            } catch {
                leftOut.append((c.code, error.code))
            }
        }
        return Scored(score: score ?? 0, documentAverage: CompetitiveScore.documentAverage(allGrades), choices: kept, leftOut: leftOut)
    }
}
