import BilimCore
import Testing

@Suite struct AdmissionScheduleTests {
    func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    @Test("results are published on 23 August for the basic secondary base and on 25 August for the general secondary base (003 §64)")
    func publication() {
        #expect(AdmissionSchedule.publicationDay(base: .basicSecondary, year: 2026) == day("2026-08-23"))
        #expect(AdmissionSchedule.publicationDay(base: .generalSecondary, year: 2026) == day("2026-08-25"))
    }

    @Test("the contract is signed within 3 calendar days of the result, weekends included (003 §12); a last day off work moves to the next working day (spec/terms.md)")
    func contract() throws {
        // 23 August 2026 is a Sunday: calendar days, not working days; the third, Wednesday 26 August, is a working day.
        let due = try AdmissionSchedule.contractDue(published: day("2026-08-23"), calendar: KZ.calendar)
        #expect(due == day("2026-08-26"))
        #expect(AdmissionSchedule.contractOpen(due: due, on: day("2026-08-26")))
        #expect(!AdmissionSchedule.contractOpen(due: due, on: day("2026-08-27")))
        // Across a month's end.
        #expect(try AdmissionSchedule.contractDue(published: day("2026-08-30"), calendar: KZ.calendar) == day("2026-09-02"))
        // Published on Wednesday 25 August 2027: the third calendar day is Saturday 28 August, so the term ends on
        // Monday 30 August, and the contract is still open on the Sunday.
        let with2027 = try WorkingCalendar(years: [KZ.y2026, CalendarYearData(year: 2027, source: "test", holidays: KZ.common(2027), transfers: [])])
        let due2027 = try AdmissionSchedule.contractDue(published: day("2027-08-25"), calendar: with2027)
        #expect(due2027 == day("2027-08-30") && due2027 != day("2027-08-28"))
        #expect(AdmissionSchedule.contractOpen(due: due2027, on: day("2027-08-29")))
        #expect(!AdmissionSchedule.contractOpen(due: due2027, on: day("2027-08-31")))
    }

    @Test("redistribution by 29 August (003 §63); colleges register applicants by 26 August (003 §53)")
    func deadlines() {
        #expect(AdmissionSchedule.redistributionDeadline(year: 2027) == day("2027-08-29"))
        #expect(AdmissionSchedule.registrationDeadline(year: 2027) == day("2027-08-26"))
    }

    @Test("the final exam meeting's recording is kept at least 1 year, the final admission minutes at least 3 years (003 §6)")
    func retention() {
        #expect(AdmissionSchedule.retainedUntil(held: day("2026-08-10"), kind: .examination, final: true) == day("2027-08-10"))
        #expect(AdmissionSchedule.retainedUntil(held: day("2026-08-22"), kind: .admission, final: true) == day("2029-08-22"))
        // A leap day held record is kept to the last day of February.
        #expect(AdmissionSchedule.retainedUntil(held: day("2028-02-29"), kind: .examination, final: true) == day("2029-02-28"))
        // Other meetings are kept as long as the admission's minutes: never less than the law's year.
        #expect(AdmissionSchedule.retainedUntil(held: day("2026-08-10"), kind: .examination, final: false) == day("2029-08-10"))
    }
}

@Suite struct ApplicantScoringTests {
    let grades = ["kazakh": 500, "math": 400, "biology": 300]
    let ped = ApplicantScoring.ChoiceProgram(code: "PED", subjects: ["kazakh", "math"], exam: .special)
    let med = ApplicantScoring.ChoiceProgram(code: "MED", subjects: ["biology"], exam: .psychometric)
    let wrk = ApplicantScoring.ChoiceProgram(code: "WRK", subjects: ["math"], exam: .none)

    @Test("each choice has its own competitive score (003 §54): grades kazakh 5, math 4, biology 3; a pedagogical choice on kazakh and math with the exam mark 5 scores 4.75, a worker choice on math 4.00")
    func perChoice() {
        let s = ApplicantScoring.score(
            grades: grades, allGrades: [500, 400, 300], choices: [ped, wrk], exams: ["PED": .init(marks: [500])])
        // PED: ((5 + 4) / 2 + 5) / 2 = 4.75; WRK: 4.00. The document's average (5 + 4 + 3) / 3 = 4.00 is the first
        // tie-break (003 §61).
        #expect(s.choices == ["PED", "WRK"] && s.scores == [475, 400] && s.documentAverage == 400 && s.leftOut.isEmpty)
    }

    @Test("the marks of the organization's special exam serve each of its programs with that exam (003 §54): two pedagogical choices of one college, one sitting")
    func organizationsExam() {
        let a = ApplicantScoring.ChoiceProgram(code: "PED-A", subjects: ["kazakh", "math"], exam: .special, organization: "college-1")
        let b = ApplicantScoring.ChoiceProgram(code: "PED-B", subjects: ["math"], exam: .special, organization: "college-1")
        let other = ApplicantScoring.ChoiceProgram(code: "PED-C", subjects: ["math"], exam: .special, organization: "college-2")
        let s = ApplicantScoring.score(
            grades: grades, allGrades: [500, 400, 300], choices: [a, b, other], exams: ["PED-A": .init(marks: [500]), a.examKey: .init(marks: [500])])
        // PED-A ((5 + 4) / 2 + 5) / 2 = 4.75; PED-B (4 + 5) / 2 = 4.50 with college 1's exam; college 2 held none.
        #expect(s.choices == ["PED-A", "PED-B"] && s.scores == [475, 450])
        #expect(s.leftOut.map(\.code) == ["PED-C"])
    }

    @Test("a medical choice without a passed psychometric test and an exam choice without marks are left out (003 §32) (003 §54)")
    func leftOut() {
        let s = ApplicantScoring.score(
            grades: grades, allGrades: [500, 400, 300], choices: [med, ped, wrk], exams: ["MED": .init(psychometricPassed: false)])
        #expect(s.choices == ["WRK"] && s.scores == [400])
        #expect(s.leftOut.map(\.code) == ["MED", "PED"])
        #expect(s.leftOut.map(\.reason) == [.admissionPsychometricFailed, .admissionGradesMissing])
        let passed = ApplicantScoring.score(
            grades: grades, allGrades: [500, 400, 300], choices: [med, wrk], exams: ["MED": .init(psychometricPassed: true)])
        #expect(passed.choices == ["MED", "WRK"] && passed.scores == [300, 400])
        let none = ApplicantScoring.score(grades: [:], allGrades: [], choices: [wrk], exams: [:])
        #expect(none.choices.isEmpty && none.scores.isEmpty && none.documentAverage == 0)
    }
}
