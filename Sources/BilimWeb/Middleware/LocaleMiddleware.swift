import BilimCore
import Hummingbird

/// Chooses the answer's language: `?lang=` (remembered in a cookie), then the cookie, then `Accept-Language`,
/// then Kazakh. An unknown `?lang=` is an error in the language otherwise chosen.
struct LocaleMiddleware: RouterMiddleware {
    typealias Context = BilimRequestContext
    static let cookie = "lang"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        let fromCookie = request.cookies[Self.cookie].flatMap { Language(rawValue: $0.value) }
        let fromHeader = request.headers[.acceptLanguage].flatMap { Language.negotiate(acceptLanguage: $0) }
        context.language = fromCookie ?? fromHeader ?? .default
        guard let asked = request.uri.queryParameters["lang"].map(String.init) else {
            return try await next(request, context)
        }
        guard let lang = Language(rawValue: asked) else {
            throw DomainError(.languageUnknown, field: "lang", ["value": String(asked.prefix(20))])
        }
        context.language = lang
        var response = try await next(request, context)
        response.setCookie(
            Cookie(name: Self.cookie, value: lang.rawValue, maxAge: 365 * 24 * 3600, path: "/", httpOnly: true, sameSite: .lax))
        return response
    }
}
