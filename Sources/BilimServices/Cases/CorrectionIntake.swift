import BilimCore
import BilimStore
import Crypto
import Foundation
import SQLKit

/// An application to correct the information in an education document (S3): the document, each field with its
/// correct value and the explanation of the error, and the electronic copy of the document. (002 §6)
package struct CorrectionApplication: Sendable {
    package var documentId: String
    package var changes: [RequestedChange]
    package var consent: Bool
    package var copy: UploadedFile?
    package var language: Language
    package var idempotencyKey: String?

    package init(
        documentId: String, changes: [RequestedChange], consent: Bool, copy: UploadedFile?, language: Language,
        idempotencyKey: String? = nil
    ) {
        self.documentId = documentId
        self.changes = changes
        self.consent = consent
        self.copy = copy
        self.language = language
        self.idempotencyKey = idempotencyKey
    }

    /// What the applicant confirms with a one-time code or an EDS signature: everything but the file itself,
    /// which is represented by its SHA-256.
    package func content(applicantIIN: String) -> ConfirmedContent {
        ConfirmedContent(
            service: ServiceID.s3.rawValue, applicantIIN: applicantIIN, documentId: documentId,
            changes: changes.map { RequestedChange(field: $0.field.trimmingSpaces, value: $0.value.trimmingSpaces, explanation: $0.explanation.trimmingSpaces) },
            consent: consent, attachmentSha256: copy.map { SHA256.hash(data: $0.bytes).hex })
    }
}

/// A file the applicant uploads with the application.
package struct UploadedFile: Sendable {
    package var filename: String
    package var mediaType: String
    package var bytes: [UInt8]

    package init(filename: String, mediaType: String, bytes: [UInt8]) {
        self.filename = filename
        self.mediaType = mediaType
        self.bytes = bytes
    }
}

/// Intake for corrections (S3), on the portal only. The case is registered at once and its status shows in the
/// cabinet (002 §9) (002 §10); the requested changes are kept with their values at the time of the application.
package struct CorrectionIntake: Sendable {
    package let deps: ServiceDependencies

    package init(_ deps: ServiceDependencies) { self.deps = deps }

    /// Checks the application against the document as the registry holds it, without writing anything.
    package func check(_ a: CorrectionApplication, by actor: Actor) async throws -> (EducationDocumentRow, [PlannedChange]) {
        let doc = try await document(a.documentId, actor: actor)
        guard a.consent else { throw DomainError(.consentMissing, field: "consent", ref: "002 Annex 1") }
        let snapshot = try await Self.snapshot(doc, db: deps.database.sql)
        let planned = try CorrectionCheck.plan(a.changes, against: snapshot)
        guard let copy = a.copy, !copy.bytes.isEmpty else {
            throw DomainError(.correctionCopyRequired, field: "copy", ref: "002 §6")
        }
        _ = try FileCheck.check(declaredType: copy.mediaType, bytes: copy.bytes)
        return (doc, planned)
    }

    package func submit(_ a: CorrectionApplication, by actor: Actor, confirmation: ConfirmationProof? = nil) async throws
        -> IntakeOutcome
    {
        let now = deps.clock.now()
        let local = deps.localTime.local(now)
        if let key = a.idempotencyKey, let earlier = try await earlier(key: key, actor: actor) {
            return IntakeOutcome(caseRow: earlier, receipt: nil, repeated: true)
        }
        guard let passport = deps.passports.current(.s3, on: local.date), passport.channels.contains(.portal) else {
            throw DomainError(.channelNotOffered, field: "channel", ["value": Channel.portal.rawValue])
        }
        let (doc, planned) = try await check(a, by: actor)
        let content = a.content(applicantIIN: doc.holderIin)
        let confirmed = try await ApplicationConfirmation(deps).verify(confirmation, content: content, actor: actor)
        if let open = try await openCase(documentId: doc.id, db: deps.database.sql) {
            throw DomainError(.applicationDuplicate, field: "documentId", ["number": open])
        }
        let calendar = try await deps.calendars.calendar()
        let closing = passport.schedule(for: .portal)?.registrationClosesAt ?? Registration.defaultClosingTime
        let registeredOn = try Registration.registrationDay(submittedAt: local, closingTime: closing, calendar: calendar)
        guard let term = passport.countableTerm else { throw DomainError(.passportInvalid, ["detail": "term"]) }
        // (002 List item 3): 3 working days.
        let deadline = try term.deadline(registeredOn: registeredOn, channel: .portal, calendar: calendar, acceptedOn: local.date)
        let caseId = deps.ids.make()
        guard let copy = a.copy else { throw DomainError(.correctionCopyRequired, field: "copy", ref: "002 §6") }
        let mediaType = try FileCheck.check(declaredType: copy.mediaType, bytes: copy.bytes)
        let representative = doc.holderIin != actor.personIIN ? actor.personIIN : nil
        do {
        return try await deps.database.transaction { db in
            if let key = a.idempotencyKey,
                let row = try await db.select().column("case_id").from("idempotency_keys")
                    .where("user_id", .equal, actor.userId).where("key", .equal, key).first(),
                let earlier = try await CaseRepository(db: db).find(id: row.decode(column: "case_id", as: String.self))
            {
                return IntakeOutcome(caseRow: earlier, receipt: nil, repeated: true)
            }
            if let open = try await openCase(documentId: doc.id, db: db) {
                throw DomainError(.applicationDuplicate, field: "documentId", ["number": open])
            }
            let seq = try await NumberSequence(db: db).next("case-S3-\(registeredOn.year)")
            var row = CaseRow(
                id: caseId, registrationNumber: "S3-\(registeredOn.year)-\(Digits.pad(seq, 6))", service: .s3,
                passportVersion: passport.version, channel: .portal, applicantIin: doc.holderIin,
                representativeIin: representative, providerId: doc.organizationId, intakeOfficeId: nil, state: .registered,
                language: a.language, submittedAt: now, registeredOn: registeredOn, deadline: deadline, now: now)
            row.documentId = doc.id
            row.consentAt = Instant.text(now)
            row.documents = #"["application","education-document-copy"]"#
            row.reason = "errors"
            try await CaseRepository(db: db).insert(row)
            try await CorrectionRepository(db: db).insertRequests(caseId: caseId, planned)
            let clean = String(copy.filename.filter { !$0.isNewline && $0 != "/" && $0 != "\\" }.prefix(200))
            try await AttachmentRepository(db: db).insert(
                AttachmentRow(
                    id: deps.ids.make(), caseId: caseId, code: "education-document-copy",
                    filename: clean.isEmpty ? "document" : clean, mediaType: mediaType.rawValue, size: copy.bytes.count,
                    sha256: SHA256.hash(data: copy.bytes).hex, uploadedBy: actor.userId, createdAt: Instant.text(now)),
                content: Data(copy.bytes))
            try await ApplicationConfirmation.record(confirmed, caseId: caseId, now: now, db: db)
            let event = try await AuditChain(db: db).append(
                caseId: caseId,
                .init(
                    kind: "registered", fromState: nil, toState: .registered, actorId: actor.userId,
                    actorRole: actor.role.rawValue, reason: nil,
                    payload: #"{"channel":"portal","registeredOn":"\#(registeredOn.iso)","deadline":"\#(deadline.iso)","fields":\#(planned.count)}"#,
                    occurredAt: now))
            if let key = a.idempotencyKey {
                try await db.insert(into: "idempotency_keys").columns("key", "user_id", "case_id", "created_at")
                    .values(SQLBind(key), SQLBind(actor.userId), SQLBind(caseId), SQLBind(Instant.text(now))).run()
            }
            // (002 §10): the status "request accepted" is in the cabinet at once, with its signed receipt.
            try await CabinetReceipt.issue(
                for: row, passport: passport, documents: ["application", "education-document-copy"], ids: deps.ids, now: now, db: db)
            try await Notifier(db: db, ids: deps.ids, now: now).notify(.registered, caseRow: row, eventSeq: event.seq)
            return IntakeOutcome(caseRow: row, receipt: nil, repeated: false)
        }
        } catch {
            // A submission that ran at the same moment won: the same idempotency key answers with its case; the
            // index on open corrections cases turns any other into the same clear conflict as the check above.
            if let key = a.idempotencyKey, let earlier = try await earlier(key: key, actor: actor) {
                return IntakeOutcome(caseRow: earlier, receipt: nil, repeated: true)
            }
            if Database.isUniqueViolation(error), let open = try await openCase(documentId: doc.id, db: deps.database.sql) {
                throw DomainError(.applicationDuplicate, field: "documentId", ["number": open])
            }
            throw error
        }
    }

    /// The document, if the actor may apply for it and a TVET organization issued it (the providers of S3). (002 §2)
    private func document(_ id: String, actor: Actor) async throws -> EducationDocumentRow {
        guard let doc = try await DocumentRegistryRepository(db: deps.database.sql).document(id: id),
            CaseAccess.canApply(actor, for: doc.holderIin)
        else { throw DomainError(.documentNotHolders, field: "documentId") }
        guard doc.status == "valid" else { throw DomainError(.documentNotHolders, field: "documentId") }
        let org = try await ReferenceRepository(db: deps.database.sql).organization(id: doc.organizationId)
        guard org?.kind == OrganizationKind.tvet.rawValue else { throw DomainError(.providerUnknown, field: "documentId", ref: "002 §2") }
        return doc
    }

    package static func snapshot(_ doc: EducationDocumentRow, db: any SQLDatabase) async throws -> DocumentSnapshot {
        let grades = try await DocumentRegistryRepository(db: db).grades(documentId: doc.id)
        return DocumentSnapshot(
            holderName: doc.holderName, specialty: doc.specialty, qualification: doc.qualification,
            grades: Dictionary(uniqueKeysWithValues: grades.map { ($0.subject, $0.gradeHundredths) }),
            isDiploma: doc.kind.hasSuffix("diploma"))
    }

    private func openCase(documentId: String, db: any SQLDatabase) async throws -> String? {
        let open = CaseState.allCases.filter { !$0.termCompleted }.map(\.rawValue)
        return try await db.select().column("registration_number").from("cases").where("service", .equal, "S3")
            .where("document_id", .equal, documentId).where("state", .in, open).first()?
            .decode(column: "registration_number", as: String.self)
    }

    private func earlier(key: String, actor: Actor) async throws -> CaseRow? {
        guard let row = try await deps.database.sql.select().column("case_id").from("idempotency_keys")
            .where("user_id", .equal, actor.userId).where("key", .equal, key).first()
        else { return nil }
        return try await CaseRepository(db: deps.database.sql).find(id: row.decode(column: "case_id", as: String.self))
    }
}

extension Sequence<UInt8> {
    package var hex: String { map { String(format: "%02x", $0) }.joined() }
}
