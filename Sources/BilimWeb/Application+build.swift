import BilimCore
import BilimServices
import Hummingbird
import Logging
import Prometheus
import ServiceLifecycle

/// How the web server listens.
package struct WebConfiguration: Sendable {
    package var host: String
    package var port: Int
    /// Set when served over HTTPS (behind the load balancer): cookies then carry the Secure attribute.
    package var secureCookies: Bool
    /// The address people reach the service at (`BILIM_PUBLIC_URL`), printed in the QR codes of signed documents.
    package var publicURL: String?

    package init(host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false, publicURL: String? = nil) {
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.publicURL = publicURL
    }
}

/// The one function that builds the application, used by `bilim serve` and by the tests.
package func buildApplication(
    configuration: WebConfiguration, dependencies: ServiceDependencies,
    registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), services: [any Service] = [], logger: Logger
) async throws -> some ApplicationProtocol {
    let router = try await buildRouter(configuration: configuration, dependencies: dependencies, registry: registry)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Bilim"),
        services: services, logger: logger)
}

package func buildRouter(
    configuration: WebConfiguration, dependencies: ServiceDependencies, registry: PrometheusCollectorRegistry
) async throws -> Router<BilimRequestContext> {
    let renderer = try await Renderer.load()
    let sessions = Sessions(database: dependencies.database, clock: dependencies.clock)
    let router = Router(context: BilimRequestContext.self)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: RequestLogMiddleware(registry: registry))
    // Sessions come before the error middleware, so that error pages know who is signed in.
    router.add(middleware: SessionMiddleware(sessions: sessions, secureCookies: configuration.secureCookies))
    router.add(middleware: ErrorMiddleware(renderer: renderer))
    router.add(middleware: LocaleMiddleware())
    SystemController(dependencies: dependencies, registry: registry).add(to: router)
    PublicController(dependencies: dependencies, renderer: renderer).add(to: router)
    AuthController(
        dependencies: dependencies, renderer: renderer, sessions: sessions, secureCookies: configuration.secureCookies,
        gateway: EmbeddedSMSGateway(database: dependencies.database, clock: dependencies.clock))
        .add(to: router)
    SigningController(
        dependencies: dependencies, renderer: renderer, sessions: sessions, secureCookies: configuration.secureCookies)
        .add(to: router)
    SignedDocumentPages(
        dependencies: dependencies, renderer: renderer, publicURL: configuration.publicURL, secureCookies: configuration.secureCookies)
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
    AdmissionDeskPagesController(dependencies: dependencies, renderer: renderer).add(to: router)
    AdmissionApplicantPagesController(
        dependencies: dependencies, renderer: renderer, gateway: EmbeddedSMSGateway(database: dependencies.database, clock: dependencies.clock))
        .add(to: router)
    ComplaintController(dependencies: dependencies, renderer: renderer).add(to: router)
    APIServiceController(dependencies: dependencies).add(to: router)
    APIToolController(dependencies: dependencies).add(to: router)
    APICaseController(dependencies: dependencies).add(to: router)
    APIAdmissionController(dependencies: dependencies, gateway: EmbeddedSMSGateway(database: dependencies.database, clock: dependencies.clock))
        .add(to: router)
    APIAdmissionOutcomesController(dependencies: dependencies).add(to: router)
    APICorrectionController(
        dependencies: dependencies, gateway: EmbeddedSMSGateway(database: dependencies.database, clock: dependencies.clock))
        .add(to: router)
    return router
}
