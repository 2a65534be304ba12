/// A complaint about a decision, an action or inaction in a case (S5): filed by the applicant, satisfied by the
/// provider or forwarded to the reviewing body, and answered with a motivated document. (002 §14) (001 §11)
package enum ComplaintState: String, CaseIterable, Codable, Sendable {
    case registered
    case forwarded
    case upheld
    case rejected
}

package enum ComplaintCommand: String, CaseIterable, Sendable {
    /// Provider: fully satisfies the complaint within 3 working days instead of forwarding it. (002 §14)
    case satisfy
    /// Provider: forwards the complaint with the case file to the reviewing body. (002 §14)
    case forward
    /// Reviewing body: upholds the complaint. (002 §14)
    case uphold
    /// Reviewing body: rejects it with a motivated answer. (002 §14)
    case reject

    package var role: Role {
        switch self {
        case .satisfy, .forward: .providerStaff
        case .uphold, .reject: .reviewingBody
        }
    }
}

/// The terms a complaint runs on.
package struct ComplaintTerms: Hashable, Sendable {
    package let registeredOn: CivilDate
    /// The provider forwards within 3 working days of receipt unless it satisfies the complaint. (002 §14)
    package let forwardBy: CivilDate
    /// Reviewed within 5 working days by the provider or 15 by the quality-control authority. (002 §14) (001 §11)
    package let providerReviewBy: CivilDate
    package let authorityReviewBy: CivilDate

    package init(registeredOn: CivilDate, calendar: WorkingCalendar) throws(DomainError) {
        self.registeredOn = registeredOn
        forwardBy = try StatutoryTerms.complaintForwardDeadline(receivedOn: registeredOn, calendar: calendar)
        providerReviewBy = try StatutoryTerms.complaintReviewDeadline(
            registeredOn: registeredOn, reviewer: .provider, calendar: calendar)
        authorityReviewBy = try StatutoryTerms.complaintReviewDeadline(
            registeredOn: registeredOn, reviewer: .qualityControlAuthority, calendar: calendar)
    }
}

package enum ComplaintMachine {
    /// The next state, or the rule the command breaks. A motivated answer is required whenever the complaint is
    /// answered. (002 Annex 3) (002 §14)
    package static func decide(
        _ command: ComplaintCommand, by role: Role, state: ComplaintState, answer: String, today: CivilDate,
        terms: ComplaintTerms
    ) throws(DomainError) -> ComplaintState {
        guard role == command.role else {
            throw DomainError(.roleNotAllowed, field: "action", ["action": command.rawValue])
        }
        switch (state, command) {
        case (.registered, .satisfy):
            // Satisfying instead of forwarding is allowed only within the 3 working days. (002 §14)
            guard today <= terms.forwardBy else {
                throw DomainError(.complaintForwardOverdue, field: "action", ref: "002 §14", ["date": terms.forwardBy.iso])
            }
            try requireAnswer(answer)
            return .upheld
        case (.registered, .forward):
            return .forwarded
        case (.forwarded, .uphold):
            try requireAnswer(answer)
            return .upheld
        case (.forwarded, .reject):
            try requireAnswer(answer)
            return .rejected
        default:
            throw DomainError(.transitionNotAllowed, field: "action", ["state": state.rawValue, "action": command.rawValue])
        }
    }

    static func requireAnswer(_ answer: String) throws(DomainError) {
        guard answer.trimmingSpaces.count >= 10 else {
            throw DomainError(.complaintAnswerRequired, field: "answer", ref: "002 §14")
        }
    }
}
