import BilimCore
import BilimServices
import BilimStore
import Foundation
import Hummingbird

/// A confirmation as the JSON API takes it: a one-time code, or an EDS certificate (PEM, or base64 DER) with the
/// base64 signature over the challenge's `toSign` text.
struct ConfirmationBody: Decodable {
    let challengeId: String
    let code: String?
    let certificate: String?
    let signature: String?

    func proof() throws -> ConfirmationProof {
        if let code { return .otp(challengeId: challengeId, code: code) }
        guard let certificate, let signature, let sig = Data(base64Encoded: signature.trimmingSpaces) else {
            throw DomainError(.confirmationRequired, field: "confirmation", ref: "000 List item 8")
        }
        return .eds(challengeId: challengeId, certificate: CertificateText.bytes(certificate), signature: sig)
    }
}

enum CertificateText {
    /// PEM text as it is; anything else is taken as base64 DER (or the raw text when that fails).
    static func bytes(_ text: String) -> Data {
        let t = text.trimmingSpaces
        if t.hasPrefix("-----BEGIN") { return Data(t.utf8) }
        return Data(base64Encoded: t, options: .ignoreUnknownCharacters) ?? Data(t.utf8)
    }
}

/// Corrections of education documents (S3) and the confirmation challenges of portal applications, as JSON.
struct APICorrectionController {
    let dependencies: ServiceDependencies
    let gateway: any SMSGateway

    func add(to router: Router<BilimRequestContext>) {
        router.behind(.applicant, dependencies)
            .post("/api/v1/cases/confirmations", use: prepareCase)
            .post("/api/v1/corrections/confirmations", use: prepareCorrections)
            .post("/api/v1/corrections", use: apply)
        router.behind(.signedIn, dependencies)
            .get("/api/v1/cases/{id}/corrections", use: requested)
            .get("/api/v1/documents/{id}/corrections", use: history)
    }

    struct PrepareCaseBody: Decodable {
        let method: String
        let application: APICaseController.ApplyBody
    }

    @Sendable func prepareCase(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let body = try await JSON.decode(PrepareCaseBody.self, request: request, context: context)
        let application = try APICaseController.application(body.application, actor: actor, request: request, context: context)
        let prepared = try await ApplicationConfirmation(dependencies).prepare(
            application.content, method: body.method, actor: actor, gateway: gateway)
        return try JSON.response(prepared, status: .created)
    }

    struct ChangeBody: Decodable {
        let field: String
        let value: String
        let explanation: String
    }

    struct FileBody: Decodable {
        let filename: String
        let mediaType: String
        let contentBase64: String
    }

    struct CorrectionsBody: Decodable {
        let documentId: String
        let changes: [ChangeBody]
        let consent: Bool
        let copy: FileBody?
        let language: String?
        let confirmation: ConfirmationBody?
    }

    struct PrepareCorrectionsBody: Decodable {
        let method: String
        let corrections: CorrectionsBody
    }

    func application(_ b: CorrectionsBody, request: Request, context: BilimRequestContext) throws -> CorrectionApplication {
        var copy: UploadedFile?
        if let f = b.copy {
            guard let bytes = Data(base64Encoded: f.contentBase64, options: .ignoreUnknownCharacters) else {
                throw DomainError(.requestInvalid, field: "copy.contentBase64", ["field": "copy.contentBase64"])
            }
            copy = UploadedFile(filename: f.filename, mediaType: f.mediaType, bytes: Array(bytes))
        }
        return CorrectionApplication(
            documentId: b.documentId,
            changes: b.changes.map { RequestedChange(field: $0.field, value: $0.value, explanation: $0.explanation) },
            consent: b.consent, copy: copy, language: try APICaseController.language(b.language, context),
            idempotencyKey: request.headers[APICaseController.idempotencyKey])
    }

    @Sendable func prepareCorrections(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let body = try await JSON.decode(PrepareCorrectionsBody.self, request: request, context: context)
        let a = try application(body.corrections, request: request, context: context)
        let (doc, _) = try await CorrectionIntake(dependencies).check(a, by: actor)
        let prepared = try await ApplicationConfirmation(dependencies).prepare(
            a.content(applicantIIN: doc.holderIin), method: body.method, actor: actor, gateway: gateway)
        return try JSON.response(prepared, status: .created)
    }

    /// `Idempotency-Key` makes a repeated submission return the first case.
    @Sendable func apply(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let body = try await JSON.decode(CorrectionsBody.self, request: request, context: context)
        let a = try application(body, request: request, context: context)
        let outcome = try await CorrectionIntake(dependencies).submit(a, by: actor, confirmation: try body.confirmation?.proof())
        return try JSON.response(
            APICaseController.IntakeAnswer(outcome, today: dependencies.today), status: outcome.repeated ? .ok : .created)
    }

    /// The changes a case asks for: each field's value when applied for, and the correct value.
    @Sendable func requested(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let row = try await CaseWorkflow(dependencies).visibleCase(context.parameters.get("id") ?? "", to: actor)
        return try JSON.response(try await CorrectionRepository(db: dependencies.database.sql).requests(caseId: row.id))
    }

    struct HistoryEntry: Encodable {
        let field: String
        let oldValue: String?
        let newValue: String?
        let reason: String
        let caseNumber: String?
        let correctedAt: String
    }

    /// A document's correction history, for its holder (or their parent) and the staff of the organization that
    /// issued it. (002 §8)
    @Sendable func history(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let db = dependencies.database.sql
        guard let doc = try await DocumentRegistryRepository(db: db).document(id: context.parameters.get("id") ?? ""),
            CaseAccess.canApply(actor, for: doc.holderIin) || (actor.role == .providerStaff && actor.organizationId == doc.organizationId)
        else { throw DomainError(.pageNotFound, field: "id") }
        var numbers: [String: String] = [:]
        var out: [HistoryEntry] = []
        for c in try await CorrectionRepository(db: db).history(documentId: doc.id) {
            if let id = c.caseId, numbers[id] == nil { numbers[id] = try await CaseRepository(db: db).find(id: id)?.registrationNumber }
            out.append(
                HistoryEntry(
                    field: c.field, oldValue: c.oldValue, newValue: c.newValue, reason: c.reason,
                    caseNumber: c.caseId.flatMap { numbers[$0] }, correctedAt: c.correctedAt))
        }
        return try JSON.response(out)
    }
}
