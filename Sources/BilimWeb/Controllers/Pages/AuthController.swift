import BilimCore
import BilimServices
import BilimStore
import Foundation
import Hummingbird
import Logging
import Metrics

/// Staff sign-in with a password, sign-out, and the personal cabinet behind them.
struct AuthController {
    let dependencies: ServiceDependencies
    let renderer: Renderer
    let sessions: Sessions
    let cookies: CookiePolicy
    let gateway: any SMSGateway

    func add(to router: Router<BilimRequestContext>) {
        router.get("/sign-in", use: signInPage)
        router.post("/sign-in", use: signIn)
        router.post("/sign-out", use: signOut)
        router.post("/sign-in/otp", use: otpRequest)
        router.post("/sign-in/otp/verify", use: otpVerify)
        router.behind(.signedIn, dependencies)
            .get("/cabinet", use: cabinet)
    }

    struct SignInPage {
        let page: PageChrome
        let login: String
        let errors: [FieldError]
        let hasErrors: Bool
        // Optional: swift-mustache treats an empty string as true, nil as false.
        let loginError: String?
        let passwordError: String?
        /// The page the door sent the visitor from, to return to after sign-in.
        let next: String?
    }

    struct SignInForm: Decodable {
        let login: String?
        let password: String?
        let next: String?
        let _csrf: String?
    }

    @Sendable func signInPage(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let next = SafeReturn.path(request.uri.queryParameters["next"].map(String.init))
        if context.user != nil { return .redirect(to: next ?? "/cabinet", type: .found) }
        return page(context: context, login: "", errors: [], next: next)
    }

    private func page(
        context: BilimRequestContext, login: String, errors: [FieldError], next: String? = nil, status: HTTPResponse.Status = .ok
    ) -> Response {
        let lang = context.language
        let chrome = PageChrome(title: renderer.text("signin_page_title", lang), context: context, text: renderer.text, path: "/sign-in")
        let model = SignInPage(
            page: chrome, login: login, errors: errors, hasErrors: !errors.isEmpty,
            loginError: errors.first { $0.field == "login" }?.message,
            passwordError: errors.first { $0.field == "password" }?.message, next: next)
        return renderer.html("sign-in", model, status: status)
    }

    @Sendable func signIn(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let form = try await Forms.decode(SignInForm.self, request: request, context: context)
        let lang = context.language
        let login = (form.login ?? "").trimmingSpaces
        let password = form.password ?? ""
        let next = SafeReturn.path(form.next)
        var errors: [FieldError] = []
        if login.isEmpty { errors.append(FieldError(field: "login", message: DomainError(.fieldRequired).message(in: lang))) }
        if password.isEmpty {
            errors.append(FieldError(field: "password", message: DomainError(.fieldRequired).message(in: lang)))
        }
        if !errors.isEmpty { return page(context: context, login: login, errors: errors, next: next, status: .unprocessableContent) }
        let user: UserRow
        do {
            user = try await StaffSignIn(database: dependencies.database, clock: dependencies.clock, localTime: dependencies.localTime)
                .signIn(login: login, password: password, address: context.clientAddress)
        } catch let error as DomainError where error.code.category != .unavailable {
            // The login pseudonymised (it may be a person's name), with the peer address, and counted.
            context.logger.notice(
                "sign-in refused",
                metadata: [
                    "error.code": .string(error.code.rawValue), "login.pseudonym": .string(Pseudonym.of(login)),
                    "client.address": .string(context.clientAddress),
                ])
            Counter(label: "bilim_sign_in_refused_total", dimensions: [("method", "password")]).increment()
            return page(
                context: context, login: login,
                errors: [FieldError(field: "password", message: error.message(in: lang))], next: next,
                status: error.code == .signInFailed ? .unauthorized : ErrorMiddleware.status(error.code.category))
        }
        let token = try await sessions.start(userId: user.id)
        context.logger.info("signed in", metadata: ["actor.role": .string(user.role)])
        var response = Response.redirect(to: next ?? "/cabinet", type: .normal)
        cookies.startSession(token, on: &response)
        return response
    }

    @Sendable func signOut(_ request: Request, context: BilimRequestContext) async throws -> Response {
        struct Form: Decodable { let _csrf: String? }
        _ = try await Forms.decode(Form.self, request: request, context: context)
        if let token = context.sessionToken { try await sessions.end(token: token) }
        var response = Response.redirect(to: "/", type: .normal)
        response.setCookie(cookies.sessionCleared())
        return response
    }

    struct OTPPage {
        let page: PageChrome
        let iin: String
        let errors: [FieldError]
        let hasErrors: Bool
        let codeError: String?
        let next: String?
    }

    /// The client address for the per-address limit: the socket peer, or the client a trusted proxy names
    /// (`ClientAddressMiddleware`).
    func address(_ request: Request, _ context: BilimRequestContext) -> String { context.clientAddress }

    /// Step 1: the IIN; a code goes by SMS to the phone registered for it. (000 List item 8)
    @Sendable func otpRequest(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let f = try await Forms.fields(request: request, context: context)
        let iin = (f["iin"] ?? "").trimmingSpaces
        let next = SafeReturn.path(f["next"])
        do {
            try await OTPSignIn(dependencies, gateway: gateway).request(iin: iin, address: address(request, context))
            return otpPage(context: context, iin: iin, errors: [], next: next)
        } catch let error as DomainError where error.code.category != .unavailable {
            return page(
                context: context, login: "", errors: [FieldError(field: "iin", message: error.message(in: context.language))], next: next,
                status: ErrorMiddleware.status(error.code.category))
        }
    }

    func otpPage(
        context: BilimRequestContext, iin: String, errors: [FieldError], next: String?, status: HTTPResponse.Status = .ok
    ) -> Response {
        let lang = context.language
        let chrome = PageChrome(title: renderer.text("otp_title", lang), context: context, text: renderer.text, path: "/sign-in")
        return renderer.html(
            "sign-in-otp",
            OTPPage(page: chrome, iin: iin, errors: errors, hasErrors: !errors.isEmpty, codeError: errors.first?.message, next: next),
            status: status)
    }

    /// Step 2: the code. A session starts only with the right, fresh, unused code.
    @Sendable func otpVerify(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let f = try await Forms.fields(request: request, context: context)
        let iin = (f["iin"] ?? "").trimmingSpaces
        let next = SafeReturn.path(f["next"])
        let user: UserRow
        do {
            user = try await OTPSignIn(dependencies, gateway: gateway).verify(
                iin: iin, code: (f["code"] ?? "").trimmingSpaces, address: address(request, context))
        } catch let error as DomainError where error.code.category != .unavailable {
            context.logger.notice(
                "sign-in refused",
                metadata: [
                    "error.code": .string(error.code.rawValue), "login.pseudonym": .string(Pseudonym.of(iin)),
                    "client.address": .string(context.clientAddress),
                ])
            Counter(label: "bilim_sign_in_refused_total", dimensions: [("method", "otp")]).increment()
            return otpPage(
                context: context, iin: iin, errors: [FieldError(field: "code", message: error.message(in: context.language))], next: next,
                status: ErrorMiddleware.status(error.code.category))
        }
        let token = try await sessions.start(userId: user.id)
        var response = Response.redirect(to: next ?? "/cabinet", type: .normal)
        cookies.startSession(token, on: &response)
        return response
    }

    struct CabinetPage {
        struct Doc {
            let kind: String
            let seriesNumber: String
            let issueDate: String
            let holder: String
            let status: String
        }

        let page: PageChrome
        let roleTitle: String
        let organization: String
        let hasOrganization: Bool
        let isApplicant: Bool
        let documents: [Doc]
        let hasDocuments: Bool
        let credentials: [SignedLine]
        let hasCredentials: Bool
    }

    @Sendable func cabinet(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let user = try context.signedInUser
        let lang = context.language
        let ref = ReferenceRepository(db: dependencies.database.sql)
        let org = try await user.organizationId.asyncMap { try await ref.organization(id: $0) } ?? nil
        var docs: [CabinetPage.Doc] = []
        var credentials: [SignedLine] = []
        if let iin = user.personIin {
            // The applicant's own documents and their minor children's (SPEC.md "Who sees what").
            let registry = DocumentRegistryRepository(db: dependencies.database.sql)
            let children = actor.childrenIINs.sorted()
            for holder in [iin] + children {
                for d in try await registry.documents(holderIIN: holder) {
                    docs.append(
                        .init(
                            kind: renderer.text("document_\(d.kind)", lang), seriesNumber: "\(d.series) № \(d.number)",
                            issueDate: d.issueDate, holder: d.holderName, status: renderer.text("document_status_\(d.status)", lang)))
                }
                // Digital education documents (W3C Verifiable Credentials), to read, print and download.
                credentials += try await SignedDocumentRepository(db: dependencies.database.sql).credentials(holderIIN: holder).map {
                    SignedLine($0, text: renderer.text, lang: lang, localTime: dependencies.localTime)
                }
            }
        }
        let chrome = PageChrome(title: renderer.text("cabinet_title", lang), context: context, text: renderer.text, path: "/cabinet")
        let model = CabinetPage(
            page: chrome, roleTitle: Role(rawValue: user.role)?.title[lang] ?? user.role,
            organization: org?.name[lang] ?? "", hasOrganization: org != nil, isApplicant: user.role == Role.applicant.rawValue,
            documents: docs, hasDocuments: !docs.isEmpty, credentials: credentials, hasCredentials: !credentials.isEmpty)
        return renderer.html("cabinet", model)
    }
}

/// URL-encoded form bodies (their CSRF token was checked by `CSRFMiddleware`).
enum Forms {
    /// A form that is not the expected one (a repeated field, a bracketed name, bad percent-encoding) is
    /// `request.invalid` on the body, never a server error.
    static func decode<T: Decodable>(_ type: T.Type, request: Request, context: BilimRequestContext) async throws -> T {
        let text = try await checkedBody(request: request, context: context)
        do {
            return try URLEncodedFormDecoder().decode(type, from: text)
        } catch {
            throw DomainError(.requestInvalid, field: "body", ["field": "body"])
        }
    }

    /// Every field of a form, by name.
    static func fields(request: Request, context: BilimRequestContext) async throws -> [String: String] {
        try await decode([String: String].self, request: request, context: context)
    }

    private static func checkedBody(request: Request, context: BilimRequestContext) async throws -> String {
        String(buffer: try await Body.collect(request, context))
    }
}
