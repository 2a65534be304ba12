import Hummingbird
import Logging
import Prometheus

/// One log line per request with the route pattern (never the concrete path or query, which may carry an IIN),
/// the status and the duration; and the request metrics.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = BilimRequestContext
    let registry: PrometheusCollectorRegistry

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let start = ContinuousClock.now
        var status = 500
        defer {
            let elapsed = ContinuousClock.now - start
            let route = context.endpointPath ?? "unmatched"
            context.logger.info(
                "request",
                metadata: [
                    "http.method": .string(request.method.rawValue), "http.route": .string(route),
                    "http.status": .stringConvertible(status),
                    "duration.ms": .stringConvertible(
                        Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15),
                ])
            let labels = [("method", request.method.rawValue), ("route", route), ("status", String(status))]
            registry.makeCounter(name: "bilim_http_requests_total", labels: labels).increment()
            registry.makeDurationHistogram(
                name: "bilim_http_request_duration_seconds", labels: [("route", route)],
                buckets: [.milliseconds(5), .milliseconds(25), .milliseconds(100), .milliseconds(500), .seconds(2)]
            ).recordNanoseconds(Int64(elapsed.components.seconds) * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
        }
        do {
            let response = try await next(request, context)
            status = response.status.code
            return response
        } catch let error as any HTTPResponseError {
            status = error.status.code
            throw error
        }
    }
}
