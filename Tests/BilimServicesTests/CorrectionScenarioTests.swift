import BilimCore
import BilimServices
import BilimStore
import BilimTestSupport
import Foundation
import Testing

@Suite struct CorrectionScenarioTests {
    static let pdf = Array("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".utf8)

    static func application(_ changes: [RequestedChange], copy: Bool = true, consent: Bool = true) -> CorrectionApplication {
        CorrectionApplication(
            documentId: "doc-diploma-2006", changes: changes, consent: consent,
            copy: copy ? UploadedFile(filename: "diploma.pdf", mediaType: "application/pdf", bytes: pdf) : nil, language: .kk)
    }

    static let gradeFix = RequestedChange(field: "grade.psychology", value: "5", explanation: "В архиве ведомость: отлично")
    static let qualificationFix = RequestedChange(
        field: "qualification", value: "0101013 — Тәрбиеші-әдіскер", explanation: "Қате жазылған біліктілік")

    @Test("corrections: registered at once on the portal with a 3-working-day term, corrected in the registry with the history of each field (002 §8) (002 §10) (002 List item 3)", arguments: TestDatabase.allConfigured)
    func endToEnd(_ kind: TestDatabase) async throws {
        try await Scenario.run(kind, at: "2025-03-05T10:00") { s in
            let parent = try await s.actor("applicant")
            let staff = try await s.actor("college.staff")
            let outcome = try await ConfirmedIntake(s.deps).submit(Self.application([Self.gradeFix, Self.qualificationFix]), by: parent)
            let c = try #require(outcome.caseRow)
            #expect(c.registrationNumber == "S3-2025-000001" && c.service == "S3" && c.channel == "portal")
            // Day 1 is the registration day (spec/terms.md): Wednesday 5, Thursday 6, Friday 7 March.
            #expect(c.registeredOn == "2025-03-05")
            #expect(c.deadline == "2025-03-07")
            // (002 §10): the status is in the cabinet at once.
            let messages = try await OutboxRepository(db: s.deps.database.sql).cabinetMessages(recipientIIN: DemoData.parentIIN.digits)
            #expect(messages.contains { $0.caseId == c.id })
            let confirmation = try #require(try await ChallengeRepository(db: s.deps.database.sql).confirmation(caseId: c.id))
            #expect(confirmation.method == "otp")
            #expect(confirmation.content.contains("grade.psychology"))

            let workflow = CaseWorkflow(s.deps)
            #expect(try await workflow.allowedActions(c, actor: staff) == ["accept-for-review", "refuse-corrections"])
            let reviewing = try await workflow.perform(.acceptForReview, on: c.id, by: staff)
            #expect(try await workflow.allowedActions(reviewing, actor: staff) == ["apply-corrections", "refuse-corrections"])
            let done = try await workflow.perform(.applyCorrections, on: c.id, by: staff)
            #expect(done.state == "result-ready")

            let registry = DocumentRegistryRepository(db: s.deps.database.sql)
            let doc = try #require(try await registry.document(id: "doc-diploma-2006"))
            #expect(doc.qualification == "0101013 — Тәрбиеші-әдіскер")
            // Admission scores read the registry's grades: from now on the corrected one.
            #expect(try await registry.grades(documentId: doc.id).first { $0.subject == "psychology" }?.gradeHundredths == 500)
            let history = try await CorrectionRepository(db: s.deps.database.sql).history(documentId: doc.id)
            #expect(Set(history.map(\.field)) == ["grade.psychology", "qualification"])
            let grade = try #require(history.first { $0.field == "grade.psychology" })
            #expect(grade.oldValue == "4" && grade.newValue == "5" && grade.caseId == c.id)
            #expect(grade.reason == "В архиве ведомость: отлично" && grade.correctedBy == staff.userId)
            #expect(try await s.events(c.id) == ["registered", "accept-for-review", "apply-corrections"])
            #expect(try await AuditChain(db: s.deps.database.sql).firstBrokenSeq(caseId: c.id) == nil)
        }
    }

    @Test("corrections: an incomplete package is refused with the motivated notice on the passport's grounds; the registry is unchanged (002 §11) (002 Annex 3)", arguments: TestDatabase.allConfigured)
    func refusal(_ kind: TestDatabase) async throws {
        try await Scenario.run(kind, at: "2025-03-05T10:00") { s in
            let parent = try await s.actor("applicant")
            let staff = try await s.actor("college.staff")
            let c = try #require(try await ConfirmedIntake(s.deps).submit(Self.application([Self.gradeFix]), by: parent).caseRow)
            await #expect(throws: DomainError(.refusalGroundUnknown, field: "grounds", ref: "000 List item 9", ["value": "lost"])) {
                try await CaseWorkflow(s.deps).perform(.refuseCorrections(grounds: ["lost"]), on: c.id, by: staff)
            }
            let refused = try await CaseWorkflow(s.deps).perform(.refuseCorrections(grounds: ["incomplete-package"]), on: c.id, by: staff)
            #expect(refused.state == "refused")
            let decision = try #require(try await DecisionRepository(db: s.deps.database.sql).decisions(caseId: c.id).first)
            #expect(decision.kind == "refusal" && decision.groundCodes == ["incomplete-package"])
            #expect(try await DocumentRegistryRepository(db: s.deps.database.sql).grades(documentId: "doc-diploma-2006")
                .first { $0.subject == "psychology" }?.gradeHundredths == 400)
            #expect(try await CorrectionRepository(db: s.deps.database.sql).history(documentId: "doc-diploma-2006").isEmpty)
        }
    }

    @Test("corrections: bad applications are refused with a clear error and leave no case (002 §6) (002 §8)", arguments: TestDatabase.allConfigured)
    func badInput(_ kind: TestDatabase) async throws {
        try await Scenario.run(kind, at: "2025-03-05T10:00") { s in
            let parent = try await s.actor("applicant")
            let intake = ConfirmedIntake(s.deps)
            let cases: [(CorrectionApplication, DomainError)] = [
                (Self.application([]), DomainError(.correctionRequired, field: "changes", ref: "002 §6")),
                (Self.application([RequestedChange(field: "grade.psychology", value: "4", explanation: "same")]),
                 DomainError(.correctionNothingToChange, field: "changes.0.value", ref: "002 §8", ["value": "grade.psychology"])),
                (Self.application([RequestedChange(field: "eye-colour", value: "blue", explanation: "why not")]),
                 DomainError(.correctionFieldUnknown, field: "changes.0.field", ref: "002 §6", ["value": "eye-colour"])),
                (Self.application([RequestedChange(field: "grade.astronomy", value: "5", explanation: "not there")]),
                 DomainError(.correctionFieldUnknown, field: "changes.0.field", ref: "002 §6", ["value": "grade.astronomy"])),
                (Self.application([RequestedChange(field: "grade.psychology", value: "7", explanation: "too high")]),
                 DomainError(.correctionValueInvalid, field: "changes.0.value", ["value": "7"])),
                (Self.application([Self.gradeFix, Self.gradeFix]),
                 DomainError(.correctionFieldRepeated, field: "changes.1.field", ["value": "grade.psychology"])),
                (Self.application([RequestedChange(field: "grade.psychology", value: "5", explanation: " ")]),
                 DomainError(.correctionExplanationRequired, field: "changes.0.explanation", ref: "002 §6")),
                (Self.application([Self.gradeFix], copy: false), DomainError(.correctionCopyRequired, field: "copy", ref: "002 §6")),
                (Self.application([Self.gradeFix], consent: false), DomainError(.consentMissing, field: "consent", ref: "002 Annex 1")),
            ]
            for (application, expected) in cases {
                await #expect(throws: expected) { try await intake.submit(application, by: parent) }
            }
            // A school certificate is not corrected by a TVET organization's service. (002 §2)
            var school = Self.application([Self.gradeFix])
            school.documentId = "doc-certificate-2002"
            await #expect(throws: DomainError(.providerUnknown, field: "documentId", ref: "002 §2")) {
                try await intake.submit(school, by: parent)
            }
            // Someone else's document.
            await #expect(throws: DomainError(.documentNotHolders, field: "documentId")) {
                try await CorrectionIntake(s.deps).check(Self.application([Self.gradeFix]), by: try await s.actor("college.staff"))
            }
            #expect(try await CaseRepository(db: s.deps.database.sql).visible(to: parent).isEmpty)
        }
    }

    @Test("confirmation: no proof, a wrong code, changed content and a replayed challenge are refused and register nothing (000 List item 8)", arguments: TestDatabase.allConfigured)
    func confirmationAttacks(_ kind: TestDatabase) async throws {
        try await Scenario.run(kind, at: "2025-03-05T10:00") { s in
            let parent = try await s.actor("applicant")
            let a = Self.application([Self.gradeFix])
            let intake = CorrectionIntake(s.deps)
            await #expect(throws: DomainError(.confirmationRequired, field: "confirmation", ref: "000 List item 8")) {
                try await intake.submit(a, by: parent)
            }
            let confirm = ApplicationConfirmation(s.deps)
            let content = a.content(applicantIIN: DemoData.parentIIN.digits)
            let p = try await confirm.prepare(content, method: "otp", actor: parent, gateway: s.sms, codeSource: { "111111" })
            await #expect(throws: DomainError(.otpWrong, field: "code", ["left": "4"])) {
                try await intake.submit(a, by: parent, confirmation: .otp(challengeId: p.challengeId, code: "222222"))
            }
            // The code was sent for other content: a changed grade is not what the applicant confirmed.
            let changed = Self.application([RequestedChange(field: "grade.psychology", value: "4.5", explanation: "В архиве ведомость: отлично")])
            await #expect(throws: DomainError(.confirmationContentChanged, field: "confirmation")) {
                try await intake.submit(changed, by: parent, confirmation: .otp(challengeId: p.challengeId, code: "111111"))
            }
            let c = try #require(try await intake.submit(a, by: parent, confirmation: .otp(challengeId: p.challengeId, code: "111111")).caseRow)
            _ = try await CaseWorkflow(s.deps).perform(.refuseCorrections(grounds: ["unreliable-documents"]), on: c.id, by: try await s.actor("college.staff"))
            // The same challenge again: a replay.
            await #expect(throws: DomainError(.challengeInvalid, field: "confirmation")) {
                try await intake.submit(a, by: parent, confirmation: .otp(challengeId: p.challengeId, code: "111111"))
            }
            // Expired after five minutes.
            let late = try await confirm.prepare(content, method: "otp", actor: parent, gateway: s.sms, codeSource: { "333333" })
            s.clock.set(almaty: "2025-03-05T10:06")
            await #expect(throws: DomainError(.challengeInvalid, field: "confirmation")) {
                try await intake.submit(a, by: parent, confirmation: .otp(challengeId: late.challengeId, code: "333333"))
            }
            #expect(try await CaseRepository(db: s.deps.database.sql).visible(to: parent).count == 1)
        }
    }
}
