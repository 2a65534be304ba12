/// Turns a stored application into the competition's applicant (spec/allocation.md): its score, its document
/// average and the choices it may compete for.
package enum ApplicantScoring {
    package struct ChoiceProgram: Sendable, Hashable {
        package var code: String
        /// The program's compulsory and profile subjects.
        package var subjects: [String]
        package var exam: EntranceExam
        /// The organization that holds the exam (003 §54: "the exams conducted by the TVET organization").
        package var organization: String

        package init(code: String, subjects: [String], exam: EntranceExam, organization: String = "") {
            self.code = code
            self.subjects = subjects
            self.exam = exam
            self.organization = organization
        }

        /// The key of an exam the organization holds: one sitting serves every program of that organization with
        /// the same kind of exam.
        package var examKey: String { organization + "\u{1F}" + exam.rawValue }
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
        package var documentAverage: Int
        /// The choices kept, in the applicant's order.
        package var choices: [String]
        /// Each kept choice's own competitive score, in hundredths (003 §54): the same position as in `choices`.
        package var scores: [Int]
        /// The choices left out and why: the psychometric test not passed (003 §32), or no exam marks (003 §54).
        package var leftOut: [(code: String, reason: ErrorCode)]

        package static func == (a: Scored, b: Scored) -> Bool {
            a.scores == b.scores && a.documentAverage == b.documentAverage && a.choices == b.choices
                && a.leftOut.map(\.code) == b.leftOut.map(\.code) && a.leftOut.map(\.reason) == b.leftOut.map(\.reason)
        }

        package func hash(into h: inout Hasher) { h.combine(choices) }
    }

    /// A score for each choice (spec/allocation.md: the score belongs to the pair applicant × program): the mean of
    /// the document's grades in *that program's* compulsory and profile subjects, averaged, for pedagogical, medical
    /// and creative programs, with the marks of *that program's* special or creative exam (003 §54). A medical choice
    /// without a passed psychometric test, or an exam choice without marks, is left out of the competition (003 §32).
    /// - Parameter exams: the applicant's exam results by program code, or by `ChoiceProgram.examKey` for an exam of
    ///   the organization that serves all its programs of that kind; a program's own result is taken first.
    package static func score(
        grades: [String: Int], allGrades: [Int], choices: [ChoiceProgram], exams: [String: ExamResult]
    ) -> Scored {
        var kept: [String] = []
        var scores: [Int] = []
        var leftOut: [(code: String, reason: ErrorCode)] = []
        for c in choices {
            let result = exams[c.code] ?? exams[c.examKey]
            do {
                scores.append(
                    try CompetitiveScore.score(
                        grades: grades, subjects: c.subjects, exam: c.exam, examMarks: result?.marks ?? [],
                        psychometricPassed: result?.psychometricPassed))
                kept.append(c.code)
            } catch {
                leftOut.append((c.code, error.code))
            }
        }
        return Scored(documentAverage: CompetitiveScore.documentAverage(allGrades), choices: kept, scores: scores, leftOut: leftOut)
    }
}
