import BilimCore
import BilimStore
import Foundation
import SQLKit

/// An application for a duplicate (S1, S2), from any channel.
package struct Application: Sendable {
    package var service: ServiceID
    package var channel: Channel
    package var applicantIIN: String
    package var providerId: String
    /// The original in the registry, when the applicant found it there; without it the provider checks its archive.
    package var documentId: String?
    package var documents: Set<String>
    package var applicableConditions: Set<String>
    package var consent: Bool
    package var identityDocumentValidUntil: CivilDate?
    package var pickupAtStateCorporation: Bool
    package var language: Language
    package var idempotencyKey: String?
    package var reason: DuplicateReason = .lost
    /// The State Corporation office a portal applicant collects the result at. (004 §59)
    package var pickupOfficeId: String?

    package init(
        service: ServiceID, channel: Channel, applicantIIN: String, providerId: String, documentId: String? = nil,
        documents: Set<String>, applicableConditions: Set<String> = [], consent: Bool,
        identityDocumentValidUntil: CivilDate? = nil, pickupAtStateCorporation: Bool = false, language: Language,
        idempotencyKey: String? = nil, reason: DuplicateReason = .lost, pickupOfficeId: String? = nil
    ) {
        self.reason = reason
        self.pickupOfficeId = pickupOfficeId
        self.service = service
        self.channel = channel
        self.applicantIIN = applicantIIN
        self.providerId = providerId
        self.documentId = documentId
        self.documents = documents
        self.applicableConditions = applicableConditions
        self.consent = consent
        self.identityDocumentValidUntil = identityDocumentValidUntil
        self.pickupAtStateCorporation = pickupAtStateCorporation
        self.language = language
        self.idempotencyKey = idempotencyKey
    }
}

extension Application {
    /// What a portal applicant confirms.
    package var content: ConfirmedContent {
        ConfirmedContent(
            service: service.rawValue, applicantIIN: applicantIIN.trimmingSpaces, providerId: providerId, documentId: documentId,
            documents: documents.sorted(), reason: reason.rawValue, pickupOfficeId: pickupAtStateCorporation ? pickupOfficeId : nil,
            consent: consent)
    }
}

/// What intake produced: a registered case (with the acceptance receipt at a desk), or, at a desk, only the
/// refusal receipt naming what is missing.
package struct IntakeOutcome: Sendable {
    package let caseRow: CaseRow?
    package let receipt: ReceiptRow?
    /// True when an earlier submission with the same idempotency key is returned.
    package let repeated: Bool
}

/// Intake for the duplicate services on every channel (000, 004 §47–§57).
package struct ApplicationIntake: Sendable {
    package let deps: ServiceDependencies

    package init(_ deps: ServiceDependencies) { self.deps = deps }

    /// Checks and registers an application. The portal takes only a complete package (the form does not let an
    /// incomplete one through); the provider's office and the State Corporation give a refusal receipt instead.
    /// (004 §51) (004 §52) (004 §53)
    package func submit(_ a: Application, by actor: Actor, confirmation: ConfirmationProof? = nil) async throws -> IntakeOutcome {
        let now = deps.clock.now()
        let local = deps.localTime.local(now)
        let iin = try IIN(a.applicantIIN, today: local.date)
        try authorize(a, actor: actor)
        if let key = a.idempotencyKey, let earlier = try await earlier(key: key, actor: actor) {
            return IntakeOutcome(caseRow: earlier, receipt: nil, repeated: true)
        }
        guard let passport = deps.passports.current(a.service, on: local.date), passport.channels.contains(a.channel)
        else { throw DomainError(.channelNotOffered, field: "channel", ["value": a.channel.rawValue]) }
        try await checkProvider(a)
        try await checkDocument(a, iin: iin)
        let pickupOffice = try await checkPickupOffice(a)
        // At a desk the identity comes from the registry through the gateway, not from the applicant. (004 §49)
        if a.channel != .portal, try await deps.identity.person(iin: iin.digits) == nil {
            throw DomainError(.identityNotFound, field: "applicantIIN", ref: "004 §49")
        }

        let verdict = IntakeCheck.check(
            IntakePackage(
                channel: a.channel, documents: a.documents, applicableConditions: a.applicableConditions,
                consent: a.consent, identityDocumentValidUntil: a.identityDocumentValidUntil),
            passport: passport, today: local.date)
        if case .refused(let missing, let expired, let noConsent) = verdict {
            if a.channel == .portal {
                if noConsent { throw DomainError(.consentMissing, field: "consent", ref: "000 List item 9") }
                throw DomainError(.fieldRequired, field: missing.first.map { "documents.\($0)" } ?? "documents", ref: "000 List item 8")
            }
            let receipt = try await refusalReceipt(a, actor: actor, missing: missing + (expired ? ["expired-identity-document"] : []) + (noConsent ? ["personal-data-consent"] : []))
            return IntakeOutcome(caseRow: nil, receipt: receipt, repeated: false)
        }
        if let open = try await CaseRepository(db: deps.database.sql).openDuplicate(
            service: a.service, applicantIIN: a.applicantIIN, providerId: a.providerId, documentId: a.documentId)
        {
            // The open case may be this very submission's, registered by a retry that ran at the same moment.
            if let key = a.idempotencyKey, let earlier = try await earlier(key: key, actor: actor) {
                return IntakeOutcome(caseRow: earlier, receipt: nil, repeated: true)
            }
            throw DomainError(.applicationDuplicate, field: "documentId", ["number": open.registrationNumber])
        }
        // A portal application is confirmed by a one-time code or an EDS over exactly this content.
        // (000 List item 8)
        let confirmed: VerifiedConfirmation?
        do {
            confirmed = a.channel == .portal
                ? try await ApplicationConfirmation(deps).verify(confirmation, content: a.content, actor: actor) : nil
        } catch let error as DomainError where error.code == .challengeInvalid && a.idempotencyKey != nil {
            // A retry of a submission in flight (a double click, a second tab, another node): its challenge is being
            // spent by the first, which has not committed yet. Wait for the first's case, a bounded while.
            if let key = a.idempotencyKey, let earlier = try await awaitEarlier(key: key, actor: actor) {
                return IntakeOutcome(caseRow: earlier, receipt: nil, repeated: true)
            }
            throw error
        }

        let calendar = try await deps.calendars.calendar()
        let closing = passport.schedule(for: a.channel)?.registrationClosesAt ?? Registration.defaultClosingTime
        let registeredOn = try Registration.registrationDay(submittedAt: local, closingTime: closing, calendar: calendar)
        guard let term = passport.countableTerm else { throw DomainError(.passportInvalid, ["detail": "term"]) }
        let deadline = try term.deadline(
            registeredOn: registeredOn, channel: a.channel, calendar: calendar, acceptedOn: local.date)
        let caseId = deps.ids.make()
        // Only a parent applying on the portal for their minor child is recorded as the representative.
        let representative = a.channel == .portal && actor.role == .applicant && iin.digits != actor.personIIN
            ? actor.personIIN : nil
        do {
            return try await register(a, actor: actor, iin: iin, passport: passport, confirmed: confirmed, caseId: caseId,
                representative: representative, pickupOffice: pickupOffice, registeredOn: registeredOn, deadline: deadline,
                now: now, local: local)
        } catch {
            // A submission that ran at the same moment won: the same idempotency key answers with its case; any
            // other open case for the document is the same clear conflict the check above gives.
            if let key = a.idempotencyKey, let earlier = try await earlier(key: key, actor: actor) {
                return IntakeOutcome(caseRow: earlier, receipt: nil, repeated: true)
            }
            if Database.isUniqueViolation(error),
                let open = try await CaseRepository(db: deps.database.sql).openDuplicate(
                    service: a.service, applicantIIN: a.applicantIIN, providerId: a.providerId, documentId: a.documentId)
            {
                throw DomainError(.applicationDuplicate, field: "documentId", ["number": open.registrationNumber])
            }
            throw error
        }
    }

    private func register(
        _ a: Application, actor: Actor, iin: IIN, passport: ServicePassport, confirmed: VerifiedConfirmation?, caseId: String,
        representative: String?, pickupOffice: String?, registeredOn: CivilDate, deadline: CivilDate, now: Date,
        local: LocalDateTime
    ) async throws -> IntakeOutcome {
        return try await deps.database.transaction { db in
            // Checked again inside the transaction: a submission racing this one may have registered first.
            if let key = a.idempotencyKey,
                let row = try await db.select().column("case_id").from("idempotency_keys")
                    .where("user_id", .equal, actor.userId).where("key", .equal, key).first(),
                let earlier = try await CaseRepository(db: db).find(id: row.decode(column: "case_id", as: String.self))
            {
                return IntakeOutcome(caseRow: earlier, receipt: nil, repeated: true)
            }
            if let open = try await CaseRepository(db: db).openDuplicate(
                service: a.service, applicantIIN: a.applicantIIN, providerId: a.providerId, documentId: a.documentId)
            {
                throw DomainError(.applicationDuplicate, field: "documentId", ["number": open.registrationNumber])
            }
            let seq = try await NumberSequence(db: db).next("case-\(a.service.rawValue)-\(registeredOn.year)")
            let number = "\(a.service.rawValue)-\(registeredOn.year)-\(Digits.pad(seq, 6))"
            var row = CaseRow(
                id: caseId, registrationNumber: number, service: a.service, passportVersion: passport.version,
                channel: a.channel, applicantIin: iin.digits, representativeIin: representative, providerId: a.providerId,
                intakeOfficeId: a.channel == .portal ? pickupOffice : actor.organizationId, state: .registered,
                language: a.language, submittedAt: now, registeredOn: registeredOn, deadline: deadline, now: now)
            row.documentId = a.documentId
            row.pickupAtStateCorporation = (a.pickupAtStateCorporation || a.channel == .stateCorporation) ? 1 : 0
            row.consentAt = Instant.text(now)
            row.documents = String(decoding: try JSONEncoder().encode(a.documents.sorted()), as: UTF8.self)
            row.reason = a.reason.rawValue
            try await CaseRepository(db: db).insert(row)
            if let confirmed { try await ApplicationConfirmation.record(confirmed, caseId: caseId, now: now, db: db) }
            let event = try await AuditChain(db: db).append(
                caseId: caseId,
                .init(
                    kind: "registered", fromState: nil, toState: .registered, actorId: actor.userId,
                    actorRole: actor.role.rawValue, reason: nil,
                    payload: #"{"channel":"\#(a.channel.rawValue)","registeredOn":"\#(registeredOn.iso)","deadline":"\#(deadline.iso)"}"#,
                    occurredAt: now))
            var receipt: ReceiptRow?
            if a.channel == .portal {
                // The acceptance notice in the cabinet, signed. (004 §51)
                try await CabinetReceipt.issue(
                    for: row, passport: passport, documents: a.documents.sorted(), ids: deps.ids, now: now, db: db)
            } else if let office = actor.organizationId {
                receipt = try await ReceiptRepository(db: db).issue(
                    kind: "acceptance", id: deps.ids.make(), service: a.service, channel: a.channel, caseId: caseId,
                    officeId: office, applicantIIN: iin.digits, documents: a.documents.sorted(), missing: [],
                    staffUserId: actor.userId, language: a.language, now: now, year: local.date.year)
            }
            if let key = a.idempotencyKey {
                try await db.insert(into: "idempotency_keys").columns("key", "user_id", "case_id", "created_at")
                    .values(SQLBind(key), SQLBind(actor.userId), SQLBind(caseId), SQLBind(Instant.text(now))).run()
            }
            try await Notifier(db: db, ids: deps.ids, now: now).notify(.registered, caseRow: row, eventSeq: event.seq)
            return IntakeOutcome(caseRow: row, receipt: receipt, repeated: false)
        }
    }

    private func authorize(_ a: Application, actor: Actor) throws {
        switch a.channel {
        case .portal:
            guard CaseAccess.canApply(actor, for: a.applicantIIN) else {
                throw DomainError(.forbidden, field: "applicantIIN")
            }
        case .office:
            guard actor.role == .providerStaff, actor.organizationId == a.providerId else {
                throw DomainError(.forbidden, field: "channel")
            }
        case .stateCorporation:
            guard actor.role == .stateCorporationOperator, actor.organizationId != nil else {
                throw DomainError(.forbidden, field: "channel")
            }
        }
    }

    private func checkProvider(_ a: Application) async throws {
        let org = try await ReferenceRepository(db: deps.database.sql).organization(id: a.providerId)
        let kind: OrganizationKind = a.service == .s1 ? .school : .tvet
        guard org?.kind == kind.rawValue else { throw DomainError(.providerUnknown, field: "providerId") }
    }

    /// A portal applicant who collects at the State Corporation names the office, which then keeps the result.
    /// (004 §59)
    private func checkPickupOffice(_ a: Application) async throws -> String? {
        guard a.channel == .portal, a.pickupAtStateCorporation else { return nil }
        guard let id = a.pickupOfficeId,
            try await ReferenceRepository(db: deps.database.sql).organization(id: id)?.kind
                == OrganizationKind.stateCorporationOffice.rawValue
        else { throw DomainError(.fieldRequired, field: "pickupOfficeId", ref: "004 §59") }
        return id
    }

    private func checkDocument(_ a: Application, iin: IIN) async throws {
        guard let id = a.documentId else { return }
        let doc = try await DocumentRegistryRepository(db: deps.database.sql).document(id: id)
        guard let doc, doc.holderIin == iin.digits, doc.organizationId == a.providerId else {
            throw DomainError(.documentNotHolders, field: "documentId")
        }
    }

    /// The case registered under an idempotency key, waiting up to 3 s for a submission still in its transaction.
    private func awaitEarlier(key: String, actor: Actor) async throws -> CaseRow? {
        for _ in 0..<60 {
            if let row = try await earlier(key: key, actor: actor) { return row }
            try await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }

    private func earlier(key: String, actor: Actor) async throws -> CaseRow? {
        guard let row = try await deps.database.sql.select().column("case_id").from("idempotency_keys")
            .where("user_id", .equal, actor.userId).where("key", .equal, key).first()
        else { return nil }
        return try await CaseRepository(db: deps.database.sql).find(id: row.decode(column: "case_id", as: String.self))
    }

    private func refusalReceipt(_ a: Application, actor: Actor, missing: [String]) async throws -> ReceiptRow {
        guard let office = actor.organizationId else { throw DomainError(.forbidden, field: "channel") }
        let now = deps.clock.now()
        return try await deps.database.transaction { db in
            try await ReceiptRepository(db: db).issue(
                kind: "refusal", id: deps.ids.make(), service: a.service, channel: a.channel, caseId: nil, officeId: office,
                applicantIIN: a.applicantIIN, documents: a.documents.sorted(), missing: missing, staffUserId: actor.userId,
                language: a.language, now: now, year: deps.today.year)
        }
    }
}
