import BilimCore
import BilimServices
import BilimStore
import Crypto
import Foundation
import Hummingbird
import Logging

/// The cookies a browser holds: the session and, before sign-in, the CSRF double-submit token. Secure by default
/// (a browser treats localhost as a secure context, so the demo works over plain http on loopback), and then named
/// `__Host-`, which a browser accepts only from this host, over a secure channel, for the whole path, without a
/// Domain: a sibling subdomain cannot plant or read them. `BILIM_SECURE_COOKIES=0` turns both off, for plain http
/// on another address.
package struct CookiePolicy: Sendable {
    package let secure: Bool

    package init(secure: Bool) { self.secure = secure }

    package var session: String { secure ? "__Host-bilim_session" : "bilim_session" }
    package var csrf: String { secure ? "__Host-bilim_csrf" : "bilim_csrf" }

    func sessionCookie(_ token: String) -> Cookie {
        Cookie(name: session, value: token, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    func csrfCookie(_ token: String) -> Cookie {
        Cookie(name: csrf, value: token, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    func sessionCleared() -> Cookie {
        Cookie(name: session, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    /// A response that starts a session: the session cookie and a fresh CSRF cookie (a token planted before sign-in
    /// is worthless after it).
    func startSession(_ token: String, on response: inout Response) {
        response.setCookie(sessionCookie(token))
        response.setCookie(csrfCookie(Sessions.randomToken()))
    }
}

/// Reads the session cookie into the context, and the form token every form carries: bound to the session when one
/// is signed in, the double-submit cookie before sign-in (see `CSRF`).
struct SessionMiddleware: RouterMiddleware {
    typealias Context = BilimRequestContext

    let sessions: Sessions
    let cookies: CookiePolicy

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        if let token = request.cookies[cookies.session]?.value, !token.isEmpty {
            // A session store that does not answer means "not signed in" here; the page itself reports the outage.
            if let user = try? await sessions.user(token: token) {
                context.user = user
                context.sessionToken = token
                context.logger[metadataKey: "actor.role"] = .string(user.role)
            }
        }
        let existing = request.cookies[cookies.csrf]?.value.nilIfEmpty
        let anonymous = existing ?? Sessions.randomToken()
        context.csrfToken = context.sessionToken.map(CSRF.token(session:)) ?? anonymous
        var response = try await next(request, context)
        if existing == nil { response.setCookie(cookies.csrfCookie(anonymous)) }
        return response
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
