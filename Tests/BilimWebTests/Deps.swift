import BilimServices
import BilimStore
import BilimTestSupport

typealias ServiceDependenciesBox = ServiceDependencies

extension ServiceDependencies {
    static func make() async throws -> ServiceDependencies {
        let db = try await Database.open(.sqliteMemory, logger: TestDatabase.quietLogger)
        try await MigrationRunner().migrate(on: db)
        return ServiceDependencies(
            database: db, passports: try ShippedData.passportCatalog(), clock: FixedClock.t0, logger: TestDatabase.quietLogger)
    }
}
