/// What an application brings, checked against the passport before a case exists.
package struct IntakePackage: Hashable, Sendable {
    package var channel: Channel
    /// Codes of the passport documents handed over (or attached, on the portal).
    package var documents: Set<String>
    /// Codes of conditional documents whose condition applies to this applicant (e.g. the damaged original).
    package var applicableConditions: Set<String>
    package var consent: Bool
    /// An identity document that expired before the day of intake makes the package invalid. (004 §52)
    package var identityDocumentValidUntil: CivilDate?

    package init(
        channel: Channel, documents: Set<String>, applicableConditions: Set<String> = [], consent: Bool,
        identityDocumentValidUntil: CivilDate? = nil
    ) {
        self.channel = channel
        self.documents = documents
        self.applicableConditions = applicableConditions
        self.consent = consent
        self.identityDocumentValidUntil = identityDocumentValidUntil
    }
}

/// The verdict on a package at intake.
package enum IntakeVerdict: Hashable, Sendable {
    case complete
    /// The package is refused with a receipt naming each missing document (004 §52, 004 Annex 4), or because a
    /// document has expired, or because consent was not given (000 List item 9).
    case refused(missing: [String], expired: Bool, noConsent: Bool)
}

package enum IntakeCheck {
    /// Every document the passport asks on this channel, unconditional ones always and conditional ones when their
    /// condition applies, must be there; consent must be given; the identity document must not have expired.
    /// (004 §52) (000 List item 8) (000 List item 9)
    package static func check(_ package: IntakePackage, passport: ServicePassport, today: CivilDate) -> IntakeVerdict {
        let required = passport.documents(for: package.channel).filter {
            $0.condition == nil || package.applicableConditions.contains($0.code)
        }
        let missing = required.map(\.code).filter { !package.documents.contains($0) }
        let expired = package.identityDocumentValidUntil.map { $0 < today } ?? false
        if missing.isEmpty, !expired, package.consent { return .complete }
        return .refused(missing: missing, expired: expired, noConsent: !package.consent)
    }
}
