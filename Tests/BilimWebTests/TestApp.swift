import BilimServices
import BilimStore
import BilimTestSupport
import BilimWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging

/// Builds the real application on a migrated in-memory SQLite database with demo data and a captured logger,
/// and hands the test a router client.
func withTestApp<R: Sendable>(
    _ body: @Sendable (any TestClientProtocol, ServiceDependencies, CapturedLogs) async throws -> R
) async throws -> R {
    let logs = CapturedLogs()
    let db = try await Database.open(.sqliteMemory, logger: TestDatabase.quietLogger)
    try await MigrationRunner().migrate(on: db)
    try await DemoData.seedIfEmpty(db, clock: FixedClock.t0)
    let deps = ServiceDependencies(
        database: db, passports: try ShippedData.passportCatalog(), clock: FixedClock.t0, ids: SequentialIDs(),
        logger: logs.logger)
    let app = try await buildApplication(configuration: WebConfiguration(), dependencies: deps, logger: logs.logger)
    do {
        let r = try await app.test(.router) { client in try await body(client, deps, logs) }
        try await db.shutdown()
        return r
    } catch {
        try? await db.shutdown()
        throw error
    }
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
