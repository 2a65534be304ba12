import BilimCore
import Testing

@Suite struct CompetitiveScoreTests {
    let grades = ["kazakh": 500, "math": 400, "history": 400, "physics": 300]

    @Test("general case: the mean of the compulsory and profile subjects, rounded half up after the last division (003 §54)")
    func general() throws {
        // (5 + 4 + 4) / 3 = 4.333… → 4.33
        #expect(try CompetitiveScore.score(grades: grades, subjects: ["kazakh", "math", "history"], exam: .none) == 433)
        // (5 + 4 + 4 + 3) / 4 = 4.00
        #expect(try CompetitiveScore.score(grades: grades, subjects: ["kazakh", "math", "history", "physics"], exam: .none) == 400)
        // (5 + 4) / 2 = 4.50; (4.5 + 4.25) half up: 4.375 → 4.38
        #expect(try CompetitiveScore.score(grades: ["a": 450, "b": 425], subjects: ["a", "b"], exam: .none) == 438)
    }

    @Test("pedagogical and creative programs: the mean of the subject mean and the exam mean, divided once (003 §54)")
    func withExams() throws {
        // subjects (5 + 4 + 4) / 3 = 4.333…, exams (5 + 4) / 2 = 4.5: (4.333… + 4.5) / 2 = 4.4166… → 4.42.
        #expect(try CompetitiveScore.score(grades: grades, subjects: ["kazakh", "math", "history"], exam: .special, examMarks: [500, 400]) == 442)
        #expect(try CompetitiveScore.score(grades: grades, subjects: ["kazakh", "math", "history"], exam: .creative, examMarks: [400, 400]) == 417)
        #expect(try CompetitiveScore.score(grades: grades, subjects: ["kazakh", "math", "history"], exam: .creative, examMarks: [399]) == 416)
        // Divided once: subjects (5 + 5 + 4) / 3 = 4.666…, exam 4: (4.666… + 4) / 2 = 4.333… → 4.33. Rounding the
        // subject mean first (4.67) would give 4.335 → 4.34.
        #expect(try CompetitiveScore.score(grades: ["a": 500, "b": 500, "c": 400], subjects: ["a", "b", "c"], exam: .special, examMarks: [400]) == 433)
        // Exactly half: (4 + 4.25)/2 = 4.125 → 4.13 (half up).
        #expect(try CompetitiveScore.score(grades: ["a": 400], subjects: ["a"], exam: .special, examMarks: [425]) == 413)
    }

    @Test("medical programs: psychometric testing only gates the competition (003 §32)")
    func medical() throws {
        #expect(try CompetitiveScore.score(grades: grades, subjects: ["kazakh", "math"], exam: .psychometric, psychometricPassed: true) == 450)
        #expect(throws: DomainError(.admissionPsychometricFailed, field: "psychometric", ref: "003 §32")) {
            try CompetitiveScore.score(grades: grades, subjects: ["kazakh", "math"], exam: .psychometric, psychometricPassed: false)
        }
    }

    @Test("grades missing from the document, a missing exam mark and a mark of the wrong form are refused (003 §54)")
    func refused() {
        #expect(throws: DomainError(.admissionGradesMissing, field: "grades", ref: "003 §54", ["subjects": "biology"])) {
            try CompetitiveScore.score(grades: grades, subjects: ["kazakh", "biology"], exam: .none)
        }
        #expect(throws: DomainError.self) { try CompetitiveScore.score(grades: grades, subjects: ["kazakh"], exam: .special) }
        for bad in ["0", "5.01", "6", "4.567", "four", "", "-4", "4,5"] {
            #expect(throws: DomainError.self, "\(bad)") { try CompetitiveScore.mark(bad) }
        }
        #expect((try? CompetitiveScore.mark(" 4.5 ")) == 450)
        #expect(CompetitiveScore.documentAverage([500, 400, 400]) == 433)
    }
}

@Suite struct AdmissionWindowTests {
    @Test("each program type has its window from 25 June (003 Annex 1 item 3)", arguments: [
        (ProgramLevel.worker, EducationBase.basicSecondary, StudyForm.fullTime, Funding.stateOrder, EntranceExam.none, false, "08-25"),
        (.worker, .generalSecondary, .evening, .stateOrder, .none, false, "09-20"),
        (.midLevel, .basicSecondary, .fullTime, .stateOrder, .none, false, "08-18"),
        (.midLevel, .generalSecondary, .fullTime, .stateOrder, .none, false, "08-20"),
        (.midLevel, .generalSecondary, .fullTime, .paid, .none, false, "08-25"),
        (.midLevel, .basicSecondary, .extramural, .stateOrder, .none, false, "09-20"),
        (.midLevel, .basicSecondary, .evening, .paid, .none, false, "09-20"),
        (.midLevel, .basicSecondary, .fullTime, .stateOrder, .creative, false, "07-20"),
        (.midLevel, .basicSecondary, .fullTime, .stateOrder, .special, true, "08-15"),
        (.midLevel, .generalSecondary, .fullTime, .stateOrder, .psychometric, false, "08-15"),
    ])
    func windows(level: ProgramLevel, base: EducationBase, form: StudyForm, funding: Funding, exam: EntranceExam, pedagogical: Bool, last: String)
        throws
    {
        let track = AdmissionTrack.of(level: level, base: base, form: form, funding: funding, exam: exam, pedagogical: pedagogical)
        let windows = AdmissionTrack.defaultWindows(year: 2026)
        let closes = try #require(CivilDate(iso: "2026-" + last))
        try AdmissionWindow.check(track, on: CivilDate(iso: "2026-06-25")!, windows: windows)
        try AdmissionWindow.check(track, on: closes, windows: windows)
        #expect(throws: DomainError(.admissionWindowClosed, field: "choices", ref: "003 Annex 1 item 3", ["opens": "2026-06-25", "closes": closes.iso])) {
            try AdmissionWindow.check(track, on: closes.adding(days: 1), windows: windows)
        }
        #expect(throws: DomainError.self) { try AdmissionWindow.check(track, on: CivilDate(iso: "2026-06-24")!, windows: windows) }
    }
}

@Suite struct QuotaAndChoiceTests {
    @Test("reserved places: floor(seats × share), rural only where the program is flagged (003 §3) (spec/quotas.md)")
    func reserves() {
        let catalog = [
            QuotaCategory(code: "disability", shareBasisPoints: 1000, source: "test"),
            QuotaCategory(code: "veteran", shareBasisPoints: 50, source: "test"),
            QuotaCategory(code: "rural", shareBasisPoints: 3500, ruralOnly: true, source: "test"),
        ]
        #expect(QuotaCategory.reserves(seats: 25, rural: true, catalog: catalog).map { "\($0.code)=\($0.seats)" } == ["disability=2", "rural=8"])
        #expect(QuotaCategory.reserves(seats: 25, rural: false, catalog: catalog).map { "\($0.code)=\($0.seats)" } == ["disability=2"])
        #expect(QuotaCategory.reserves(seats: 200, rural: false, catalog: catalog).map { "\($0.code)=\($0.seats)" } == ["disability=20", "veteran=1"])
    }

    @Test("up to four distinct choices (003 §12)")
    func choices() throws {
        try ChoiceCheck.check(["P1", "P2", "P3", "P4"])
        #expect(throws: DomainError(.admissionTooManyChoices, field: "choices", ref: "003 §12", ["max": "4"])) {
            try ChoiceCheck.check(["P1", "P2", "P3", "P4", "P5"])
        }
        #expect(throws: DomainError(.admissionChoiceRepeated, field: "choices", ref: "003 §12", ["program": "P1"])) {
            try ChoiceCheck.check(["P1", "P2", "P1"])
        }
        #expect(throws: DomainError.self) { try ChoiceCheck.check([]) }
    }
}

@Suite struct CommissionVoteTests {
    let seats = [
        CommissionVote.Seat(person: "chair", role: .chair), .init(person: "m1", role: .member), .init(person: "m2", role: .member),
        .init(person: "m3", role: .member), .init(person: "m4", role: .member), .init(person: "m5", role: .member),
        .init(person: "sec", role: .secretary),
    ]

    @Test("quorum: two thirds of the members, the secretary not counted (003 §6)")
    func quorum() throws {
        #expect(CommissionVote.quorum(members: 6) == 4)
        #expect(CommissionVote.quorum(members: 3) == 2)
        #expect(CommissionVote.quorum(members: 5) == 4)
        // Three members and the secretary present: the secretary does not make the quorum.
        #expect(throws: DomainError(.commissionNoQuorum, field: "present", ref: "003 §6", ["present": "3", "required": "4"])) {
            try CommissionVote.decide(seats: seats, present: ["chair", "m1", "m2", "sec"], votes: [("chair", .yes), ("m1", .yes)])
        }
        let ok = try CommissionVote.decide(seats: seats, present: ["chair", "m1", "m2", "m3"], votes: [("chair", .yes), ("m1", .yes), ("m2", .yes), ("m3", .no)])
        #expect(ok.adopted && ok.present == 4 && ok.members == 6)
    }

    @Test("a simple majority of those present; on a tie the chair decides (003 §6)")
    func majority() throws {
        let present: Set<String> = ["chair", "m1", "m2", "m3"]
        let tieYes = try CommissionVote.decide(seats: seats, present: present, votes: [("chair", .yes), ("m1", .yes), ("m2", .no), ("m3", .no)])
        #expect(tieYes.adopted && tieYes.chairDecided)
        let tieNo = try CommissionVote.decide(seats: seats, present: present, votes: [("chair", .no), ("m1", .yes), ("m2", .yes), ("m3", .no)])
        #expect(!tieNo.adopted && tieNo.chairDecided)
        let minority = try CommissionVote.decide(seats: seats, present: present, votes: [("m1", .yes), ("m2", .no), ("m3", .no), ("chair", .abstain)])
        #expect(!minority.adopted)
        // Two of four present is not a majority of those present.
        let short = try CommissionVote.decide(seats: seats, present: present, votes: [("m1", .yes), ("m2", .yes), ("m3", .abstain), ("chair", .abstain)])
        #expect(!short.adopted)
        #expect(throws: DomainError(.commissionTieWithoutChair, field: "votes", ref: "003 §6")) {
            try CommissionVote.decide(seats: seats, present: present, votes: [("m1", .yes), ("m2", .no)])
        }
    }

    @Test("the secretary, an absent member, or a second vote are refused (003 §6)")
    func refused() {
        let present: Set<String> = ["chair", "m1", "m2", "m3", "sec"]
        #expect(throws: DomainError(.commissionSecretaryVotes, field: "votes", ref: "003 §6")) {
            try CommissionVote.decide(seats: seats, present: present, votes: [("sec", .yes)])
        }
        #expect(throws: DomainError(.commissionNotPresent, field: "votes", ref: "003 §6")) {
            try CommissionVote.decide(seats: seats, present: present, votes: [("m5", .yes)])
        }
        #expect(throws: DomainError(.commissionVoteRepeated, field: "votes", ref: "003 §6")) {
            try CommissionVote.decide(seats: seats, present: present, votes: [("m1", .yes), ("m1", .no)])
        }
    }
}

@Suite struct ProgramFileTests {
    @Test("CSV as RFC 4180: quoted commas, doubled quotes, line breaks inside quotes, CR LF, a byte-order mark, blank lines")
    func csv() {
        let text = "\u{FEFF}a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n\r\n2,\"two\nlines\",3\n"
        let records = CSV.records(text)
        #expect(records.map(\.line) == [1, 2, 4])
        #expect(records.map(\.fields) == [["a", "b", "c"], ["1", "x, y", "say \"hi\""], ["2", "two\nlines", "3"]])
    }

    @Test("a program line is checked column by column; the whole file is refused on one error (003 §63)")
    func check() {
        let header = ProgramImportCheck.columns.joined(separator: ",")
        let ok = ProgramImportCheck.check(
            header + "\nC1,org-1,S,Q,general-secondary,ru,evening,paid,mid-level,none,no,12,no,yes,math;physics\n",
            organizations: ["org-1"], existingCodes: [])
        #expect(ok.errors.isEmpty)
        #expect(ok.drafts.first?.track == .midEveningExtramural && ok.drafts.first?.minGroupSize == 0 && ok.drafts.first?.subjects == ["math", "physics"])
        let bad = ProgramImportCheck.check(
            header + "\nC1,org-1,S,Q,general-secondary,ru,evening,paid,mid-level,none,no,12,no,yes,math\nC2,org-1,S,Q,general-secondary,ru,evening,paid,mid-level,none,no,12.5,no,yes,\n",
            organizations: ["org-1"], existingCodes: [])
        #expect(bad.drafts.isEmpty)
        // C2's empty subjects column takes its specialty's list, which C1 gave: only its seats are wrong.
        #expect(bad.errors.map(\.line) == [3])
        #expect(bad.errors.map(\.error.field) == ["seats"])
    }

    @Test("the subjects are the specialty's (003 §54): an empty column takes the reference's list with the language of instruction resolved, a different list or a specialty with none is refused, a new specialty's list is learned")
    func specialtySubjects() {
        let header = ProgramImportCheck.columns.joined(separator: ",")
        let reference = ["01140100": ["instruction-language", "mathematics"]]
        func line(_ code: String, _ specialty: String, _ language: String, _ subjects: String) -> String {
            "\n\(code),org-1,\(specialty),Q,basic-secondary,\(language),full-time,state-order,mid-level,special,yes,25,no,no,\(subjects)"
        }
        let ok = ProgramImportCheck.check(
            header + line("K", "01140100 Pedagogy", "kk", "") + line("R", "01140100 Pedagogy", "ru", "russian-language;mathematics")
                + line("N", "07320100 Surveying", "ru", "mathematics;physics") + line("N2", "07320100 Surveying", "kk", ""),
            organizations: ["org-1"], existingCodes: [], specialties: reference)
        #expect(ok.errors.isEmpty, "\(ok.errors)")
        #expect(ok.drafts.map(\.subjects) == [["kazakh-language", "mathematics"], ["russian-language", "mathematics"], ["mathematics", "physics"], ["mathematics", "physics"]])
        #expect(ok.learned == ["07320100": ["mathematics", "physics"]])
        let bad = ProgramImportCheck.check(
            header + line("D", "01140100 Pedagogy", "kk", "kazakh-language;music") + line("E", "Welding", "kk", ""),
            organizations: ["org-1"], existingCodes: [], specialties: reference)
        #expect(bad.errors.map(\.error.code) == [.importSubjectsDiffer, .importNoSubjects])
        #expect(bad.errors.first?.error.message(in: .ru) == "Предметы специальности «01140100» отличаются от справочника (kazakh-language;mathematics): сначала исправьте справочник или оставьте столбец пустым.")
        #expect(bad.errors.last?.error.message(in: .ru) == "Для специальности «Welding» нет списка обязательных и профильных предметов: укажите его в столбце subjects или добавьте в справочник.")
        #expect(bad.errors.allSatisfy { $0.error.ref?.text == "003 §54" } && bad.learned.isEmpty)
    }
}
