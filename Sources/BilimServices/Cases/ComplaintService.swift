import BilimCore
import BilimStore
import Foundation
import Logging
import SQLKit

/// Complaints (S5): the applicant files one about a decision, an action or inaction of their case; the provider
/// satisfies it within 3 working days or forwards it with the case file to the reviewing body, which answers
/// with a motivated document. An upheld complaint revokes the decision it names and reopens the case at the state
/// the decision left, with a new term, and the applicant is told. (002 §14) (001 §11)
package struct ComplaintService: Sendable {
    package let deps: ServiceDependencies

    package init(_ deps: ServiceDependencies) { self.deps = deps }

    @discardableResult
    package func file(caseId: String, decisionNumber: String?, text: String, by actor: Actor) async throws -> ComplaintRow {
        guard actor.role == .applicant else { throw DomainError(.roleNotAllowed, field: "action", ["action": "complain"]) }
        let row = try await CaseWorkflow(deps).visibleCase(caseId, to: actor)
        let body = text.trimmingSpaces
        guard body.count >= 10, body.count <= 5000 else { throw DomainError(.complaintTextRequired, field: "text") }
        var decision: DecisionRow?
        if let number = decisionNumber, !number.isEmpty {
            guard let d = try await DecisionRepository(db: deps.database.sql).decision(number: number), d.caseId == caseId,
                d.status == "active"
            else { throw DomainError(.decisionNotFound, field: "decisionNumber") }
            decision = d
        }
        let now = deps.clock.now()
        let calendar = try await deps.calendars.calendar()
        let registeredOn = try Registration.registrationDay(submittedAt: deps.localTime.local(now), calendar: calendar)
        let terms = try ComplaintTerms(registeredOn: registeredOn, calendar: calendar)
        let chosen = decision
        return try await deps.database.transaction { db in
            let seq = try await NumberSequence(db: db).next("complaint-\(registeredOn.year)")
            let complaint = ComplaintRow(
                id: deps.ids.make(), number: "C-\(registeredOn.year)-\(Digits.pad(seq, 6))", caseId: caseId,
                decisionId: chosen?.id, text: body, registeredOn: registeredOn.iso, forwardBy: terms.forwardBy.iso,
                reviewBy: terms.providerReviewBy.iso, filedBy: actor.userId, createdAt: Instant.text(now))
            guard try await CaseRepository(db: db).touch(id: caseId, expectedVersion: row.rowVersion) else {
                throw DomainError(.concurrentChange, field: "id")
            }
            try await ComplaintRepository(db: db).insert(complaint)
            let event = try await AuditChain(db: db).append(
                caseId: caseId,
                .init(
                    kind: "complaint-filed", fromState: nil, toState: nil, actorId: actor.userId,
                    actorRole: actor.role.rawValue, reason: nil,
                    payload: #"{"complaint":"\#(complaint.number)","decision":"\#(chosen?.number ?? "")"}"#, occurredAt: now))
            try await Notifier(db: db, ids: deps.ids, now: now).notify(.complaintRegistered, caseRow: row, eventSeq: event.seq)
            return complaint
        }
    }

    /// The complaint if the actor may see it: the applicant of its case, the provider's staff, and the reviewing
    /// body once it was forwarded.
    package func visibleComplaint(_ id: String, to actor: Actor) async throws -> (ComplaintRow, CaseRow) {
        guard let c = try await ComplaintRepository(db: deps.database.sql).find(id: id),
            let row = try await CaseRepository(db: deps.database.sql).find(id: c.caseId)
        else { throw DomainError(.complaintNotFound, field: "id") }
        let visible =
            actor.role == .reviewingBody
            ? c.forwardedAt != nil
            : CaseAccess.canView(actor, applicantIIN: row.applicantIin, providerId: row.providerId, intakeOfficeId: row.intakeOfficeId)
        guard visible else {
            deps.logger.notice("complaint access refused", metadata: ["complaint.id": .string(id), "actor.role": .string(actor.role.rawValue)])
            throw DomainError(.complaintNotFound, field: "id")
        }
        return (c, row)
    }

    package func visible(to actor: Actor) async throws -> [ComplaintRow] {
        let repo = ComplaintRepository(db: deps.database.sql)
        switch actor.role {
        case .reviewingBody: return try await repo.forwarded()
        case .providerStaff: return try await actor.organizationId.asyncMap { try await repo.forProvider($0) } ?? []
        case .applicant:
            var out: [ComplaintRow] = []
            for c in try await CaseRepository(db: deps.database.sql).visible(to: actor) { out += try await repo.forCase(c.id) }
            return out
        default: return []
        }
    }

    @discardableResult
    package func act(_ command: ComplaintCommand, on id: String, answer: String, by actor: Actor) async throws -> ComplaintRow {
        let (complaint, caseRow) = try await visibleComplaint(id, to: actor)
        let calendar = try await deps.calendars.calendar()
        guard let registered = CivilDate(iso: complaint.registeredOn) else {
            throw DomainError(.internalError, ["detail": "complaint \(complaint.id) has no readable registration date"])
        }
        let terms = try ComplaintTerms(registeredOn: registered, calendar: calendar)
        let next = try ComplaintMachine.decide(
            command, by: actor.role, state: ComplaintState(rawValue: complaint.state) ?? .registered,
            answer: answer, today: deps.today, terms: terms)
        let now = deps.clock.now()
        let today = deps.today
        var updated = complaint
        updated.state = next.rawValue
        if command == .forward {
            updated.forwardedAt = Instant.text(now)
            updated.reviewBy = terms.authorityReviewBy.iso
        } else {
            updated.answer = answer.trimmingSpaces
            updated.answeredBy = actor.userId
            updated.answeredAt = Instant.text(now)
        }
        let saved = updated
        let reopen = next == .upheld ? try await reopenPlan(complaint, caseRow: caseRow, calendar: calendar) : nil
        return try await deps.database.transaction { db in
            guard try await ComplaintRepository(db: db).save(saved, expectedVersion: complaint.rowVersion) else {
                throw DomainError(.concurrentChange, field: "id")
            }
            if reopen == nil {
                guard try await CaseRepository(db: db).touch(id: caseRow.id, expectedVersion: caseRow.rowVersion) else {
                    throw DomainError(.concurrentChange, field: "id")
                }
            }
            let chain = AuditChain(db: db)
            var event = try await chain.append(
                caseId: caseRow.id,
                .init(
                    kind: "complaint-\(command.rawValue)", fromState: nil, toState: nil, actorId: actor.userId,
                    actorRole: actor.role.rawValue, reason: saved.answer,
                    payload: #"{"complaint":"\#(complaint.number)"}"#, occurredAt: now))
            var caseForNotice = caseRow
            if let reopen {
                try await DecisionRepository(db: db).revoke(id: reopen.decisionId, now: now)
                try await SignedDocumentRepository(db: db).revoke(decisionId: reopen.decisionId, reason: "complaint-upheld", now: now)
                if let dup = reopen.duplicateDocumentId {
                    try await DecisionRepository(db: db).annulDuplicate(documentId: dup)
                    try await SignedDocumentRepository(db: db).retireCredentials(
                        educationDocumentId: dup, status: "revoked", reason: "complaint-upheld", now: now)
                }
                var c = caseRow
                c.state = reopen.state.rawValue
                c.deadline = reopen.deadline.iso
                c.updatedAt = Instant.text(now)
                guard try await CaseRepository(db: db).save(c, expectedVersion: caseRow.rowVersion) else {
                    throw DomainError(.concurrentChange, field: "id")
                }
                event = try await chain.append(
                    caseId: caseRow.id,
                    .init(
                        kind: "reopened", fromState: CaseState(rawValue: caseRow.state), toState: reopen.state,
                        actorId: actor.userId, actorRole: actor.role.rawValue, reason: "complaint \(complaint.number) upheld",
                        payload: #"{"revokedDecision":"\#(reopen.decisionNumber)","deadline":"\#(reopen.deadline.iso)","reopenedOn":"\#(today.iso)"}"#,
                        occurredAt: now))
                caseForNotice = c
            }
            let template: NotificationTemplate =
                command == .forward ? .complaintRegistered : (reopen != nil ? .complaintUpheld : .complaintAnswered)
            if command != .forward {
                try await Notifier(db: db, ids: deps.ids, now: now).notify(template, caseRow: caseForNotice, eventSeq: event.seq)
            }
            return saved
        }
    }

    struct Reopen: Sendable {
        let decisionId: String
        let decisionNumber: String
        let duplicateDocumentId: String?
        let state: CaseState
        let deadline: CivilDate
    }

    /// The state the contested decision left, and the new term: the passport's review term (or its term) counted
    /// from today.
    private func reopenPlan(_ complaint: ComplaintRow, caseRow: CaseRow, calendar: WorkingCalendar) async throws -> Reopen? {
        guard let decisionId = complaint.decisionId,
            let decision = try await DecisionRepository(db: deps.database.sql).decisions(caseId: caseRow.id).first(where: { $0.id == decisionId })
        else { return nil }
        let kinds: [String: [String]] = [
            "refusal": ["decide-refusal"], "duplicate": ["prepare-duplicate", "decide-duplicate"],
            "preliminary-refusal": ["preliminary-refusal"],
        ]
        let events = try await AuditChain(db: deps.database.sql).events(caseId: caseRow.id)
        guard let made = events.last(where: { kinds[decision.kind]?.contains($0.kind) == true }),
            let from = made.fromState.flatMap(CaseState.init(rawValue:))
        else { return nil }
        let passport = try CaseWorkflow(deps).passport(for: caseRow)
        let review = passport.reviewTerm ?? passport.term
        let term = try Term(days: review.days, unit: review.unit)
        let deadline = try term.deadline(registeredOn: deps.today, channel: .office, calendar: calendar)
        return Reopen(
            decisionId: decision.id, decisionNumber: decision.number,
            duplicateDocumentId: decision.kind == "duplicate" ? decision.resultDocumentId : nil, state: from,
            deadline: deadline)
    }
}
