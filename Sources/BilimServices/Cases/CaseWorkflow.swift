import BilimCore
import BilimStore
import Foundation
import Logging
import SQLKit

/// Carries out a command on a case: checks who may see it, lets the state machine decide, and writes the new
/// state, its trail event, its decision or duplicate and its notifications in one transaction.
package struct CaseWorkflow: Sendable {
    package let deps: ServiceDependencies

    package init(_ deps: ServiceDependencies) { self.deps = deps }

    /// The case if the actor may see it; otherwise `case.notFound`, which does not tell whether it exists, and a
    /// log line recording the refusal.
    package func visibleCase(_ id: String, to actor: Actor) async throws -> CaseRow {
        guard let row = try await CaseRepository(db: deps.database.sql).find(id: id) else {
            throw DomainError(.caseNotFound, field: "id")
        }
        guard CaseAccess.canView(actor, applicantIIN: row.applicantIin, providerId: row.providerId, intakeOfficeId: row.intakeOfficeId)
        else {
            deps.logger.notice("case access refused", metadata: ["case.id": .string(id), "actor.role": .string(actor.role.rawValue)])
            throw DomainError(.caseNotFound, field: "id")
        }
        return row
    }

    package func passport(for row: CaseRow) throws -> ServicePassport {
        guard let service = ServiceID(rawValue: row.service),
            let p = deps.passports.versions(of: service).first(where: { $0.version == row.passportVersion })
        else { throw DomainError(.passportInvalid, ["detail": "\(row.service) v\(row.passportVersion) is not loaded"]) }
        return p
    }

    package static func facts(_ row: CaseRow) -> CaseFacts {
        CaseFacts(
            state: CaseState(rawValue: row.state) ?? .registered, channel: Channel(rawValue: row.channel) ?? .portal,
            // A stored deadline is always an ISO date (written by the intake); an unreadable one counts as the
            // latest day, so nothing is flagged overdue by a bad row and nothing traps on it.
            deadline: CivilDate(iso: row.deadline) ?? .latest, pickupAtStateCorporation: row.pickupAtStateCorporation == 1,
            hearingNoticeOn: row.hearingNoticeOn.flatMap { CivilDate(iso: $0) },
            resultReceivedOn: row.resultReceivedOn.flatMap { CivilDate(iso: $0) },
            hearingOn: row.hearingOn.flatMap { CivilDate(iso: $0) }, service: ServiceID(rawValue: row.service) ?? .s1)
    }

    /// The actions the actor may take on the case now.
    package func allowedActions(_ row: CaseRow, actor: Actor) async throws -> [String] {
        CaseMachine.commands(
            for: actor.role, facts: Self.facts(row), passport: try passport(for: row), today: deps.today,
            calendar: try await deps.calendars.calendar())
    }

    @discardableResult
    package func perform(_ command: CaseCommand, on caseId: String, by actor: Actor, reason: String? = nil) async throws
        -> CaseRow
    {
        let row = try await visibleCase(caseId, to: actor)
        let passport = try passport(for: row)
        let today = deps.today
        let transition = try CaseMachine.decide(
            command, by: actor.role, facts: Self.facts(row), passport: passport, today: today,
            calendar: try await deps.calendars.calendar())
        // The result is handed over against the receipt and an identity document, or to a representative with a
        // notarised power of attorney: what was shown is recorded. (004 §61) (001 §9)
        if command == .handOver, (reason ?? "").trimmingSpaces.count < 3 {
            throw DomainError(.handOverProofRequired, field: "reason", ref: "004 §61")
        }
        let now = deps.clock.now()
        return try await deps.database.transaction { db in
            try await write(transition, command: command, row: row, actor: actor, reason: reason, today: today, now: now, db: db)
        }
    }

    /// Writes an allowed transition inside the caller's transaction, using only `db`: the new state, its trail
    /// event, its decision or duplicate, and its notifications.
    package func write(
        _ transition: CaseTransition, command: CaseCommand, row: CaseRow, actor: Actor, reason: String?, today: CivilDate,
        now: Date, db: any SQLDatabase
    ) async throws -> CaseRow {
        var next = row
        next.state = transition.to.rawValue
        next.updatedAt = Instant.text(now)
        var hearingDate: String?
        switch command {
        case .preliminaryRefusal(_, let hearingOn):
            next.hearingNoticeOn = today.iso
            next.hearingOn = hearingOn.iso
            hearingDate = hearingOn.iso
        case .receiveResult, .fetchBack:
            next.resultReceivedOn = today.iso
        default:
            break
        }
        let saved = next
        guard try await CaseRepository(db: db).save(saved, expectedVersion: row.rowVersion) else {
            throw DomainError(.concurrentChange, field: "id")
        }
        var payload: [String: [String]] = [:]
        switch command {
        case .preliminaryRefusal(let g, _), .decideRefusal(let g): payload["grounds"] = g
        default: break
        }
        let event = try await AuditChain(db: db).append(
            caseId: row.id,
            .init(
                kind: command.name, fromState: transition.from, toState: transition.to, actorId: actor.userId,
                actorRole: actor.role.rawValue, reason: reason,
                payload: String(decoding: try JSONEncoder().encode(payload), as: UTF8.self), occurredAt: now))
        let decisions = DecisionRepository(db: db)
        if case .preliminaryRefusal(let grounds, _) = command {
            let d = try await decision(row, kind: "preliminary-refusal", grounds: grounds, document: nil, actor: actor, now: now, db: db)
            try await decisions.insert(d)
            try await signResult(row, kind: "preliminary-refusal", number: d.number, decisionId: d.id, grounds: grounds, now: now, db: db)
        }
        for action in transition.actions {
            switch action {
            case .notifyApplicant(let template):
                var args: [String: String] = [:]
                if let hearingDate { args["date"] = hearingDate }
                try await Notifier(db: db, ids: deps.ids, now: now).notify(template, caseRow: saved, eventSeq: event.seq, arguments: args)
            case .issueDuplicate:
                guard let originalId = row.documentId,
                    let original = try await DocumentRegistryRepository(db: db).document(id: originalId)
                else { throw DomainError(.originalNotInRegistry, field: "documentId") }
                guard let blank = try await decisions.takeBlank(organizationId: row.providerId, kind: original.kind) else {
                    throw DomainError(.blankStockEmpty, field: "blankStock")
                }
                let dup = try await decisions.issueDuplicate(
                    of: original, id: deps.ids.make(), series: blank.series, number: blank.number, on: today, now: now)
                let d = try await decision(row, kind: "duplicate", grounds: [], document: dup.id, actor: actor, now: now, db: db)
                try await decisions.insert(d)
                let grades = try await DocumentRegistryRepository(db: db).grades(documentId: dup.id)
                try await signResult(
                    row, kind: "duplicate-notice", number: d.number, decisionId: d.id,
                    document: DocumentSigning.facts(dup, grades: grades), now: now, db: db)
                // The duplicate is also a digital document; the original's credential is superseded.
                let credential = try await DocumentSigning(db: db, ids: deps.ids, now: now).credential(
                    for: dup, issuerName: try await issuerName(row, db: db), caseId: row.id,
                    replacing: (original.id, "superseded", "duplicate-issued"))
                if row.service == ServiceID.s2.rawValue {
                    // A TVET duplicate also goes to the Digital documents service, through the outbox. (004 §59)
                    try await OutboxRepository(db: db).enqueue(
                        id: deps.ids.make(), idempotencyKey: "\(row.id):\(event.seq):digital-document", channel: "digital-document",
                        recipientIIN: dup.holderIin, caseId: row.id, template: "digital-document",
                        language: Language(rawValue: row.language) ?? .kk,
                        payload: #"{"documentId":"\#(dup.id)","credential":"\#(credential.number)"}"#, now: now)
                }
            case .applyCorrections:
                try await applyCorrections(row, actor: actor, event: event.seq, now: now, db: db)
            case .issueRefusal(let grounds):
                let d = try await decision(row, kind: "refusal", grounds: grounds, document: nil, actor: actor, now: now, db: db)
                try await decisions.insert(d)
                try await signResult(row, kind: "refusal", number: d.number, decisionId: d.id, grounds: grounds, now: now, db: db)
            }
        }
        return saved
    }

    /// Enters the requested corrections in the registry, each field keeping its old value, the new one, the reason
    /// and the case (002 §8). The registry must still hold what the applicant saw: a field changed since then by
    /// another case stops the whole correction rather than overwrite it.
    private func applyCorrections(_ row: CaseRow, actor: Actor, event: Int, now: Date, db: any SQLDatabase) async throws {
        guard let documentId = row.documentId,
            let doc = try await DocumentRegistryRepository(db: db).document(id: documentId)
        else { throw DomainError(.documentNotHolders, field: "documentId") }
        let snapshot = try await CorrectionIntake.snapshot(doc, db: db)
        let repo = CorrectionRepository(db: db)
        for change in try await repo.requests(caseId: row.id) {
            guard let field = CorrectableField(name: change.field), snapshot.value(of: field) == .some(change.oldValue) else {
                throw DomainError(.concurrentChange, field: "changes")
            }
            try await repo.apply(change, documentId: documentId, caseId: row.id, by: actor.userId, id: deps.ids.make(), now: now)
        }
        // The corrections notice, signed; the corrected document as a new credential revoking the earlier ones.
        let signing = DocumentSigning(db: db, ids: deps.ids, now: now)
        try await signResult(
            row, kind: "corrections-notice", number: try await signing.number("E"), decisionId: nil,
            changes: try await repo.requests(caseId: row.id), now: now, db: db)
        guard let corrected = try await DocumentRegistryRepository(db: db).document(id: documentId) else { return }
        let credential = try await signing.credential(
            for: corrected, issuerName: try await issuerName(row, db: db), caseId: row.id,
            replacing: (corrected.id, "revoked", "corrected"))
        try await OutboxRepository(db: db).enqueue(
            id: deps.ids.make(), idempotencyKey: "\(row.id):\(event):digital-document", channel: "digital-document",
            recipientIIN: corrected.holderIin, caseId: row.id, template: "digital-document",
            language: Language(rawValue: row.language) ?? .kk,
            payload: #"{"documentId":"\#(corrected.id)","credential":"\#(credential.number)"}"#, now: now)
    }

    private func issuerName(_ row: CaseRow, db: any SQLDatabase) async throws -> String {
        let org = try await ReferenceRepository(db: db).organization(id: row.providerId)
        return org.map { $0.name[Language(rawValue: row.language) ?? .kk] } ?? row.providerId
    }

    /// Signs the electronic result of a decision with the provider's key: its number, the case, and what the paper
    /// would say — the passport's grounds in the applicant's language, the changes, the document. (002 Annex 3)
    private func signResult(
        _ row: CaseRow, kind: String, number: String, decisionId: String?, grounds: [String] = [], changes: [PlannedChange]? = nil,
        document: DocumentFacts? = nil, now: Date, db: any SQLDatabase
    ) async throws {
        let language = Language(rawValue: row.language) ?? .kk
        let passport = try passport(for: row)
        let texts = grounds.map { code in
            let g = passport.refusalGrounds.first { $0.code == code }
            return ResultContent.Ground(code: code, text: g?.text[language] ?? code, ref: g.map { "\($0.ref)" })
        }
        let content = ResultContent(
            number: number, kind: kind, issuedAt: Instant.text(now), issuer: try await issuerName(row, db: db),
            caseNumber: row.registrationNumber, service: row.service, grounds: texts.isEmpty ? nil : texts, changes: changes,
            document: document, statement: DocumentSigning.equivalenceStatement[language])
        try await DocumentSigning(db: db, ids: deps.ids, now: now).result(content, caseRow: row, decisionId: decisionId)
    }

    /// A decision with a unique number of its own: `D-2025-000001`.
    private func decision(
        _ row: CaseRow, kind: String, grounds: [String], document: String?, actor: Actor, now: Date, db: any SQLDatabase
    ) async throws -> DecisionRow {
        let year = String(deps.localTime.local(now).date.year)
        let seq = try await NumberSequence(db: db).next("decision-\(year)")
        return DecisionRow(
            id: deps.ids.make(), number: "D-\(year)-\(Digits.pad(seq, 6))",
            caseId: row.id, kind: kind, grounds: String(decoding: try JSONEncoder().encode(grounds), as: UTF8.self),
            resultDocumentId: document, status: "active", createdBy: actor.userId, createdAt: Instant.text(now), revokedAt: nil)
    }
}
