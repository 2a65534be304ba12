/// The facts about a case that its transitions depend on.
package struct CaseFacts: Hashable, Sendable {
    package var state: CaseState
    package var channel: Channel
    package var deadline: CivilDate
    /// Where the applicant collects the result: the State Corporation for its own intake, and for a portal
    /// application that named it as the pickup place. (004 §59)
    package var pickupAtStateCorporation: Bool
    /// When a preliminary refusal was notified, and until when the applicant may object.
    package var hearingNoticeOn: CivilDate?
    /// The day the State Corporation received the result (storage runs one month from it).
    package var resultReceivedOn: CivilDate?
    /// The day the hearing was set for.
    package var hearingOn: CivilDate?
    /// The service: corrections (S3) run a shorter path of their own.
    package var service: ServiceID

    package init(
        state: CaseState, channel: Channel, deadline: CivilDate, pickupAtStateCorporation: Bool,
        hearingNoticeOn: CivilDate? = nil, resultReceivedOn: CivilDate? = nil, hearingOn: CivilDate? = nil,
        service: ServiceID = .s1
    ) {
        self.service = service
        self.hearingOn = hearingOn
        self.state = state
        self.channel = channel
        self.deadline = deadline
        self.pickupAtStateCorporation = pickupAtStateCorporation
        self.hearingNoticeOn = hearingNoticeOn
        self.resultReceivedOn = resultReceivedOn
    }
}

/// The outcome of an allowed command: the next state and what must happen with it.
package struct CaseTransition: Hashable, Sendable {
    package let from: CaseState
    package let to: CaseState
    package let actions: [CaseAction]
}

/// The one state machine every channel of the duplicate services runs on (004 §47–§63, 000), and the shorter path of
/// the corrections service (S3): review, then the registry corrected or a motivated refusal (002 §7, §8, §11).
package enum CaseMachine {
    /// Decides a command: the new state and its actions, or the rule it breaks. Pure: today and the calendar are
    /// arguments.
    package static func decide(
        _ command: CaseCommand, by role: Role, facts f: CaseFacts, passport: ServicePassport, today: CivilDate,
        calendar: WorkingCalendar
    ) throws(DomainError) -> CaseTransition {
        guard command.roles.contains(role) else {
            throw DomainError(.roleNotAllowed, field: "action", ["action": command.name])
        }
        func refuse() -> DomainError {
            DomainError(.transitionNotAllowed, field: "action", ["state": f.state.rawValue, "action": command.name])
        }
        func go(_ to: CaseState, _ actions: [CaseAction] = []) -> CaseTransition {
            CaseTransition(from: f.state, to: to, actions: actions)
        }
        if f.service == .s3 { return try decideCorrection(command, facts: f, passport: passport, go: go, refuse: refuse) }
        switch (f.state, command) {
        case (.registered, .sendToProvider) where f.channel == .stateCorporation:
            return go(.sentToProvider)
        case (.registered, .acceptForReview) where f.channel != .stateCorporation,
            (.sentToProvider, .acceptForReview):
            return go(.inReview, [.notifyApplicant(.inReview)])
        case (.inReview, .prepareDuplicate), (.hearing, .decideDuplicate):
            return go(.resultReady, [.issueDuplicate, .notifyApplicant(.resultReady)])
        case (.inReview, .preliminaryRefusal(let grounds, let hearingOn)):
            try check(grounds, passport: passport)
            // (004 §58): the notice goes out no later than 3 working days before the term ends …
            let latestNotice = try calendar.subtracting(workingDays: 3, from: f.deadline)
            guard today <= latestNotice else {
                throw DomainError(.hearingNoticeTooLate, field: "action", ref: "004 §58", ["date": latestNotice.iso])
            }
            // … and the hearing is held no later than 2 working days after it.
            let latestHearing = try calendar.adding(workingDays: 2, to: today)
            guard hearingOn >= today, hearingOn <= latestHearing else {
                throw DomainError(.hearingTooLate, field: "hearingOn", ref: "004 §58", ["date": latestHearing.iso])
            }
            return go(.preliminaryRefusal, [.notifyApplicant(.hearingNotice)])
        case (.preliminaryRefusal, .object), (.hearing, .object):
            // The applicant may object within 2 working days of the notice, whether or not the hearing was held.
            let notice = f.hearingNoticeOn ?? today
            let until = try calendar.adding(workingDays: 2, to: notice)
            guard today <= until else {
                throw DomainError(.objectionPeriodOver, field: "action", ref: "004 §58", ["date": until.iso])
            }
            return go(f.state)
        case (.preliminaryRefusal, .holdHearing):
            // Not before the day the applicant was invited to. (004 §58)
            if let day = f.hearingOn, today < day {
                throw DomainError(.hearingNotYet, field: "action", ref: "004 §58", ["date": day.iso])
            }
            return go(.hearing)
        case (.hearing, .decideRefusal(let grounds)):
            try check(grounds, passport: passport)
            return go(.refused, [.issueRefusal(grounds: grounds), .notifyApplicant(.refused)])
        case (.resultReady, .receiveResult) where f.pickupAtStateCorporation:
            return go(.stored, [.notifyApplicant(.resultReady)])
        case (.resultReady, .handOver) where !f.pickupAtStateCorporation && role == .providerStaff,
            (.stored, .handOver) where role == .stateCorporationOperator:
            return go(.handedOver, [.notifyApplicant(.handedOver)])
        case (.stored, .returnToProvider):
            // (004 §62): kept one month from receipt, then handed back to the provider.
            let received = f.resultReceivedOn ?? today
            let ends = StatutoryTerms.storageEnds(receivedOn: received)
            guard today > ends else {
                throw DomainError(.storageNotOver, field: "action", ref: "004 §62", ["date": ends.iso])
            }
            return go(.returnedToProvider, [.notifyApplicant(.returnedToProvider)])
        case (.returnedToProvider, .fetchBack):
            return go(.stored, [.notifyApplicant(.resultReady)])
        default:
            throw refuse()
        }
    }

    /// Corrections (S3), on the portal only: the provider takes the case into review, compares it with its archive
    /// (002 §7) and either enters the corrections in the registry (002 §8) or refuses with the motivated notice of
    /// Annex 3 on the passport's grounds, including an incomplete package or expired documents (002 §11).
    static func decideCorrection(
        _ command: CaseCommand, facts f: CaseFacts, passport: ServicePassport, go: (CaseState, [CaseAction]) -> CaseTransition,
        refuse: () -> DomainError
    ) throws(DomainError) -> CaseTransition {
        switch (f.state, command) {
        case (.registered, .acceptForReview):
            return go(.inReview, [.notifyApplicant(.inReview)])
        case (.inReview, .applyCorrections):
            return go(.resultReady, [.applyCorrections, .notifyApplicant(.corrected)])
        case (.registered, .refuseCorrections(let grounds)), (.inReview, .refuseCorrections(let grounds)):
            try check(grounds, passport: passport)
            return go(.refused, [.issueRefusal(grounds: grounds), .notifyApplicant(.refused)])
        default:
            throw refuse()
        }
    }

    /// A refusal names at least one ground, and every ground is one of the passport's. (000 List item 9)
    static func check(_ grounds: [String], passport: ServicePassport) throws(DomainError) {
        guard !grounds.isEmpty else {
            throw DomainError(.refusalGroundsRequired, field: "grounds", ref: "000 List item 9")
        }
        let known = Set(passport.refusalGrounds.map(\.code))
        if let unknown = grounds.first(where: { !known.contains($0) }) {
            throw DomainError(.refusalGroundUnknown, field: "grounds", ref: "000 List item 9", ["value": unknown])
        }
    }

    /// The commands the state allows a role, for showing only the possible actions on a case page. A command whose
    /// only problem is a term or an argument stays listed, so that trying it explains the rule.
    package static func commands(
        for role: Role, facts: CaseFacts, passport: ServicePassport, today: CivilDate, calendar: WorkingCalendar
    ) -> [String] {
        let grounds = passport.refusalGrounds.prefix(1).map(\.code)
        let all: [CaseCommand] = [
            .sendToProvider, .acceptForReview, .prepareDuplicate, .preliminaryRefusal(grounds: grounds, hearingOn: today),
            .object, .holdHearing, .decideDuplicate, .decideRefusal(grounds: grounds), .receiveResult, .handOver,
            .returnToProvider, .fetchBack, .applyCorrections, .refuseCorrections(grounds: grounds),
        ]
        return all.filter { (command: CaseCommand) -> Bool in
            do throws(DomainError) {
                _ = try decide(command, by: role, facts: facts, passport: passport, today: today, calendar: calendar)
                return true
            } catch {
                return error.code != .transitionNotAllowed && error.code != .roleNotAllowed
            }
        }.map(\.name)
    }
}
