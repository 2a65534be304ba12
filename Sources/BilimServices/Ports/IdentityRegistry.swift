import BilimCore
import BilimStore

/// The state identity registry behind the e-government gateway: staff get a person's identity data from it and
/// never ask the applicant for what it holds (004 §49) (001 §9).
package protocol IdentityRegistry: Sendable {
    func person(iin: String) async throws -> PersonRow?
}

/// The default: the persons the embedded database knows.
package struct EmbeddedIdentityRegistry: IdentityRegistry {
    package let database: Database

    package init(database: Database) { self.database = database }

    package func person(iin: String) async throws -> PersonRow? {
        try await ReferenceRepository(db: database.sql).person(iin: iin)
    }
}
