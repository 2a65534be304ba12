import BilimCore
import BilimServices
import BilimStore
import Foundation
import HTTPTypes
import Hummingbird

/// EDS sign-in, the public verification of signed documents, and the applicant's signed documents and digital
/// credentials to download.
struct SigningController {
    let dependencies: ServiceDependencies
    let renderer: Renderer
    let sessions: Sessions
    let cookies: CookiePolicy
    /// Lookups by number are limited per client address.
    let lookups: LookupLimiter

    func add(to router: Router<BilimRequestContext>) {
        router.get("/sign-in/eds", use: edsPage)
        router.post("/sign-in/eds", use: edsSignIn)
        router.post("/api/v1/sign-in/eds/challenge", use: apiChallenge)
        router.post("/api/v1/sign-in/eds", use: apiSignIn)
        router.get("/verify", use: verifyPage)
        router.post("/verify", use: verifyForm)
        router.get("/verify/{number}", use: verifyNumber)
        router.post("/api/v1/verify", use: apiVerify)
        router.get("/api/v1/verify/{number}", use: apiVerifyNumber)
        router.behind(.signedIn, dependencies)
            .get("/api/v1/cases/{id}/documents", use: caseDocuments)
            .get("/documents/{number}", use: download)
        router.behind(.applicant, dependencies)
            .get("/api/v1/cabinet/credentials", use: credentials)
    }

    // MARK: EDS sign-in

    struct EDSPage {
        let page: PageChrome
        let challengeId: String
        let toSign: String
        let errors: [FieldError]
        let hasErrors: Bool
        let error: String?
    }

    @Sendable func edsPage(_ request: Request, context: BilimRequestContext) async throws -> Response {
        try await edsPage(context: context, error: nil)
    }

    func edsPage(context: BilimRequestContext, error: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let c = try await EDSSignIn(dependencies).challenge()
        let t = renderer.text
        let errors = error.map { [FieldError(field: "certificate", message: $0)] } ?? []
        return renderer.html(
            "sign-in-eds",
            EDSPage(
                page: PageChrome(title: t("eds_title", context.language), context: context, text: t, path: "/sign-in/eds"),
                challengeId: c.challengeId, toSign: c.toSign, errors: errors, hasErrors: !errors.isEmpty, error: error),
            status: status)
    }

    func startSession(_ user: UserRow, redirect: String?) async throws -> Response {
        let token = try await sessions.start(userId: user.id)
        var response = redirect.map { Response.redirect(to: $0, type: .normal) } ?? Response(status: .ok)
        cookies.startSession(token, on: &response)
        return response
    }

    @Sendable func edsSignIn(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let f = try await Forms.fields(request: request, context: context)
        do {
            let signature = Data(base64Encoded: (f["signature"] ?? "").trimmingSpaces, options: .ignoreUnknownCharacters) ?? Data()
            let user = try await EDSSignIn(dependencies).verify(
                challengeId: f["challengeId"] ?? "", certificate: CertificateText.bytes(f["certificate"] ?? ""), signature: signature)
            return try await startSession(user, redirect: "/cabinet")
        } catch let error as DomainError where error.code.category != .unavailable {
            return try await edsPage(context: context, error: error.message(in: context.language), status: ErrorMiddleware.status(error.code.category))
        }
    }

    @Sendable func apiChallenge(_ request: Request, context: BilimRequestContext) async throws -> Response {
        try JSON.response(try await EDSSignIn(dependencies).challenge(), status: .created)
    }

    struct SignInBody: Decodable {
        let challengeId: String
        let certificate: String
        let signature: String
    }

    @Sendable func apiSignIn(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let body = try await JSON.decode(SignInBody.self, request: request, context: context)
        guard let signature = Data(base64Encoded: body.signature.trimmingSpaces, options: .ignoreUnknownCharacters) else {
            throw DomainError(.edsBadSignature, field: "signature")
        }
        let user = try await EDSSignIn(dependencies).verify(
            challengeId: body.challengeId, certificate: CertificateText.bytes(body.certificate), signature: signature)
        var response = try await startSession(user, redirect: nil)
        let answer = try JSON.response(["displayName": user.displayName, "role": user.role])
        response.body = answer.body
        response.headers[.contentType] = "application/json; charset=utf-8"
        return response
    }

    // MARK: Verification

    struct VerifyPage {
        let page: PageChrome
        let result: ResultView?
        let document: String
        let errors: [FieldError]
        let hasErrors: Bool
        let error: String?
    }

    struct ResultView {
        let number: String
        let kind: String
        let issuedAt: String
        let valid: Bool
        let statusText: String
        let content: String?
        let unchanged: Bool
    }

    func view(_ r: VerificationResult, context: BilimRequestContext) -> ResultView {
        let t = renderer.text
        let lang = context.language
        var status = t("verify_status_\(r.status)", lang)
        if let reason = r.statusReason { status += " (" + t("verify_reason_\(reason)", lang) + ")" }
        var pretty = r.content
        if let c = r.content, let object = try? JSONSerialization.jsonObject(with: Data(c.utf8)),
            let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        {
            pretty = String(decoding: data, as: UTF8.self)
        }
        return ResultView(
            number: r.number, kind: r.kind.map { t("signed_kind_\($0)", lang) } ?? "",
            issuedAt: r.issuedAt.map { dependencies.localTime.minuteText($0) } ?? "", valid: r.status == "valid" && r.unchanged,
            statusText: status, content: pretty, unchanged: r.unchanged)
    }

    func verifyPage(
        context: BilimRequestContext, result: VerificationResult?, document: String = "", error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let t = renderer.text
        let errors = error.map { [FieldError(field: "document", message: $0)] } ?? []
        return renderer.html(
            "verify",
            VerifyPage(
                page: PageChrome(title: t("verify_title", context.language), context: context, text: t, path: "/verify"),
                result: result.map { view($0, context: context) }, document: document, errors: errors, hasErrors: !errors.isEmpty,
                error: error),
            status: status)
    }

    @Sendable func verifyPage(_ request: Request, context: BilimRequestContext) async throws -> Response {
        verifyPage(context: context, result: nil)
    }

    @Sendable func verifyForm(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let f = try await Forms.fields(request: request, context: context)
        let text = f["document"] ?? ""
        do {
            return verifyPage(context: context, result: try await DocumentVerification(dependencies).verify(document: text))
        } catch let error as DomainError where error.code.category != .unavailable {
            return verifyPage(
                context: context, result: nil, document: String(text.prefix(20000)), error: error.message(in: context.language),
                status: ErrorMiddleware.status(error.code.category))
        }
    }

    @Sendable func verifyNumber(_ request: Request, context: BilimRequestContext) async throws -> Response {
        do {
            try lookups.admit(context.clientAddress, now: dependencies.clock.now())
            let r = try await DocumentVerification(dependencies).lookup(
                number: context.parameters.get("number") ?? "", check: request.uri.queryParameters["c"].map(String.init))
            return verifyPage(context: context, result: r)
        } catch let error as DomainError where error.code.category != .unavailable {
            return verifyPage(context: context, result: nil, error: error.message(in: context.language), status: ErrorMiddleware.status(error.code.category))
        }
    }

    struct VerifyBody: Decodable {
        let document: String
    }

    @Sendable func apiVerify(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let body = try await JSON.decode(VerifyBody.self, request: request, context: context)
        return try JSON.response(try await DocumentVerification(dependencies).verify(document: body.document))
    }

    @Sendable func apiVerifyNumber(_ request: Request, context: BilimRequestContext) async throws -> Response {
        try lookups.admit(context.clientAddress, now: dependencies.clock.now())
        return try JSON.response(
            try await DocumentVerification(dependencies).lookup(
                number: context.parameters.get("number") ?? "", check: request.uri.queryParameters["c"].map(String.init)))
    }

    // MARK: The applicant's signed documents

    struct SignedSummary: Encodable {
        let number: String
        let kind: String
        let status: String
        let issuedAt: String
        let checkCode: String
        let download: String

        init(_ r: SignedDocumentRow) {
            number = r.number
            kind = r.kind
            status = r.status
            issuedAt = r.issuedAt
            checkCode = r.checkCode
            download = "/documents/\(r.number)"
        }
    }

    @Sendable func caseDocuments(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let row = try await CaseWorkflow(dependencies).visibleCase(context.parameters.get("id") ?? "", to: actor)
        return try JSON.response(try await SignedDocumentRepository(db: dependencies.database.sql).list(caseId: row.id).map(SignedSummary.init))
    }

    @Sendable func credentials(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        guard let me = actor.personIIN else { throw DomainError(.forbidden) }
        var out: [SignedSummary] = []
        for iin in [me] + actor.childrenIINs.sorted() {
            out += try await SignedDocumentRepository(db: dependencies.database.sql).credentials(holderIIN: iin).map(SignedSummary.init)
        }
        return try JSON.response(out)
    }

    /// The signed document itself (compact JWS), for its holder, the parent of a minor holder, and those who may see
    /// its case.
    @Sendable func download(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let row = try await SignedDocumentAccess.find(context.parameters.get("number") ?? "", actor: actor, dependencies: dependencies)
        let type = row.kind == "credential" ? "application/vc+jwt" : "application/jose"
        let ext = row.kind == "credential" ? "vc.jwt" : "jws"
        return Response(
            status: .ok,
            headers: [
                .contentType: type, .contentDisposition: "attachment; filename=\"\(row.number).\(ext)\"", .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(string: row.jws)))
    }
}
