import BilimCore
import BilimServices
import BilimStore
import BilimTestSupport
import BilimWeb
import Foundation
import HTTPTypes
import Hummingbird
import Prometheus
import HummingbirdTesting
import Testing

@Suite struct ShellTests {
    @Test("/health checks the database")
    func health() async throws {
        try await withTestApp { client, deps, _ in
            try await client.execute(uri: "/health", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.json["database"] as? String == "ok")
            }
            try await deps.database.shutdown()  // the database goes away
            try await client.execute(uri: "/health", method: .get) { r in
                #expect(r.status == .serviceUnavailable)
                #expect(r.json["database"] as? String == "unreachable")
            }
        }
    }

    @Test("/metrics speaks Prometheus text and counts requests")
    func metrics() async throws {
        try await withTestApp { client, _, _ in
            try await client.execute(uri: "/services", method: .get) { _ in }
            try await client.execute(uri: "/metrics", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType]?.hasPrefix("text/plain") == true)
                #expect(r.text.contains(#"bilim_http_requests_total{method="GET",route="/services",status="200"} 1"#))
            }
        }
    }

    @Test("every route of the router is described in /openapi.json")
    func openAPICoversRouter() async throws {
        let deps = try await TestDeps.make()
        let router = try await buildRouter(
            configuration: WebConfiguration(), dependencies: deps, registry: PrometheusCollectorRegistry())
        let routes = router.routes.map { (method: $0.method.rawValue, path: $0.path.description) }
        try await withTestApp { client, _, _ in
            try await client.execute(uri: "/openapi.json", method: .get) { r in
                let paths = try #require(r.json["paths"] as? [String: [String: Any]])
                for route in routes {
                    let path = route.path.hasPrefix("/") ? route.path : "/" + route.path
                    let documented = paths[path]?[route.method.lowercased()] != nil
                    #expect(documented, "\(route.method) \(path) is not in openapi.json")
                }
                #expect(paths.count >= 14)
            }
        }
        try await deps.database.shutdown()
    }

    @Test("an unknown page is an HTML 404 in the caller's language")
    func notFound() async throws {
        try await withTestApp { client, _, _ in
            try await client.execute(uri: "/no-such-page", method: .get, headers: [.acceptLanguage: "ru"]) { r in
                #expect(r.status == .notFound)
                #expect(r.headers[.contentType]?.hasPrefix("text/html") == true)
                #expect(r.text.contains("Такой страницы нет."))
                #expect(r.text.contains(#"<html lang="ru">"#))
            }
        }
    }

    @Test("responses carry a request id and forbid external assets")
    func headers() async throws {
        try await withTestApp { client, _, _ in
            try await client.execute(uri: "/", method: .get) { r in
                #expect(r.headers[HTTPField.Name("X-Request-Id")!]?.isEmpty == false)
                #expect(r.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
                #expect(!r.text.contains("http://") && !r.text.contains("https://"))
            }
        }
    }
}

/// Dependencies without an app, for tests that need the router itself.
enum TestDeps {
    static func make() async throws -> ServiceDependenciesBox {
        try await ServiceDependenciesBox.make()
    }
}
