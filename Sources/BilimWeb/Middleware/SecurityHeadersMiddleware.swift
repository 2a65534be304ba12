import HTTPTypes
import Hummingbird

/// Headers every answer carries: no external assets may load, no framing, no MIME sniffing, and the request id.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = BilimRequestContext
    static let frameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let requestId = HTTPField.Name("X-Request-Id")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] =
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[Self.frameOptions] = "DENY"
        response.headers[Self.referrerPolicy] = "same-origin"
        response.headers[Self.requestId] = context.requestId
        return response
    }
}
