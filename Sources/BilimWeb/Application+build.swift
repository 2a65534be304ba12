import BilimCore
import BilimServices
import Hummingbird
import HummingbirdCore
import Logging
import Prometheus
import ServiceLifecycle

/// How the web server listens.
package struct WebConfiguration: Sendable {
    package var host: String
    package var port: Int
    /// Cookies carry the Secure attribute and the `__Host-` prefix (the default; browsers treat localhost as a secure
    /// context). Off only for plain http on another address (`BILIM_SECURE_COOKIES=0`).
    package var secureCookies: Bool
    /// The address people reach the service at (`BILIM_PUBLIC_URL`), printed in the QR codes of signed documents.
    /// Absolute links come from here only, never from the request's Host header.
    package var publicURL: String
    /// Proxies whose X-Forwarded-For is believed (`BILIM_TRUSTED_PROXIES`).
    package var trustedProxies: [AddressRange]
    /// A connection that sends nothing (an idle keep-alive, or a request that stops half-way through its head) is
    /// closed after this long.
    package var idleTimeout: Duration
    /// Connections served at once; more wait in the listen backlog.
    package var maxConnections: Int
    /// `BILIM_METRICS_TOKEN`: the bearer token /metrics asks for; without it only loopback may read the metrics.
    package var metricsToken: String?
    /// Document lookups by number per client address and minute.
    package var lookups = LookupLimiter()

    package init(
        host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = true, publicURL: String = "http://127.0.0.1:8080",
        trustedProxies: [AddressRange] = [], idleTimeout: Duration = .seconds(15), maxConnections: Int = 2048,
        metricsToken: String? = nil
    ) {
        self.metricsToken = metricsToken
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.publicURL = publicURL
        self.trustedProxies = trustedProxies
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
    }

    /// Served over HTTPS: HSTS and the strict transport headers go out.
    package var https: Bool { publicURL.lowercased().hasPrefix("https://") }
}

/// The one function that builds the application, used by `bilim serve` and by the tests.
package func buildApplication(
    configuration: WebConfiguration, dependencies: ServiceDependencies,
    registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), services: [any Service] = [], logger: Logger
) async throws -> some ApplicationProtocol {
    let router = try await buildRouter(configuration: configuration, dependencies: dependencies, registry: registry)
    return Application(
        router: router,
        server: .http1(configuration: .init(idleTimeout: .init(configuration.idleTimeout))),
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port), serverName: "Bilim",
            availableConnectionsDelegate: MaximumAvailableConnections(configuration.maxConnections)),
        services: services, logger: logger)
}

package func buildRouter(
    configuration: WebConfiguration, dependencies: ServiceDependencies, registry: PrometheusCollectorRegistry
) async throws -> Router<BilimRequestContext> {
    let renderer = try await Renderer.load()
    let sessions = Sessions(database: dependencies.database, clock: dependencies.clock)
    let router = Router(context: BilimRequestContext.self)
    let cookies = CookiePolicy(secure: configuration.secureCookies)
    router.add(middleware: SecurityHeadersMiddleware(https: configuration.https))
    router.add(middleware: ClientAddressMiddleware(trusted: configuration.trustedProxies))
    router.add(middleware: RequestLogMiddleware(registry: registry))
    // Sessions come before the error middleware, so that error pages know who is signed in.
    router.add(middleware: SessionMiddleware(sessions: sessions, cookies: cookies))
    router.add(middleware: ErrorMiddleware(renderer: renderer))
    router.add(middleware: LocaleMiddleware())
    // One CSRF check for every request that changes state, whichever route it reaches.
    router.add(middleware: CSRFMiddleware())
    SystemController(dependencies: dependencies, registry: registry, metricsToken: configuration.metricsToken).add(to: router)
    PublicController(dependencies: dependencies, renderer: renderer).add(to: router)
    AuthController(
        dependencies: dependencies, renderer: renderer, sessions: sessions, cookies: cookies,
        gateway: EmbeddedSMSGateway(database: dependencies.database, clock: dependencies.clock))
        .add(to: router)
    SigningController(
        dependencies: dependencies, renderer: renderer, sessions: sessions, cookies: cookies,
        lookups: configuration.lookups)
        .add(to: router)
    SignedDocumentPages(
        dependencies: dependencies, renderer: renderer, publicURL: configuration.publicURL)
        .add(to: router)
    CasePagesController(dependencies: dependencies, renderer: renderer).add(to: router)
    ApplyController(
        dependencies: dependencies, renderer: renderer,
        gateway: EmbeddedSMSGateway(database: dependencies.database, clock: dependencies.clock))
        .add(to: router)
    CorrectionPagesController(dependencies: dependencies, renderer: renderer, gateway: EmbeddedSMSGateway(database: dependencies.database, clock: dependencies.clock)).add(to: router)
    DeskController(dependencies: dependencies, renderer: renderer).add(to: router)
    CourierController(dependencies: dependencies, renderer: renderer).add(to: router)
    AdmissionPagesController(dependencies: dependencies, renderer: renderer).add(to: router)
    AdmissionCompetitionPagesController(dependencies: dependencies, renderer: renderer).add(to: router)
    AdmissionExamPagesController(dependencies: dependencies, renderer: renderer).add(to: router)
    AdmissionDeskPagesController(
        dependencies: dependencies, renderer: renderer, gateway: EmbeddedSMSGateway(database: dependencies.database, clock: dependencies.clock))
        .add(to: router)
    AdmissionApplicantPagesController(
        dependencies: dependencies, renderer: renderer, gateway: EmbeddedSMSGateway(database: dependencies.database, clock: dependencies.clock))
        .add(to: router)
    AdmissionContractPagesController(
        dependencies: dependencies, renderer: renderer, gateway: EmbeddedSMSGateway(database: dependencies.database, clock: dependencies.clock))
        .add(to: router)
    ComplaintController(dependencies: dependencies, renderer: renderer).add(to: router)
    APIServiceController(dependencies: dependencies).add(to: router)
    APIToolController(dependencies: dependencies).add(to: router)
    APICaseController(dependencies: dependencies).add(to: router)
    APIAdmissionController(dependencies: dependencies, gateway: EmbeddedSMSGateway(database: dependencies.database, clock: dependencies.clock))
        .add(to: router)
    APIAdmissionOutcomesController(dependencies: dependencies).add(to: router)
    APIAdmissionContractController(dependencies: dependencies, gateway: EmbeddedSMSGateway(database: dependencies.database, clock: dependencies.clock))
        .add(to: router)
    APICorrectionController(
        dependencies: dependencies, gateway: EmbeddedSMSGateway(database: dependencies.database, clock: dependencies.clock))
        .add(to: router)
    return router
}
