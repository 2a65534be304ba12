import BilimCore
import Testing

@Suite struct CaseMachineTests {
    let passport = PassportValidationTests.minimal
    let calendar = KZ.calendar

    /// A case registered on 2025-03-03 with its 15-working-day deadline (000 List item 3(1)).
    func facts(_ state: CaseState, _ channel: Channel = .portal, pickupAtSC: Bool = false) -> CaseFacts {
        CaseFacts(state: state, channel: channel, deadline: day("2025-03-28"), pickupAtStateCorporation: pickupAtSC)
    }

    func decide(_ c: CaseCommand, _ role: Role, _ f: CaseFacts, today: String = "2025-03-10") throws(DomainError)
        -> CaseTransition
    {
        try CaseMachine.decide(c, by: role, facts: f, passport: passport, today: day(today), calendar: calendar)
    }

    @Test("a portal duplicate: review, duplicate prepared, handed over at the provider (004 §58)")
    func portalHappyPath() throws {
        let review = try decide(.acceptForReview, .providerStaff, facts(.registered))
        let ready = try decide(.prepareDuplicate, .providerStaff, facts(.inReview))
        let handed = try decide(.handOver, .providerStaff, facts(.resultReady))

        #expect(review.to == .inReview && review.actions == [.notifyApplicant(.inReview)])
        #expect(ready.to == .resultReady && ready.actions == [.issueDuplicate, .notifyApplicant(.resultReady)])
        #expect(handed.to == .handedOver)
    }

    @Test("State Corporation intake goes to the provider in a courier registry first (004 §54)")
    func stateCorporationRoute() throws {
        #expect(errorCode { () throws(DomainError) in try decide(.acceptForReview, .providerStaff, facts(.registered, .stateCorporation)) } == .transitionNotAllowed)
        #expect(try decide(.sendToProvider, .stateCorporationOperator, facts(.registered, .stateCorporation)).to == .sentToProvider)
        #expect(try decide(.acceptForReview, .providerStaff, facts(.sentToProvider, .stateCorporation)).to == .inReview)
        // A portal or office case never travels in a registry.
        #expect(errorCode { () throws(DomainError) in try decide(.sendToProvider, .stateCorporationOperator, facts(.registered, .office)) } == .transitionNotAllowed)
    }

    @Test("a result for pickup at the State Corporation is stored, handed over there, or returned after a month (004 §61) (004 §62)")
    func storage() throws {
        let f = facts(.resultReady, .stateCorporation, pickupAtSC: true)
        #expect(errorCode { () throws(DomainError) in try decide(.handOver, .providerStaff, f) } == .transitionNotAllowed)
        #expect(try decide(.receiveResult, .stateCorporationOperator, f).to == .stored)

        var stored = facts(.stored, .stateCorporation, pickupAtSC: true)
        stored.resultReceivedOn = day("2025-04-01")
        #expect(try decide(.handOver, .stateCorporationOperator, stored, today: "2025-04-15").to == .handedOver)
        let early = domainError { () throws(DomainError) in try decide(.returnToProvider, .stateCorporationOperator, stored, today: "2025-05-01") }
        #expect(early?.code == .storageNotOver && early?.arguments["date"] == "2025-05-01")
        #expect(try decide(.returnToProvider, .stateCorporationOperator, stored, today: "2025-05-02").to == .returnedToProvider)
        #expect(try decide(.fetchBack, .stateCorporationOperator, facts(.returnedToProvider, .stateCorporation, pickupAtSC: true)).to == .stored)
    }

    @Test("the preliminary refusal notice goes out no later than 3 working days before the term ends (004 §58)")
    func hearingNoticeDeadline() throws {
        // Deadline Friday 2025-03-28: 3 working days before is Thursday 2025-03-20, counting back over Nauryz
        // (21–25 March): 27, 26, 20.
        let ok = try decide(.preliminaryRefusal(grounds: ["unreliable-documents"], hearingOn: day("2025-03-20")), .providerStaff, facts(.inReview), today: "2025-03-20")
        let late = domainError { () throws(DomainError) in
            try decide(.preliminaryRefusal(grounds: ["unreliable-documents"], hearingOn: day("2025-03-26")), .providerStaff, facts(.inReview), today: "2025-03-26")
        }

        #expect(ok.to == .preliminaryRefusal && ok.actions == [.notifyApplicant(.hearingNotice)])
        #expect(late?.code == .hearingNoticeTooLate && late?.arguments["date"] == "2025-03-20" && late?.ref == "004 §58")
    }

    @Test("the hearing is held no later than 2 working days after the notice (004 §58)")
    func hearingDate() throws {
        let inTime = try decide(.preliminaryRefusal(grounds: ["unreliable-documents"], hearingOn: day("2025-03-12")), .providerStaff, facts(.inReview))
        let tooLate = domainError { () throws(DomainError) in
            try decide(.preliminaryRefusal(grounds: ["unreliable-documents"], hearingOn: day("2025-03-13")), .providerStaff, facts(.inReview))
        }
        let inThePast = errorCode { () throws(DomainError) in
            try decide(.preliminaryRefusal(grounds: ["unreliable-documents"], hearingOn: day("2025-03-07")), .providerStaff, facts(.inReview))
        }

        #expect(inTime.to == .preliminaryRefusal)
        #expect(tooLate?.code == .hearingTooLate && tooLate?.arguments["date"] == "2025-03-12")
        #expect(inThePast == .hearingTooLate)
    }

    @Test("the applicant may object within 2 working days of the notice (004 §58)")
    func objection() throws {
        var f = facts(.preliminaryRefusal)
        // Notice on Friday 7 March 2025; 8 March fell on a Saturday and moved to Monday 10 March, so the two
        // working days are Tuesday 11 and Wednesday 12 March.
        f.hearingNoticeOn = day("2025-03-07")

        #expect(try decide(.object, .applicant, f, today: "2025-03-12").to == .preliminaryRefusal)
        let late = domainError { () throws(DomainError) in try decide(.object, .applicant, f, today: "2025-03-13") }
        #expect(late?.code == .objectionPeriodOver && late?.arguments["date"] == "2025-03-12")
    }

    @Test("the hearing is not held before its day, and an objection stays open 2 working days after the notice (004 §58)")
    func hearingDay() throws {
        var f = facts(.preliminaryRefusal)
        f.hearingNoticeOn = day("2025-03-11")
        f.hearingOn = day("2025-03-13")

        #expect(domainError { () throws(DomainError) in try decide(.holdHearing, .providerStaff, f, today: "2025-03-12") }?.code == .hearingNotYet)
        #expect(try decide(.holdHearing, .providerStaff, f, today: "2025-03-13").to == .hearing)
        var held = f
        held.state = .hearing
        #expect(try decide(.object, .applicant, held, today: "2025-03-13").to == .hearing)
        #expect(errorCode { () throws(DomainError) in try decide(.object, .applicant, held, today: "2025-03-14") } == .objectionPeriodOver)
    }

    @Test("after the hearing: the duplicate, or a refusal on the passport's grounds only (004 §58) (000 List item 9)")
    func decision() throws {
        #expect(try decide(.holdHearing, .providerStaff, facts(.preliminaryRefusal)).to == .hearing)
        #expect(try decide(.decideDuplicate, .providerStaff, facts(.hearing)).actions.contains(.issueDuplicate))
        let refusal = try decide(.decideRefusal(grounds: ["unreliable-documents"]), .providerStaff, facts(.hearing))
        #expect(refusal.to == .refused && refusal.actions.first == .issueRefusal(grounds: ["unreliable-documents"]))
        #expect(errorCode { () throws(DomainError) in try decide(.decideRefusal(grounds: []), .providerStaff, facts(.hearing)) } == .refusalGroundsRequired)
        #expect(errorCode { () throws(DomainError) in try decide(.decideRefusal(grounds: ["dislike"]), .providerStaff, facts(.hearing)) } == .refusalGroundUnknown)
        // No refusal without a hearing.
        #expect(errorCode { () throws(DomainError) in try decide(.decideRefusal(grounds: ["unreliable-documents"]), .providerStaff, facts(.inReview)) } == .transitionNotAllowed)
    }

    @Test("a role outside the command is refused before anything else", arguments: [
        (CaseCommand.prepareDuplicate, Role.applicant), (.sendToProvider, .providerStaff), (.object, .providerStaff),
        (.acceptForReview, .stateCorporationOperator), (.handOver, .applicant), (.decideDuplicate, .administrator),
    ])
    func roles(_ command: CaseCommand, _ role: Role) {
        #expect(errorCode { () throws(DomainError) in try decide(command, role, facts(.inReview)) } == .roleNotAllowed)
    }

    @Test("a case page lists only the actions its state allows the role")
    func listed() {
        let staff = CaseMachine.commands(for: .providerStaff, facts: facts(.inReview), passport: passport, today: day("2025-03-10"), calendar: calendar)
        let operatorAtRegistered = CaseMachine.commands(for: .stateCorporationOperator, facts: facts(.registered, .stateCorporation), passport: passport, today: day("2025-03-10"), calendar: calendar)

        #expect(staff == ["prepare-duplicate", "preliminary-refusal"])
        #expect(operatorAtRegistered == ["send-to-provider"])
    }

    @Test("final states allow nothing", arguments: [CaseState.handedOver, .refused])
    func final(_ state: CaseState) {
        for role in Role.allCases {
            #expect(CaseMachine.commands(for: role, facts: facts(state), passport: passport, today: day("2025-03-10"), calendar: calendar).isEmpty)
        }
    }
}

@Suite struct FileCheckTests {
    @Test("a file must be a PDF or an image, not empty, within 5 MB, and carry its format's signature", arguments: [
        ("application/pdf", Array("%PDF-1.4".utf8), nil as ErrorCode?),
        ("image/jpeg", [0xFF, 0xD8, 0xFF, 0xE0], nil),
        ("image/png; charset=binary", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], nil),
        ("image/jpeg", Array("%PDF-1.4".utf8), .fileNotWhatItSays),
        ("application/pdf", [0x4D, 0x5A, 0x90, 0x00], .fileNotWhatItSays),
        ("application/x-msdownload", [0x4D, 0x5A], .fileTypeNotAllowed),
        ("application/pdf", [], .fileEmpty),
    ])
    func check(_ type: String, _ bytes: [UInt8], _ expected: ErrorCode?) {
        #expect(errorCode { () throws(DomainError) in try FileCheck.check(declaredType: type, bytes: bytes) } == expected)
    }

    @Test("a file over 5 MB is refused")
    func tooLarge() {
        let bytes = Array("%PDF-".utf8) + [UInt8](repeating: 0, count: FileCheck.maxBytes)
        #expect(errorCode { () throws(DomainError) in try FileCheck.check(declaredType: "application/pdf", bytes: bytes) } == .fileTooLarge)
    }
}
