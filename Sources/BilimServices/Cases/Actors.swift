import BilimCore
import BilimStore

extension Actor {
    /// The actor behind a signed-in user, with the minors they represent: a child who has turned 18 on `today`
    /// acts for themself.
    package static func of(_ user: UserRow, database: Database, today: CivilDate? = nil) async throws -> Actor {
        let all = try await user.personIin.asyncMap { try await ReferenceRepository(db: database.sql).children(of: $0) } ?? []
        let children = all.filter { iin in
            guard let today, let parsed = try? IIN(iin) else { return true }
            return parsed.isMinor(on: today)
        }
        return Actor(
            userId: user.id, role: Role(rawValue: user.role) ?? .applicant, organizationId: user.organizationId,
            regionCode: user.regionCode, personIIN: user.personIin, childrenIINs: Set(children))
    }
}

extension Optional {
    package func asyncMap<T>(_ f: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let v = self else { return nil }
        return try await f(v)
    }
}
