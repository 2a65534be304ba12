import BilimCore
import Testing

@Suite struct StatutoryTermsTests {
    let calendar = KZ.calendar

    @Test(
        "hearing: notice ≥ 3 working days before the term ends; hearing and objections ≤ 2 working days after (004 §58)",
        arguments: [
            ("2025-04-14", "2025-04-09", "2025-04-09", "2025-04-11"),
            ("2025-03-27", "2025-03-20", "2025-03-19", "2025-03-27"),
            ("2025-01-09", "2025-01-02", "2025-01-05", "2025-01-06"),
            ("2026-05-13", "2026-05-06", "2026-05-06", "2026-05-12"),
        ])
    func hearing(termEnds: String, noticeOn: String, latestNotice: String, latestHearing: String) throws {
        let hearing = try StatutoryTerms.hearing(termEnds: day(termEnds), noticeOn: day(noticeOn), calendar: calendar)

        #expect(hearing.latestNotice == day(latestNotice))
        #expect(hearing.latestHearing == day(latestHearing))
        #expect(hearing.objectionsUntil == day(latestHearing))
    }

    @Test(
        "the provider forwards a complaint within 3 working days of receipt (002 §14)",
        arguments: [
            ("2025-03-20", "2025-03-27"), ("2025-05-08", "2025-05-13"), ("2025-12-30", "2026-01-05"),
            ("2025-01-02", "2025-01-08"),
        ])
    func complaintForward(received: String, expected: String) throws {
        #expect(
            try StatutoryTerms.complaintForwardDeadline(receivedOn: day(received), calendar: calendar) == day(expected))
    }

    @Test(
        "complaint review: 5 working days (provider), 15 (quality-control authority) (002 §14) (001 §11)",
        arguments: [
            (StatutoryTerms.ComplaintReviewer.provider, "2025-03-20", "2025-03-31"),
            (.qualityControlAuthority, "2025-03-20", "2025-04-14"),
            (.provider, "2026-03-05", "2026-03-12"),
            (.qualityControlAuthority, "2026-03-05", "2026-03-31"),
        ])
    func complaintReview(reviewer: StatutoryTerms.ComplaintReviewer, registered: String, expected: String) throws {
        let deadline = try StatutoryTerms.complaintReviewDeadline(
            registeredOn: day(registered), reviewer: reviewer, calendar: calendar)

        #expect(deadline == day(expected))
    }

    @Test(
        "the State Corporation stores a result for one month from receipt (001 §9) (004 §62)",
        arguments: [
            ("2025-03-20", "2025-04-20"), ("2025-01-31", "2025-02-28"), ("2024-01-31", "2024-02-29"),
            ("2025-12-31", "2026-01-31"), ("2025-08-31", "2025-09-30"),
        ])
    func storage(received: String, expected: String) {
        #expect(StatutoryTerms.storageEnds(receivedOn: day(received)) == day(expected))
    }

    @Test(
        "the education contract is signed within 3 calendar days after the results (003 §12)",
        arguments: [
            ("2025-06-24", "2025-06-27"), ("2025-06-27", "2025-06-30"), ("2025-03-19", "2025-03-26"),
            ("2025-08-27", "2025-09-02"), ("2025-08-26", "2025-08-29"),
        ])
    func contract(published: String, expected: String) throws {
        #expect(
            try StatutoryTerms.contractDeadline(resultsPublishedOn: day(published), calendar: calendar) == day(expected)
        )
    }
}
