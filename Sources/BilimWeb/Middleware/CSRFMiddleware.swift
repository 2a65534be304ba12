import BilimCore
import Crypto
import Foundation
import HTTPTypes
import Logging
import Hummingbird

/// Request forgery: the one check every request that changes state passes, whatever route it reaches.
///
/// A cross-site page can make a browser send this site's cookies with a form post (content types
/// `application/x-www-form-urlencoded`, `multipart/form-data`, `text/plain`) or with no body at all, but it cannot
/// send any other content type without a CORS preflight, which this server never grants. So:
/// - a request of another type (the JSON API, the CSV import, a raw file upload) passes: a browser can only send it
///   from our own pages;
/// - every other POST, PUT, PATCH or DELETE, body-less ones included, must carry the form token, in the `_csrf`
///   field or the `X-CSRF-Token` header. Signed in, the token is an HMAC of the session token (keyed by it), so it
///   is worthless outside this session; before sign-in it is the double-submit cookie.
package enum CSRF {
    static let header = HTTPField.Name("X-CSRF-Token")!
    static let field = "_csrf"

    /// The form token of a session: HMAC-SHA256 keyed by the session token, base64url.
    package static func token(session: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("bilim-csrf-v1".utf8), using: SymmetricKey(data: Data(session.utf8)))
        return Data(mac).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Content types a cross-site form can send without asking first (the CORS-safelisted ones), and no type at all.
    static func needsToken(contentType: String?) -> Bool {
        let type = (contentType ?? "").split(separator: ";").first.map { $0.trimmingSpaces.lowercased() } ?? ""
        return ["", "application/x-www-form-urlencoded", "multipart/form-data", "text/plain"].contains(type)
    }

    static func matches(_ sent: String?, _ expected: String?) -> Bool {
        guard let sent, let expected, !expected.isEmpty else { return false }
        let a = Array(sent.utf8), b = Array(expected.utf8)
        return a.count == b.count && zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

struct CSRFMiddleware: RouterMiddleware {
    typealias Context = BilimRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard [.post, .put, .patch, .delete].contains(request.method), CSRF.needsToken(contentType: request.headers[.contentType])
        else { return try await next(request, context) }
        let expected = context.csrfToken
        if CSRF.matches(request.headers[CSRF.header], expected) { return try await next(request, context) }
        // The token is in the form: read the body once (bounded), check it, and hand the read body on.
        var request = request
        let type = (request.headers[.contentType] ?? "").lowercased()
        let multipart = type.hasPrefix("multipart/form-data")
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: multipart ? Multipart.maxCarriedBodySize : Body.smallLimit)
        } catch {
            throw DomainError(.requestTooLarge, field: "body")
        }
        let sent: String?
        if multipart {
            let boundary = try? Multipart.boundary(contentType: request.headers[.contentType] ?? "")
            sent = boundary.flatMap { try? Multipart.parse(Array(buffer.readableBytesView), boundary: $0) }?.fields[CSRF.field]
        } else if type.hasPrefix("application/x-www-form-urlencoded") {
            sent = (try? URLEncodedFormDecoder().decode([String: String].self, from: String(buffer: buffer)))?[CSRF.field]
        } else {
            sent = nil
        }
        guard CSRF.matches(sent, expected) else {
            context.logger.notice("request refused", metadata: ["reason": "csrf"])
            throw DomainError(.csrfInvalid, field: CSRF.field)
        }
        return try await next(request, context)
    }
}
