import BilimCore
import BilimStore

extension Actor {
    /// The actor behind a signed-in user, with the minors they represent.
    package static func of(_ user: UserRow, database: Database) async throws -> Actor {
        let children = try await user.personIin.asyncMap { try await ReferenceRepository(db: database.sql).children(of: $0) }
        return Actor(
            userId: user.id, role: Role(rawValue: user.role) ?? .applicant, organizationId: user.organizationId,
            regionCode: user.regionCode, personIIN: user.personIin, childrenIINs: Set(children ?? []))
    }
}

extension Optional {
    package func asyncMap<T>(_ f: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let v = self else { return nil }
        return try await f(v)
    }
}
