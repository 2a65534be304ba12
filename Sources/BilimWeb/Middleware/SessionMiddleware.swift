import BilimCore
import BilimServices
import BilimStore
import Logging
import Foundation
import Hummingbird

/// Reads the session cookie into the context, and keeps the CSRF cookie that every form echoes back
/// (double-submit: a cross-site page can make the browser send the cookie but cannot read it to fill the field).
struct SessionMiddleware: RouterMiddleware {
    typealias Context = BilimRequestContext
    static let sessionCookie = "bilim_session"
    static let csrfCookie = "bilim_csrf"

    let sessions: Sessions
    let secureCookies: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        if let token = request.cookies[Self.sessionCookie]?.value, !token.isEmpty {
            // A session store that does not answer means "not signed in" here; the page itself reports the outage.
            if let user = try? await sessions.user(token: token) {
                context.user = user
                context.sessionToken = token
                context.logger[metadataKey: "actor.role"] = .string(user.role)
            }
        }
        let existing = request.cookies[Self.csrfCookie]?.value
        context.csrfToken = existing ?? Sessions.randomToken()
        var response = try await next(request, context)
        if existing == nil, let token = context.csrfToken {
            response.setCookie(
                Cookie(name: Self.csrfCookie, value: token, path: "/", secure: secureCookies, httpOnly: true, sameSite: .strict))
        }
        return response
    }
}
