import ArgumentParser
import BilimStore
import Foundation

/// `bilim migrate [--dry-run]`: applies the pending migrations of `DATABASE_URL` in one transaction.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations.")
    @Flag(help: "Only list what would be applied.") var dryRun = false

    func run() async throws {
        let database = try await openDatabase(migrateSQLite: false)
        do {
            let runner = MigrationRunner()
            let pending = try await runner.pending(on: database)
            if dryRun {
                print(pending.isEmpty ? "nothing to apply on \(database.url)" : "would apply on \(database.url):")
                for id in pending { print("  \(id)") }
            } else {
                let applied = try await runner.migrate(on: database)
                print(applied.isEmpty ? "nothing to apply on \(database.url)" : "applied on \(database.url):")
                for id in applied { print("  \(id)") }
            }
            try await database.shutdown()
        } catch {
            try? await database.shutdown()
            throw UsageFailure(describe(error))
        }
    }
}
