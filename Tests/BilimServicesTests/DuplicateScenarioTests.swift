import BilimCore
import BilimServices
import BilimStore
import BilimTestSupport
import Foundation
import Testing

@Suite struct DuplicateScenarioTests {
    @Test("portal: registered at once with a 15-working-day deadline, duplicate issued, handed over (004 §51) (000 List item 3(1))", arguments: TestDatabase.allConfigured)
    func portalDuplicate(_ kind: TestDatabase) async throws {
        try await Scenario.run(kind, at: "2025-03-03T10:00") { s in
            let parent = try await s.actor("applicant")
            let staff = try await s.actor("school.staff")

            let outcome = try await ConfirmedIntake(s.deps).submit(s.portalApplication(), by: parent)
            let c = try #require(outcome.caseRow)
            #expect(c.registrationNumber == "S1-2025-000001")
            #expect(c.registeredOn == "2025-03-03" && c.deadline == "2025-03-27")  // 8 March → 10 March, Nauryz 21–25
            #expect(outcome.receipt == nil)

            let workflow = CaseWorkflow(s.deps)
            try await workflow.perform(.acceptForReview, on: c.id, by: staff)
            try await workflow.perform(.prepareDuplicate, on: c.id, by: staff)
            await #expect(throws: DomainError(.handOverProofRequired, field: "reason", ref: "004 §61")) {
                try await workflow.perform(.handOver, on: c.id, by: staff)
            }
            let done = try await workflow.perform(.handOver, on: c.id, by: staff, reason: "identity card No. 012345678")

            #expect(done.state == "handed-over")
            #expect(try await s.events(c.id) == ["registered", "accept-for-review", "prepare-duplicate", "hand-over"])
            #expect(try await AuditChain(db: s.deps.database.sql).firstBrokenSeq(caseId: c.id) == nil)
            // The duplicate is a new registry entry from the blank stock, linked to and superseding the original.
            let docs = try await DocumentRegistryRepository(db: s.deps.database.sql).documents(holderIIN: DemoData.parentIIN.digits)
            let dup = try #require(docs.first { $0.duplicateOf == "doc-certificate-2002" })
            #expect(dup.series == "ЖОБ-Д" && dup.number == "0000001" && dup.status == "valid")
            #expect(docs.first { $0.id == "doc-certificate-2002" }?.status == "superseded")
            #expect(try await DocumentRegistryRepository(db: s.deps.database.sql).grades(documentId: dup.id).count == 5)
        }
    }

    @Test("after 18:00 the portal registers on the next working day (000 List item 7) (004 §53)", arguments: TestDatabase.allConfigured)
    func afterHours(_ kind: TestDatabase) async throws {
        try await Scenario.run(kind, at: "2025-03-07T18:00") { s in
            let c = try #require(try await ConfirmedIntake(s.deps).submit(s.portalApplication(), by: try await s.actor("applicant")).caseRow)

            // Friday 18:00 is after hours; Saturday 8 March's holiday moved to Monday 10 March.
            #expect(c.registeredOn == "2025-03-11")
        }
    }

    @Test("a second application for the same document is refused with the open case's number; nothing is added", arguments: TestDatabase.allConfigured)
    func duplicateApplication(_ kind: TestDatabase) async throws {
        try await Scenario.run(kind, at: "2025-03-03T10:00") { s in
            let parent = try await s.actor("applicant")
            _ = try await ConfirmedIntake(s.deps).submit(s.portalApplication(), by: parent)

            await #expect(throws: DomainError(.applicationDuplicate, field: "documentId", ["number": "S1-2025-000001"])) {
                try await ConfirmedIntake(s.deps).submit(s.portalApplication(), by: parent)
            }
            #expect(try await ReferenceRepository(db: s.deps.database.sql).count("cases") == 1)
        }
    }

    @Test("a repeated idempotency key returns the first case instead of a second", arguments: TestDatabase.allConfigured)
    func idempotency(_ kind: TestDatabase) async throws {
        try await Scenario.run(kind, at: "2025-03-03T10:00") { s in
            let parent = try await s.actor("applicant")
            let first = try await ConfirmedIntake(s.deps).submit(s.portalApplication(key: "k-1"), by: parent)
            let again = try await ConfirmedIntake(s.deps).submit(s.portalApplication(key: "k-1"), by: parent)

            #expect(again.repeated && again.caseRow?.id == first.caseRow?.id)
            #expect(try await ReferenceRepository(db: s.deps.database.sql).count("cases") == 1)
        }
    }

    @Test("a portal application without consent is refused: no consent is a refusal ground (000 List item 9)", arguments: TestDatabase.allConfigured)
    func noConsent(_ kind: TestDatabase) async throws {
        try await Scenario.run(kind, at: "2025-03-03T10:00") { s in
            var a = s.portalApplication()
            a.consent = false
            let parent = try await s.actor("applicant")

            await #expect(throws: DomainError(.consentMissing, field: "consent", ref: "000 List item 9")) {
                try await ConfirmedIntake(s.deps).submit(a, by: parent)
            }
            #expect(try await ReferenceRepository(db: s.deps.database.sql).count("cases") == 0)
        }
    }

    @Test("a parent applies for their minor child; a stranger's IIN is refused", arguments: TestDatabase.allConfigured)
    func representative(_ kind: TestDatabase) async throws {
        try await Scenario.run(kind, at: "2025-03-03T10:00") { s in
            let parent = try await s.actor("applicant")
            var forChild = s.portalApplication(document: "doc-certificate-2026")
            forChild.applicantIIN = DemoData.childIIN.digits
            var forStranger = s.portalApplication(document: nil)
            forStranger.applicantIIN = "900514300121"

            let c = try #require(try await ConfirmedIntake(s.deps).submit(forChild, by: parent).caseRow)
            #expect(c.representativeIin == DemoData.parentIIN.digits)
            await #expect(throws: DomainError.self) { try await ConfirmedIntake(s.deps).submit(forStranger, by: parent) }
        }
    }

    @Test("State Corporation: an incomplete package gets a refusal receipt naming each missing document and no case (004 §52)", arguments: TestDatabase.allConfigured)
    func refusalAtIntake(_ kind: TestDatabase) async throws {
        try await Scenario.run(kind, at: "2025-03-03T10:00") { s in
            let op = try await s.actor("operator")
            let a = Application(
                service: .s1, channel: .stateCorporation, applicantIIN: DemoData.parentIIN.digits,
                providerId: "org-almaty-school-1", documents: ["application"], applicableConditions: ["original-education-document"],
                consent: true, identityDocumentValidUntil: CivilDate(year: 2025, month: 1, day: 1), language: .kk)

            let outcome = try await ConfirmedIntake(s.deps).submit(a, by: op)

            #expect(outcome.caseRow == nil)
            let receipt = try #require(outcome.receipt)
            #expect(receipt.kind == "refusal")
            #expect(receipt.missingCodes == ["identity-document", "original-education-document", "expired-identity-document"])
            #expect(try await ReferenceRepository(db: s.deps.database.sql).count("cases") == 0)
        }
    }

    @Test("State Corporation: courier registry, review, result stored, handed over; acceptance day not counted (004 §56) (004 §61)", arguments: TestDatabase.allConfigured)
    func stateCorporationDuplicate(_ kind: TestDatabase) async throws {
        try await Scenario.run(kind, at: "2025-03-03T10:00") { s in
            let op = try await s.actor("operator")
            let staff = try await s.actor("school.staff")
            let a = Application(
                service: .s1, channel: .stateCorporation, applicantIIN: DemoData.parentIIN.digits,
                providerId: "org-almaty-school-1", documentId: "doc-certificate-2002", documents: ["application", "identity-document"],
                consent: true, language: .kk)

            let outcome = try await ConfirmedIntake(s.deps).submit(a, by: op)
            let c = try #require(outcome.caseRow)
            #expect(outcome.receipt?.kind == "acceptance")
            #expect(c.deadline == "2025-03-28")  // day 1 is 4 March: one working day later than the portal
            let w = CaseWorkflow(s.deps)
            try await w.perform(.sendToProvider, on: c.id, by: op)
            try await w.perform(.acceptForReview, on: c.id, by: staff)
            try await w.perform(.prepareDuplicate, on: c.id, by: staff)
            await #expect(throws: DomainError.self) { try await w.perform(.handOver, on: c.id, by: staff, reason: "identity card") }
            try await w.perform(.receiveResult, on: c.id, by: op)
            let done = try await w.perform(.handOver, on: c.id, by: op, reason: "notarised power of attorney No. 77")

            #expect(done.state == "handed-over")
        }
    }

    @Test("refusal after a hearing: notice, objection, hearing, motivated refusal on the passport's grounds (004 §58)", arguments: TestDatabase.allConfigured)
    func refusalAfterHearing(_ kind: TestDatabase) async throws {
        try await Scenario.run(kind, at: "2025-03-03T10:00") { s in
            let parent = try await s.actor("applicant")
            let staff = try await s.actor("school.staff")
            let c = try #require(try await ConfirmedIntake(s.deps).submit(s.portalApplication(), by: parent).caseRow)
            let w = CaseWorkflow(s.deps)
            try await w.perform(.acceptForReview, on: c.id, by: staff)

            s.clock.set(almaty: "2025-03-12T11:00")
            try await w.perform(.preliminaryRefusal(grounds: ["unreliable-documents"], hearingOn: CivilDate(year: 2025, month: 3, day: 14)!), on: c.id, by: staff)
            try await w.perform(.object, on: c.id, by: parent, reason: "the certificate is genuine")
            await #expect(throws: DomainError(.hearingNotYet, field: "action", ref: "004 §58", ["date": "2025-03-14"])) {
                try await w.perform(.holdHearing, on: c.id, by: staff)
            }
            s.clock.set(almaty: "2025-03-14T11:00")
            try await w.perform(.holdHearing, on: c.id, by: staff)
            let refused = try await w.perform(.decideRefusal(grounds: ["unreliable-documents"]), on: c.id, by: staff)

            #expect(refused.state == "refused")
            let decisions = try await DecisionRepository(db: s.deps.database.sql).decisions(caseId: c.id)
            #expect(decisions.map(\.kind) == ["preliminary-refusal", "refusal"])
            #expect(decisions.last?.groundCodes == ["unreliable-documents"])
        }
    }

    @Test("staff of another organization and strangers do not see the case; the refusal is logged", arguments: TestDatabase.allConfigured)
    func scope(_ kind: TestDatabase) async throws {
        try await Scenario.run(kind, at: "2025-03-03T10:00") { s in
            let c = try #require(try await ConfirmedIntake(s.deps).submit(s.portalApplication(), by: try await s.actor("applicant")).caseRow)

            for login in ["college.staff", "operator", "department", "reviewer"] {
                let actor = try await s.actor(login)
                await #expect(throws: DomainError(.caseNotFound, field: "id")) {
                    try await CaseWorkflow(s.deps).perform(.acceptForReview, on: c.id, by: actor)
                }
                #expect(try await CaseRepository(db: s.deps.database.sql).visible(to: actor).isEmpty)
            }
            #expect(try await CaseRepository(db: s.deps.database.sql).find(id: c.id)?.state == "registered")
        }
    }

    @Test("a TVET duplicate also goes to the Digital documents service, once (004 §59) (004 §60)", arguments: TestDatabase.allConfigured)
    func tvetDigital(_ kind: TestDatabase) async throws {
        try await Scenario.run(kind, at: "2025-03-03T10:00") { s in
            let staff = try await s.actor("college.staff")
            let c = try #require(try await ConfirmedIntake(s.deps).submit(
                Application(service: .s2, channel: .portal, applicantIIN: DemoData.parentIIN.digits, providerId: "org-almaty-college-1",
                            documentId: "doc-diploma-2006", documents: ["e-application"], consent: true, language: .kk),
                by: try await s.actor("applicant")).caseRow)
            #expect(c.deadline == "2025-03-27")  // 15 working days (004 §63)
            try await CaseWorkflow(s.deps).perform(.acceptForReview, on: c.id, by: staff)
            try await CaseWorkflow(s.deps).perform(.prepareDuplicate, on: c.id, by: staff)

            try await s.delivery.deliverDue()
            try await s.delivery.deliverDue()

            let digital = EmbeddedDigitalDocuments(database: s.deps.database, clock: s.clock)
            let delivered = try await digital.delivered(holderIIN: DemoData.parentIIN.digits)
            let dup = try #require(try await DocumentRegistryRepository(db: s.deps.database.sql).documents(holderIIN: DemoData.parentIIN.digits)
                .first { $0.duplicateOf == "doc-diploma-2006" })
            #expect(delivered == [dup.id])
            #expect(dup.series == "ТКБ-Д")
        }
    }
}

@Suite struct IdentityRegistryTests {
    @Test("at a desk an IIN the identity registry does not know is refused, and nothing is registered (004 §49)", arguments: TestDatabase.allConfigured)
    func unknownPerson(_ kind: TestDatabase) async throws {
        try await Scenario.run(kind, at: "2025-03-03T10:00") { s in
            let op = try await s.actor("operator")
            let a = Application(
                service: .s1, channel: .stateCorporation, applicantIIN: "900514300121", providerId: "org-almaty-school-1",
                documents: ["application", "identity-document"], consent: true, language: .kk)

            await #expect(throws: DomainError(.identityNotFound, field: "applicantIIN", ref: "004 §49")) {
                try await ConfirmedIntake(s.deps).submit(a, by: op)
            }
            #expect(try await ReferenceRepository(db: s.deps.database.sql).count("cases") == 0)
            #expect(try await ReferenceRepository(db: s.deps.database.sql).count("receipts") == 0)
        }
    }
}
