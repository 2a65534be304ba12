import BilimStore
import Foundation
import Logging

/// The database a bench runs on: `DATABASE_URL` when set, else a throw-away SQLite file removed afterwards.
enum BenchDatabase {
    static func with(name: String, _ body: (Database, DatabaseURL, Logger) async throws -> Void) async throws {
        let env = ProcessInfo.processInfo.environment
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bilim-bench-\(name)-\(UUID().uuidString).sqlite")
        let url = try DatabaseURL(env["DATABASE_URL"] ?? "sqlite:\(file.path)")
        var logger = Logger(label: "bilim.bench")
        logger.logLevel = .warning
        let database = try await Database.open(url, logger: logger)
        defer { if env["DATABASE_URL"] == nil { try? FileManager.default.removeItem(at: file) } }
        do { try await body(database, url, logger) } catch {
            try? await database.shutdown()
            throw UsageFailure("bench \(name): \(error)")
        }
        try await database.shutdown()
    }
}
