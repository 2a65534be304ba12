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

    @Sendable func metrics(_ request: Request, context: BilimRequestContext) async throws -> Response {
        Response(
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
