import BilimCore
import Foundation
import Hummingbird
import Logging

/// Turns every error into an answer in the caller's language: a JSON body (`code`, `message`, `field`, `clause`,
/// `requestId`) under `/api/`, an HTML error page elsewhere. Unexpected errors are logged and answered with a
/// generic message carrying the request id; their text never reaches the user.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = BilimRequestContext
    let renderer: Renderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            let lang = ErrorMiddleware.language(request)
            let domain: DomainError
            let status: HTTPResponse.Status
            switch error {
            case let e as DomainError:
                domain = e
                status = ErrorMiddleware.status(e.code.category)
            case let e as HTTPError where e.status == .notFound:
                domain = DomainError(.pageNotFound)
                status = .notFound
            case let e as HTTPError where e.status == .contentTooLarge:
                domain = DomainError(.requestTooLarge)
                status = e.status
            case let e as HTTPError where e.status.code < 500:
                domain = DomainError(.requestInvalid, field: "request", ["field": "request"])
                status = e.status
            default:
                context.logger.error("unexpected error", metadata: ["error.type": .string(String(describing: type(of: error)))])
                domain = DomainError(.internalError, ["requestId": context.requestId])
                status = .internalServerError
            }
            let message = domain.message(in: lang)
            if request.uri.path.hasPrefix("/api/") {
                let body = APIErrorBody(
                    code: domain.code.rawValue, message: message, field: domain.field, clause: domain.ref?.text,
                    requestId: context.requestId)
                let data = try JSONEncoder().encode(body)
                return Response(
                    status: status, headers: [.contentType: "application/json; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(bytes: data)))
            }
            var ctx = context
            ctx.language = lang
            let page = ErrorPage(
                page: PageChrome(title: renderer.text("error_title", lang), context: ctx, text: renderer.text, path: "/"),
                status: status.code, message: message, clause: domain.ref?.description)
            return renderer.html("error", page, status: status)
        }
    }

    /// The language without failing: an unknown `?lang=` falls back to the cookie, the header, then Kazakh.
    static func language(_ request: Request) -> Language {
        request.uri.queryParameters["lang"].flatMap { Language(rawValue: String($0)) }
            ?? request.cookies[LocaleMiddleware.cookie].flatMap { Language(rawValue: $0.value) }
            ?? request.headers[.acceptLanguage].flatMap { Language.negotiate(acceptLanguage: $0) } ?? .default
    }

    static func status(_ category: ErrorCategory) -> HTTPResponse.Status {
        switch category {
        case .validation: .unprocessableContent
        case .notFound: .notFound
        case .forbidden: .forbidden
        case .unauthorized: .unauthorized
        case .conflict: .conflict
        case .tooLarge: .contentTooLarge
        case .tooMany: .tooManyRequests
        case .unavailable: .serviceUnavailable
        }
    }
}

struct APIErrorBody: Codable {
    let code: String
    let message: String
    let field: String?
    let clause: String?
    let requestId: String
}

struct ErrorPage {
    let page: PageChrome
    let status: Int
    let message: String
    let clause: String?
}
