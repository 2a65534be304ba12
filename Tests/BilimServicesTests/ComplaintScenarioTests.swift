import BilimCore
import BilimServices
import BilimStore
import BilimTestSupport
import Foundation
import Testing

@Suite struct ComplaintScenarioTests {
    /// A portal case refused after a hearing; returns its id and the refusal decision's number.
    func refusedCase(_ s: Scenario) async throws -> (String, String) {
        let parent = try await s.actor("applicant")
        let staff = try await s.actor("school.staff")
        let c = try #require(try await ConfirmedIntake(s.deps).submit(s.portalApplication(), by: parent).caseRow)
        let w = CaseWorkflow(s.deps)
        try await w.perform(.acceptForReview, on: c.id, by: staff)
        s.clock.set(almaty: "2025-03-12T11:00")
        try await w.perform(.preliminaryRefusal(grounds: ["unreliable-documents"], hearingOn: CivilDate(year: 2025, month: 3, day: 12)!), on: c.id, by: staff)
        try await w.perform(.holdHearing, on: c.id, by: staff)
        try await w.perform(.decideRefusal(grounds: ["unreliable-documents"]), on: c.id, by: staff)
        let refusal = try #require(try await DecisionRepository(db: s.deps.database.sql).decisions(caseId: c.id).last)
        return (c.id, refusal.number)
    }

    @Test("forwarded and upheld: the refusal is revoked and the case reopens at the hearing with a new term (002 §14)", arguments: TestDatabase.allConfigured)
    func upheld(_ kind: TestDatabase) async throws {
        try await Scenario.run(kind, at: "2025-03-03T10:00") { s in
            let (caseId, refusal) = try await refusedCase(s)
            s.clock.set(almaty: "2025-03-17T10:00")
            let complaint = try await ComplaintService(s.deps).file(
                caseId: caseId, decisionNumber: refusal, text: "The certificate is genuine: the archive has it.", by: try await s.actor("applicant"))
            #expect(complaint.registeredOn == "2025-03-17" && complaint.forwardBy == "2025-03-19" && complaint.reviewBy == "2025-03-26")

            // The reviewing body does not see it until it is forwarded.
            let reviewer = try await s.actor("reviewer")
            #expect(try await ComplaintService(s.deps).visible(to: reviewer).isEmpty)
            let forwarded = try await ComplaintService(s.deps).act(.forward, on: complaint.id, answer: "", by: try await s.actor("school.staff"))
            #expect(forwarded.reviewBy == "2025-04-09")  // 15 working days from 17 March, over Nauryz
            s.clock.set(almaty: "2025-03-26T10:00")
            try await ComplaintService(s.deps).act(.uphold, on: complaint.id, answer: "The refusal ignored the archive record.", by: reviewer)

            let c = try #require(try await CaseRepository(db: s.deps.database.sql).find(id: caseId))
            #expect(c.state == "hearing")
            #expect(c.deadline == "2025-04-15")  // 15 working days from 26 March
            let decisions = try await DecisionRepository(db: s.deps.database.sql).decisions(caseId: caseId)
            #expect(decisions.first { $0.number == refusal }?.status == "revoked")
            #expect(try await s.events(caseId).suffix(4) == ["complaint-filed", "complaint-forward", "complaint-uphold", "reopened"])
            // The provider decides again.
            let again = try await CaseWorkflow(s.deps).perform(.decideDuplicate, on: caseId, by: try await s.actor("school.staff"))
            #expect(again.state == "result-ready")
            try await s.delivery.deliverDue()
            #expect(try await s.sms.sent().contains { $0.text.contains("удовлетворена") && $0.text.contains("2025-04-15") })
        }
    }

    @Test("the provider may satisfy a complaint only within 3 working days; a motivated answer is required (002 §14)", arguments: TestDatabase.allConfigured)
    func satisfyTerm(_ kind: TestDatabase) async throws {
        try await Scenario.run(kind, at: "2025-03-03T10:00") { s in
            let (caseId, _) = try await refusedCase(s)
            let staff = try await s.actor("school.staff")
            let complaint = try await ComplaintService(s.deps).file(
                caseId: caseId, decisionNumber: nil, text: "The staff did not answer my calls.", by: try await s.actor("applicant"))

            await #expect(throws: DomainError(.complaintAnswerRequired, field: "answer", ref: "002 §14")) {
                try await ComplaintService(s.deps).act(.satisfy, on: complaint.id, answer: "ok", by: staff)
            }
            s.clock.set(almaty: "2025-03-17T10:00")  // registered 12 March; forward by 14 March
            await #expect(throws: DomainError(.complaintForwardOverdue, field: "action", ref: "002 §14", ["date": "2025-03-14"])) {
                try await ComplaintService(s.deps).act(.satisfy, on: complaint.id, answer: "We apologise and called back.", by: staff)
            }
            #expect(try await ComplaintRepository(db: s.deps.database.sql).find(id: complaint.id)?.state == "registered")
        }
    }

    @Test("complaints: bad input and the wrong actor change nothing", arguments: TestDatabase.allConfigured)
    func badInput(_ kind: TestDatabase) async throws {
        try await Scenario.run(kind, at: "2025-03-03T10:00") { s in
            let (caseId, refusal) = try await refusedCase(s)
            let parent = try await s.actor("applicant")

            await #expect(throws: DomainError(.complaintTextRequired, field: "text")) {
                try await ComplaintService(s.deps).file(caseId: caseId, decisionNumber: refusal, text: "bad", by: parent)
            }
            await #expect(throws: DomainError(.decisionNotFound, field: "decisionNumber")) {
                try await ComplaintService(s.deps).file(caseId: caseId, decisionNumber: "D-1999-000001", text: "Wrong decision named.", by: parent)
            }
            let c = try await ComplaintService(s.deps).file(caseId: caseId, decisionNumber: refusal, text: "The refusal is wrong.", by: parent)
            let college = try await s.actor("college.staff")
            await #expect(throws: DomainError(.complaintNotFound, field: "id")) {
                try await ComplaintService(s.deps).act(.forward, on: c.id, answer: "", by: college)
            }
            await #expect(throws: DomainError.self) {
                try await ComplaintService(s.deps).act(.uphold, on: c.id, answer: "Upheld without forwarding.", by: try await s.actor("reviewer"))
            }
            #expect(try await ComplaintRepository(db: s.deps.database.sql).find(id: c.id)?.state == "registered")
            #expect(try await CaseRepository(db: s.deps.database.sql).find(id: caseId)?.state == "refused")
        }
    }

    @Test("an upheld complaint against a duplicate annuls that duplicate and gives the original back its force (002 §14)", arguments: TestDatabase.allConfigured)
    func duplicateRevoked(_ kind: TestDatabase) async throws {
        try await Scenario.run(kind, at: "2025-03-03T10:00") { s in
            let parent = try await s.actor("applicant")
            let staff = try await s.actor("school.staff")
            let c = try #require(try await ConfirmedIntake(s.deps).submit(s.portalApplication(), by: parent).caseRow)
            try await CaseWorkflow(s.deps).perform(.acceptForReview, on: c.id, by: staff)
            try await CaseWorkflow(s.deps).perform(.prepareDuplicate, on: c.id, by: staff)
            let decision = try #require(try await DecisionRepository(db: s.deps.database.sql).decisions(caseId: c.id).last)
            let complaint = try await ComplaintService(s.deps).file(
                caseId: c.id, decisionNumber: decision.number, text: "The duplicate has my name misspelt.", by: parent)

            try await ComplaintService(s.deps).act(.satisfy, on: complaint.id, answer: "The duplicate will be issued again.", by: staff)

            let registry = DocumentRegistryRepository(db: s.deps.database.sql)
            #expect(try await registry.document(id: decision.resultDocumentId!)?.status == "revoked")
            #expect(try await registry.document(id: "doc-certificate-2002")?.status == "valid")
            #expect(try await CaseRepository(db: s.deps.database.sql).find(id: c.id)?.state == "in-review")
        }
    }
}
