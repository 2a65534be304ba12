/// The admission's fixed days and terms after the applications close.
package enum AdmissionSchedule {
    /// The education department publishes the competition's results: 23 August for the basic secondary base, 25
    /// August for the general secondary base (003 §64).
    package static func publicationDay(base: EducationBase, year: Int) -> CivilDate {
        CivilDate(year: year, month: 8, day: base == .basicSecondary ? 23 : 25) ?? .latest
    }

    /// Colleges register applicants by 26 August (003 §53).
    package static func registrationDeadline(year: Int) -> CivilDate { CivilDate(year: year, month: 8, day: 26) ?? .latest }

    /// Free places, groups that did not form and unplaced applicants go to redistribution by 29 August (003 §63).
    package static func redistributionDeadline(year: Int) -> CivilDate { CivilDate(year: year, month: 8, day: 29) ?? .latest }

    /// The admitted applicant signs the education contract within 3 calendar days of the results (003 §12): results
    /// published on 23 August may be signed up to and including 26 August. The term ends on a working day
    /// (spec/terms.md: a term whose last day is not a working day ends on the next working day): results published on
    /// Wednesday 25 August 2027 may be signed up to Monday 30 August, not Saturday 28 August.
    package static func contractDue(published: CivilDate, calendar: WorkingCalendar) throws(DomainError) -> CivilDate {
        try StatutoryTerms.contractDeadline(resultsPublishedOn: published, calendar: calendar)
    }

    /// Whether a contract is still open for signature on `day`.
    package static func contractOpen(due: CivilDate, on day: CivilDate) -> Bool { day <= due }

    /// How long a commission meeting's record is kept (003 §6): the final examination meeting's audio or video
    /// recording at least 1 year, the final admission meeting's minutes at least 3 years. Other meetings' minutes are
    /// kept as long as the admission's.
    package static func retainedUntil(held: CivilDate, kind: CommissionKind, final: Bool) -> CivilDate {
        held.adding(months: (kind == .examination && final ? 1 : 3) * 12)
    }
}

/// The two commissions of 003 §6.
package enum CommissionKind: String, Sendable, Hashable, Codable, CaseIterable {
    case admission
    case examination
}

/// What an applicant with a disability may ask for at a special or creative exam or the psychometric test (003 §38):
/// a separate room; an assistant who does not teach the examined subjects; a sign-language assistant.
package enum ExamAccommodation: String, Sendable, Hashable, Codable, CaseIterable {
    case separateRoom = "separate-room"
    case assistant
    case signLanguage = "sign-language"
}
