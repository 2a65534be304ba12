import HTTPTypes
import Hummingbird

/// Headers every answer carries: no external assets may load, no framing, no MIME sniffing, and the request id.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = BilimRequestContext
    static let frameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let requestId = HTTPField.Name("X-Request-Id")!
    static let hsts = HTTPField.Name("Strict-Transport-Security")!
    /// Served over HTTPS (BILIM_PUBLIC_URL is https): browsers are told to use nothing else, for two years, and
    /// the policy also upgrades any stray http link.
    let https: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] =
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'"
            + (https ? "; upgrade-insecure-requests" : "")
        if https { response.headers[Self.hsts] = "max-age=63072000; includeSubDomains" }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[Self.frameOptions] = "DENY"
        response.headers[Self.referrerPolicy] = "same-origin"
        response.headers[Self.requestId] = context.requestId
        return response
    }
}
