import BilimCore
import BilimStore

extension Actor {
    /// The actor behind a signed-in user, with the minors they represent: a child who has turned 18 on `today`
    /// acts for themself.
    /// `today` is required: without it an adult child would be represented too. A stored IIN that does not parse
    /// is represented by nobody.
    package static func of(_ user: UserRow, database: Database, today: CivilDate) async throws -> Actor {
        let all = try await user.personIin.asyncMap { try await ReferenceRepository(db: database.sql).children(of: $0) } ?? []
        let children = all.filter { iin in (try? IIN(iin))?.isMinor(on: today) ?? false }
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
