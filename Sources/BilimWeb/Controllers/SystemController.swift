import BilimCore
import BilimServices
import BilimStore
import Logging
import Foundation
import Hummingbird
import Prometheus

/// Operations endpoints: health (with a database round trip), Prometheus metrics and the OpenAPI description.
struct SystemController {
    let dependencies: ServiceDependencies
    let registry: PrometheusCollectorRegistry
    /// `BILIM_METRICS_TOKEN`: when set, /metrics answers only `Authorization: Bearer <token>`; when not, only the
    /// machine itself (a loopback peer) may read it. Anyone else gets the same 404 as an unknown page.
    let metricsToken: String?

    func add(to router: Router<BilimRequestContext>) {
        router.get("/health", use: health)
        router.get("/metrics", use: metrics)
        router.get("/openapi.json", use: openAPI)
        router.get("/assets/bilim.css") { _, _ in try Self.asset("bilim.css", type: "text/css; charset=utf-8") }
        router.get("/assets/print.css") { _, _ in try Self.asset("print.css", type: "text/css; charset=utf-8") }
        router.get("/assets/print.js") { _, _ in try Self.asset("print.js", type: "text/javascript; charset=utf-8") }
    }

    struct Health: Codable {
        let status: String
        let database: String
    }

    @Sendable func health(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let ok: Bool
        do {
            try await dependencies.database.ping()
            ok = true
        } catch {
            context.logger.error("health check: database does not answer")
            ok = false
        }
        let body = try JSONEncoder().encode(Health(status: ok ? "ok" : "unavailable", database: ok ? "ok" : "unreachable"))
        return Response(
            status: ok ? .ok : .serviceUnavailable, headers: [.contentType: "application/json", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    static let loopback = [AddressRange("127.0.0.0/8"), AddressRange("::1")].compactMap { $0 }

    @Sendable func metrics(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let allowed: Bool
        if let metricsToken, !metricsToken.isEmpty {
            allowed = CSRF.matches(request.headers[.authorization], "Bearer " + metricsToken)
        } else {
            allowed = context.peer.map { peer in Self.loopback.contains { $0.contains(peer) } } ?? true
        }
        guard allowed else { throw DomainError(.pageNotFound) }
        return Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
    }

    @Sendable func openAPI(_ request: Request, context: BilimRequestContext) async throws -> Response {
        try Self.asset("openapi.json", type: "application/json", folder: "Resources")
    }

    static func asset(_ name: String, type: String, folder: String = "Resources/assets") throws -> Response {
        let url = Bundle.module.bundleURL.appendingPathComponent("\(folder)/\(name)")
        guard let data = try? Data(contentsOf: url) else { throw HTTPError(.notFound) }
        return Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
