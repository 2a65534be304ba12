/// What an actor asks a duplicate case (S1, S2) to do; each is checked by `CaseMachine` against the state, the
/// actor's role and the terms of the law.
package enum CaseCommand: Hashable, Sendable {
    /// State Corporation: the case leaves in a courier registry to the provider. (004 §54) (004 §55)
    case sendToProvider
    /// Provider: registers the documents on the day it receives them and starts the review. (004 §57)
    case acceptForReview
    /// Provider: the duplicate is prepared. (004 §58)
    case prepareDuplicate
    /// Provider: a refusal ground is found; the applicant is told and invited to a hearing. (004 §58)
    case preliminaryRefusal(grounds: [String], hearingOn: CivilDate)
    /// Applicant: objects to the preliminary refusal within 2 working days of the notice. (004 §58)
    case object
    /// Provider: the hearing was held. (004 §58)
    case holdHearing
    /// Provider, after the hearing: the duplicate after all. (004 §58)
    case decideDuplicate
    /// Provider, after the hearing: a motivated refusal on the passport's grounds. (004 §58) (000 List item 9)
    case decideRefusal(grounds: [String])
    /// State Corporation: the result arrived from the provider and is kept for pickup. (004 §61)
    case receiveResult
    /// State Corporation or provider: the result is handed to the applicant against the receipt and an identity
    /// document or a notarised power of attorney. (004 §61) (001 §9)
    case handOver
    /// State Corporation: after one month unclaimed, the result goes back to the provider. (004 §62)
    case returnToProvider
    /// State Corporation: the applicant asked for a returned result; the provider sends it back. (004 §62)
    case fetchBack
    /// Provider, corrections (S3): the archive confirms the error; the registry is corrected. (002 §7) (002 §8)
    case applyCorrections
    /// Provider, corrections (S3): a motivated refusal on the passport's grounds. (002 §11) (002 Annex 3)
    case refuseCorrections(grounds: [String])

    /// A stable name, for the trail and for messages.
    package var name: String {
        switch self {
        case .sendToProvider: "send-to-provider"
        case .acceptForReview: "accept-for-review"
        case .prepareDuplicate: "prepare-duplicate"
        case .preliminaryRefusal: "preliminary-refusal"
        case .object: "object"
        case .holdHearing: "hold-hearing"
        case .decideDuplicate: "decide-duplicate"
        case .decideRefusal: "decide-refusal"
        case .receiveResult: "receive-result"
        case .handOver: "hand-over"
        case .returnToProvider: "return-to-provider"
        case .fetchBack: "fetch-back"
        case .applyCorrections: "apply-corrections"
        case .refuseCorrections: "refuse-corrections"
        }
    }

    /// Who may give the command.
    package var roles: Set<Role> {
        switch self {
        case .sendToProvider, .receiveResult, .returnToProvider, .fetchBack: [.stateCorporationOperator]
        case .acceptForReview, .prepareDuplicate, .preliminaryRefusal, .holdHearing, .decideDuplicate, .decideRefusal,
            .applyCorrections, .refuseCorrections:
            [.providerStaff]
        case .object: [.applicant]
        case .handOver: [.stateCorporationOperator, .providerStaff]
        }
    }
}

/// What a transition asks the world to do; the service layer carries these out in the same transaction.
package enum CaseAction: Hashable, Sendable {
    /// A personal-cabinet message and an SMS in the applicant's language (through the outbox).
    case notifyApplicant(NotificationTemplate)
    /// Enter the duplicate in the education document registry, superseding the original.
    case issueDuplicate
    /// Produce the motivated refusal document citing these passport grounds.
    case issueRefusal(grounds: [String])
    /// Enter the case's requested corrections in the registry, each with its history. (002 §8)
    case applyCorrections
}

/// The messages a case sends to its applicant.
package enum NotificationTemplate: String, CaseIterable, Codable, Sendable {
    case registered
    case inReview = "in-review"
    case hearingNotice = "hearing-notice"
    case resultReady = "result-ready"
    case refused
    case handedOver = "handed-over"
    case returnedToProvider = "returned-to-provider"
    case deadlineChanged = "deadline-changed"
    case complaintRegistered = "complaint-registered"
    case complaintAnswered = "complaint-answered"
    case complaintUpheld = "complaint-upheld"
    case corrected
}
