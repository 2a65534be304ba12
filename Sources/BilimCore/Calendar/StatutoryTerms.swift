/// The fixed terms of the seeds that are not a service's own term (spec/terms.md "Terms").
package enum StatutoryTerms {
    /// The hearing on a preliminary refusal (004 §58): the notice goes out no later than 3 working days before the
    /// term ends; the hearing is held no later than 2 working days after the notice; the applicant may object
    /// within 2 working days of receiving it.
    package struct Hearing: Hashable, Sendable {
        package let latestNotice: CivilDate
        package let latestHearing: CivilDate
        package let objectionsUntil: CivilDate
    }

    /// (004 §58)
    package static func hearing(termEnds: CivilDate, noticeOn: CivilDate, calendar: WorkingCalendar)
        throws(DomainError) -> Hearing
    {
        Hearing(
            latestNotice: try calendar.subtracting(workingDays: 3, from: termEnds),
            latestHearing: try calendar.adding(workingDays: 2, to: noticeOn),
            objectionsUntil: try calendar.adding(workingDays: 2, to: noticeOn))
    }

    /// Who reviews a complaint and so which term applies. (002 §14) (001 §11)
    package enum ComplaintReviewer: String, Codable, Sendable {
        case provider
        case qualityControlAuthority = "quality-control-authority"
    }

    /// The provider forwards a complaint it does not fully satisfy within 3 working days of receipt. (002 §14)
    package static func complaintForwardDeadline(receivedOn: CivilDate, calendar: WorkingCalendar) throws(DomainError)
        -> CivilDate
    {
        try Term(days: 3, unit: .working).deadline(registeredOn: receivedOn, channel: .office, calendar: calendar)
    }

    /// Review within 5 working days (provider, Ministry) or 15 working days (quality-control authority) from
    /// registration. (002 §14) (001 §11)
    package static func complaintReviewDeadline(
        registeredOn: CivilDate, reviewer: ComplaintReviewer, calendar: WorkingCalendar
    ) throws(DomainError) -> CivilDate {
        let days = reviewer == .provider ? 5 : 15
        return try Term(days: days, unit: .working).deadline(
            registeredOn: registeredOn, channel: .office, calendar: calendar)
    }

    /// The State Corporation keeps a result one month from receipt, then hands it back to the provider.
    /// (001 §9) (004 §62)
    package static func storageEnds(receivedOn: CivilDate) -> CivilDate {
        receivedOn.adding(months: 1)
    }

    /// The admitted applicant signs the education contract within 3 calendar days after the results;
    /// day 1 is the day after publication, and a non-working last day moves to the next working day. (003 §12)
    package static func contractDeadline(resultsPublishedOn: CivilDate, calendar: WorkingCalendar)
        throws(DomainError) -> CivilDate
    {
        try calendar.workingDay(onOrAfter: resultsPublishedOn.adding(days: 3))
    }
}
