import BilimCore
import BilimServices
import BilimStore
import Foundation
import HTTPTypes
import Hummingbird

/// The duplicate services as JSON: applying on the portal, intake at a desk, the case with its trail and the
/// actions its state allows, and performing them.
struct APICaseController {
    let dependencies: ServiceDependencies

    func add(to router: Router<BilimRequestContext>) {
        router.behind(.applicant, dependencies)
            .post("/api/v1/cases", use: apply)
        router.behind(.desk, dependencies)
            .post("/api/v1/desk/applications", use: desk)
        // Whose case it is, the use cases decide (404 for another's).
        router.behind(.signedIn, dependencies)
            .get("/api/v1/cases", use: list)
            .get("/api/v1/cases/{id}", use: show)
            .post("/api/v1/cases/{id}/actions", use: act)
            .get("/api/v1/receipts/{number}", use: receipt)
            .get("/api/v1/cabinet/messages", use: messages)
            .post("/api/v1/cases/{id}/attachments", use: attach)
            .get("/api/v1/cases/{id}/attachments", use: attachments)
    }

    struct CaseSummary: Encodable {
        let id: String
        let number: String
        let service: String
        let channel: String
        let state: String
        let registeredOn: String
        let deadline: String
        let overdue: Bool

        init(_ r: CaseRow, today: CivilDate) {
            id = r.id
            number = r.registrationNumber
            service = r.service
            channel = r.channel
            state = r.state
            registeredOn = r.registeredOn
            deadline = r.deadline
            overdue = !(CaseState(rawValue: r.state)?.termCompleted ?? true) && r.deadline < today.iso
        }
    }

    @Sendable func list(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let rows = try await CaseRepository(db: dependencies.database.sql).visible(to: actor)
        return try JSON.response(rows.map { CaseSummary($0, today: dependencies.today) })
    }

    struct ApplyBody: Decodable {
        let service: String
        let applicantIIN: String?
        let providerId: String
        let documentId: String?
        let documents: [String]
        let consent: Bool
        let pickupAtStateCorporation: Bool?
        let language: String?
        let reason: String?
        let pickupOfficeId: String?
        let confirmation: ConfirmationBody?
    }

    /// `Idempotency-Key` makes a repeated submission return the first case.
    @Sendable func apply(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let body = try await JSON.decode(ApplyBody.self, request: request, context: context)
        let application = try Self.application(body, actor: actor, request: request, context: context)
        let outcome = try await ApplicationIntake(dependencies).submit(
            application, by: actor, confirmation: try body.confirmation?.proof())
        return try JSON.response(
            IntakeAnswer(outcome, today: dependencies.today), status: outcome.repeated ? .ok : .created)
    }

    static func application(_ body: ApplyBody, actor: Actor, request: Request, context: BilimRequestContext) throws -> BilimServices.Application {
        BilimServices.Application(
            service: try Self.service(body.service), channel: .portal,
            applicantIIN: body.applicantIIN ?? actor.personIIN ?? "", providerId: body.providerId,
            documentId: body.documentId, documents: Set(body.documents), consent: body.consent,
            pickupAtStateCorporation: body.pickupAtStateCorporation ?? false,
            language: try Self.language(body.language, context), idempotencyKey: request.headers[Self.idempotencyKey],
            reason: try Self.reason(body.reason), pickupOfficeId: body.pickupOfficeId)
    }

    struct DeskBody: Decodable {
        let service: String
        let channel: String
        let applicantIIN: String
        let providerId: String
        let documentId: String?
        let documents: [String]
        let applicableConditions: [String]?
        let consent: Bool
        let identityDocumentValidUntil: String?
        let language: String?
        let reason: String?
    }

    @Sendable func desk(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let body = try await JSON.decode(DeskBody.self, request: request, context: context)
        guard let channel = Channel(rawValue: body.channel), channel != .portal else {
            throw DomainError(.channelNotOffered, field: "channel", ["value": String(body.channel.prefix(30))])
        }
        var validUntil: CivilDate?
        if let raw = body.identityDocumentValidUntil {
            guard let d = CivilDate(iso: raw) else {
                throw DomainError(.dateMalformed, field: "identityDocumentValidUntil", ["value": String(raw.prefix(30))])
            }
            validUntil = d
        }
        let application = Application(
            service: try Self.service(body.service), channel: channel, applicantIIN: body.applicantIIN,
            providerId: body.providerId, documentId: body.documentId, documents: Set(body.documents),
            applicableConditions: Set(body.applicableConditions ?? []), consent: body.consent,
            identityDocumentValidUntil: validUntil, language: try Self.language(body.language, context),
            reason: try Self.reason(body.reason))
        let outcome = try await ApplicationIntake(dependencies).submit(application, by: actor)
        return try JSON.response(IntakeAnswer(outcome, today: dependencies.today), status: .created)
    }

    struct IntakeAnswer: Encodable {
        let `case`: CaseSummary?
        let receipt: ReceiptAnswer?

        init(_ o: IntakeOutcome, today: CivilDate) {
            self.case = o.caseRow.map { CaseSummary($0, today: today) }
            receipt = o.receipt.map(ReceiptAnswer.init)
        }
    }

    struct ReceiptAnswer: Encodable {
        let number: String
        let kind: String
        let service: String
        let channel: String
        let caseId: String?
        let documents: [String]
        let missing: [String]
        /// The refusal grounds stated, codes of the service passport.
        let grounds: [String]
        let issuedAt: String

        init(_ r: ReceiptRow) {
            number = r.number
            kind = r.kind
            service = r.service
            channel = r.channel
            caseId = r.caseId
            documents = r.documentCodes
            missing = r.missingCodes
            grounds = r.groundCodes
            issuedAt = r.createdAt
        }
    }

    struct CaseDetail: Encodable {
        struct Event: Encodable {
            let seq: Int
            let kind: String
            let from: String?
            let to: String?
            let actorRole: String
            let reason: String?
            let at: String
        }

        struct Decision: Encodable {
            let number: String
            let kind: String
            let grounds: [String]
            let status: String
        }

        let `case`: CaseSummary
        let events: [Event]
        let decisions: [Decision]
        let allowedActions: [String]
    }

    @Sendable func show(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let workflow = CaseWorkflow(dependencies)
        let row = try await workflow.visibleCase(context.parameters.get("id") ?? "", to: actor)
        return try JSON.response(try await detail(row, actor: actor))
    }

    func detail(_ row: CaseRow, actor: Actor) async throws -> CaseDetail {
        let events = try await AuditChain(db: dependencies.database.sql).events(caseId: row.id)
        let decisions = try await DecisionRepository(db: dependencies.database.sql).decisions(caseId: row.id)
        return CaseDetail(
            case: CaseSummary(row, today: dependencies.today),
            events: events.map {
                .init(seq: $0.seq, kind: $0.kind, from: $0.fromState, to: $0.toState, actorRole: $0.actorRole, reason: $0.reason, at: $0.occurredAt)
            },
            decisions: decisions.map { .init(number: $0.number, kind: $0.kind, grounds: $0.groundCodes, status: $0.status) },
            allowedActions: try await CaseWorkflow(dependencies).allowedActions(row, actor: actor))
    }

    struct ActionBody: Decodable {
        let action: String
        let grounds: [String]?
        let hearingOn: String?
        let reason: String?
    }

    @Sendable func act(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let body = try await JSON.decode(ActionBody.self, request: request, context: context)
        let command = try Self.command(body)
        let id = context.parameters.get("id") ?? ""
        let row = try await CaseWorkflow(dependencies).perform(command, on: id, by: actor, reason: body.reason.map { String($0.prefix(2000)) })
        return try JSON.response(try await detail(row, actor: actor))
    }

    static func command(_ b: ActionBody) throws -> CaseCommand {
        switch b.action {
        case "send-to-provider": return .sendToProvider
        case "accept-for-review": return .acceptForReview
        case "prepare-duplicate": return .prepareDuplicate
        case "preliminary-refusal":
            guard let raw = b.hearingOn, let day = CivilDate(iso: raw) else {
                throw DomainError(.dateMalformed, field: "hearingOn", ["value": String((b.hearingOn ?? "").prefix(30))])
            }
            return .preliminaryRefusal(grounds: b.grounds ?? [], hearingOn: day)
        case "object": return .object
        case "hold-hearing": return .holdHearing
        case "decide-duplicate": return .decideDuplicate
        case "decide-refusal": return .decideRefusal(grounds: b.grounds ?? [])
        case "receive-result": return .receiveResult
        case "hand-over": return .handOver
        case "return-to-provider": return .returnToProvider
        case "fetch-back": return .fetchBack
        case "apply-corrections": return .applyCorrections
        case "refuse-corrections": return .refuseCorrections(grounds: b.grounds ?? [])
        default:
            throw DomainError(.requestInvalid, field: "action", ["field": "action"])
        }
    }

    @Sendable func receipt(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let number = context.parameters.get("number") ?? ""
        guard let r = try await ReceiptRepository(db: dependencies.database.sql).find(number: number),
            ReceiptAccess.canView(actor, officeId: r.officeId, applicantIIN: r.applicantIin)
        else { throw DomainError(.caseNotFound, field: "number") }
        return try JSON.response(ReceiptAnswer(r))
    }

    struct Message: Encodable {
        let caseId: String?
        let template: String
        let text: String
        let at: String
    }

    @Sendable func messages(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        guard let iin = actor.personIIN else { return try JSON.response([Message]()) }
        let rows = try await OutboxRepository(db: dependencies.database.sql).cabinetMessages(recipientIIN: iin)
        return try JSON.response(
            rows.map {
                Message(
                    caseId: $0.caseId, template: $0.template,
                    text: (try? JSONDecoder().decode([String: String].self, from: Data($0.payload.utf8)))?["text"] ?? "",
                    at: $0.createdAt)
            })
    }

    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
    static let filename = HTTPField.Name("X-Filename")!

    struct AttachmentAnswer: Encodable {
        let id: String
        let code: String
        let filename: String
        let mediaType: String
        let size: Int
        let sha256: String

        init(_ a: AttachmentRow) {
            id = a.id
            code = a.code
            filename = a.filename
            mediaType = a.mediaType
            size = a.size
            sha256 = a.sha256
        }
    }

    /// The raw file is the body; its type is `Content-Type`, its name `X-Filename`, the passport document it is
    /// `?code=`. Checked against what it claims to be before anything is stored.
    @Sendable func attach(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let buffer = try await Body.collect(request, context, limit: FileCheck.maxBytes + 1)
        let bytes = Array(buffer.readableBytesView)
        if bytes.count > FileCheck.maxBytes {
            throw DomainError(.fileTooLarge, field: "file", ["limit": String(FileCheck.maxBytes / 1024 / 1024)])
        }
        let a = try await Attachments(dependencies).attach(
            caseId: context.parameters.get("id") ?? "", code: request.uri.queryParameters["code"].map(String.init) ?? "other",
            filename: request.headers[Self.filename] ?? "file", declaredType: request.headers[.contentType] ?? "",
            bytes: bytes, by: actor)
        return try JSON.response(AttachmentAnswer(a), status: .created)
    }

    @Sendable func attachments(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let row = try await CaseWorkflow(dependencies).visibleCase(context.parameters.get("id") ?? "", to: actor)
        return try JSON.response(try await AttachmentRepository(db: dependencies.database.sql).list(caseId: row.id).map(AttachmentAnswer.init))
    }

    static func service(_ raw: String) throws -> ServiceID {
        guard let s = ServiceID(rawValue: raw.uppercased()), s == .s1 || s == .s2 else {
            throw DomainError(.serviceNotFound, field: "service", ["value": String(raw.prefix(20))])
        }
        return s
    }

    static func reason(_ raw: String?) throws -> DuplicateReason {
        guard let raw else { return .lost }
        guard let r = DuplicateReason(rawValue: raw) else { throw DomainError(.requestInvalid, field: "reason", ["field": "reason"]) }
        return r
    }

    static func language(_ raw: String?, _ context: BilimRequestContext) throws -> Language {
        guard let raw else { return context.language }
        guard let l = Language(rawValue: raw) else {
            throw DomainError(.languageUnknown, field: "language", ["value": String(raw.prefix(20))])
        }
        return l
    }
}
