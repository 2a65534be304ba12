import BilimServices
import BilimStore
import BilimTestSupport
import BilimWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// Builds the real application on a migrated in-memory SQLite database with demo data and a captured logger,
/// and hands the test a router client.
func withTestApp<R: Sendable>(
    on kind: TestDatabase = .sqlite, clock: any Clock = FixedClock.t0, eds: (any CertificateVerifier)? = nil,
    _ body: @Sendable (any TestClientProtocol, ServiceDependencies, CapturedLogs) async throws -> R
) async throws -> R {
    let logs = CapturedLogs()
    return try await kind.with { db in
        try await DemoData.seedIfEmpty(db, clock: clock)
        let deps = ServiceDependencies(
            database: db, passports: try ShippedData.passportCatalog(), clock: clock, ids: SequentialIDs(),
            logger: logs.logger, eds: eds)
        let app = try await buildApplication(configuration: WebConfiguration(), dependencies: deps, logger: logs.logger)
        return try await app.test(.router) { client in try await body(client, deps, logs) }
    }
}

/// The real application with a configuration of the test's, over a live socket or the router.
func withConfiguredApp<R: Sendable>(
    _ configuration: WebConfiguration, live: Bool = false,
    _ body: @Sendable (any TestClientProtocol, ServiceDependencies) async throws -> R
) async throws -> R {
    try await TestDatabase.sqlite.with { db in
        try await DemoData.seedIfEmpty(db, clock: FixedClock.t0)
        let deps = ServiceDependencies(
            database: db, passports: try ShippedData.passportCatalog(), clock: FixedClock.t0, ids: SequentialIDs(),
            logger: TestDatabase.quietLogger)
        let app = try await buildApplication(configuration: configuration, dependencies: deps, logger: TestDatabase.quietLogger)
        return try await app.test(live ? .live : .router) { client in try await body(client, deps) }
    }
}

/// Signs a demo user in through the form and returns the Cookie header value for their requests.
func signIn(_ client: any TestClientProtocol, _ login: String) async throws -> String {
    let csrf = "test-csrf-token"
    let session = try await client.execute(
        uri: "/sign-in", method: .post,
        headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "__Host-bilim_csrf=\(csrf)"],
        body: ByteBuffer(string: "login=\(login)&password=\(DemoData.password)&_csrf=\(csrf)")
    ) { r in cookies(r)["__Host-bilim_session"] }
    guard let session else { throw TestFailure(description: "\(login) could not sign in") }
    return "__Host-bilim_session=\(session); __Host-bilim_csrf=\(csrf)"
}

/// The form token a signed-in page carries: bound to the session in the Cookie header (`CSRF.token(session:)`);
/// before sign-in, the double-submit cookie.
func formToken(_ cookie: String) -> String {
    let pairs = cookie.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1) }
    if let session = pairs.first(where: { $0.first == "__Host-bilim_session" && $0.count == 2 }) { return CSRF.token(session: String(session[1])) }
    return pairs.first(where: { $0.first == "__Host-bilim_csrf" && $0.count == 2 }).map { String($0[1]) } ?? ""
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:] }
}

/// Cookies a response sets, by name.
func cookies(_ response: TestResponse) -> [String: String] {
    var out: [String: String] = [:]
    for field in response.headers where field.name == .setCookie {
        let pair = field.value.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
        if pair.count == 2 { out[String(pair[0])] = String(pair[1]) }
    }
    return out
}

/// The last one-time code the embedded SMS gateway sent.
func lastCode(_ deps: ServiceDependencies) async throws -> String {
    let sms = try #require(try await EmbeddedSMSGateway(database: deps.database, clock: deps.clock).sent().last)
    return String(try #require(sms.text.firstMatch(of: /\d{6}/)).output)
}

/// Confirms a portal application through the API the way a client does: asks for a one-time code over the
/// application's content, reads it from the embedded SMS gateway, and returns the body with the confirmation.
func confirmed(
    _ client: any TestClientProtocol, _ deps: ServiceDependencies, _ cookie: String, _ application: String,
    prepare: String = "/api/v1/cases/confirmations", key: String = "application"
) async throws -> String {
    let id = try await client.execute(
        uri: prepare, method: .post, headers: [.contentType: "application/json", .cookie: cookie],
        body: ByteBuffer(string: #"{"method": "otp", "\#(key)": \#(application)}"#)
    ) { r in r.json["challengeId"] as? String }
    guard let id else { return application }
    // The code sent for this challenge (several may share a second on a fixed test clock).
    let sms = try #require(try await EmbeddedSMSGateway(database: deps.database, clock: deps.clock).sent().first { $0.messageKey == "confirm:\(id)" })
    let code = String(try #require(sms.text.firstMatch(of: /\d{6}/)).output)
    var object = try #require(try JSONSerialization.jsonObject(with: Data(application.utf8)) as? [String: Any])
    object["confirmation"] = ["challengeId": id, "code": code]
    return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
}

/// The parent's confirmed S1 application through the API: the case's id and number, and the number of its signed
/// receipt.
func parentsCase(_ client: any TestClientProtocol, _ deps: ServiceDependencies, _ parent: String) async throws -> (id: String, number: String, receipt: String) {
    let body = try await confirmed(client, deps, parent, CaseAPITests.application)
    let created = try await client.execute(
        uri: "/api/v1/cases", method: .post, headers: [.contentType: "application/json", .cookie: parent], body: ByteBuffer(string: body)
    ) { $0.json }
    let c = try #require(created["case"] as? [String: Any])
    let id = try #require(c["id"] as? String), number = try #require(c["number"] as? String)
    let docs = try await client.execute(uri: "/api/v1/cases/\(id)/documents", method: .get, headers: [.cookie: parent]) {
        (try? JSONSerialization.jsonObject(with: Data($0.text.utf8))) as? [[String: Any]] ?? []
    }
    return (id, number, try #require(docs.first?["number"] as? String))
}
