import BilimCore
import SQLKit

/// Regions, organizations, persons and users.
package struct ReferenceRepository: Sendable {
    package let db: any SQLDatabase

    package init(db: any SQLDatabase) { self.db = db }

    package func insert(_ region: RegionRow) async throws {
        try await db.insert(into: "regions").row(region).run()
    }

    package func insert(_ org: OrganizationRow) async throws {
        try await db.insert(into: "organizations").row(org).run()
    }

    package func insert(_ person: PersonRow) async throws {
        try await db.insert(into: "persons").row(person).run()
    }

    package func insertRepresentative(minor: String, representative: String, relation: Representative.Relation)
        async throws
    {
        try await db.insert(into: "representatives")
            .columns("minor_iin", "representative_iin", "relation")
            .values(SQLBind(minor), SQLBind(representative), SQLBind(relation.rawValue))
            .run()
    }

    package func insert(_ user: UserRow) async throws {
        try await db.insert(into: "users").row(user).run()
    }

    package func regions() async throws -> [RegionRow] {
        try await db.select().column("*").from("regions").orderBy("code").all().map { try $0.model(RegionRow.self) }
    }

    package func organizations() async throws -> [OrganizationRow] {
        try await db.select().column("*").from("organizations").orderBy("region_code").orderBy("kind").orderBy("id")
            .all().map { try $0.model(OrganizationRow.self) }
    }

    package func organization(id: String) async throws -> OrganizationRow? {
        try await db.select().column("*").from("organizations").where("id", .equal, id).first()
            .map { try $0.model(OrganizationRow.self) }
    }

    package func person(iin: String) async throws -> PersonRow? {
        try await db.select().column("*").from("persons").where("iin", .equal, iin).first()
            .map { try $0.model(PersonRow.self) }
    }

    /// A person's applicant user, by the indexed IIN (never a scan of every user).
    package func applicantUser(personIIN: String) async throws -> UserRow? {
        try await db.select().column("*").from("users").where("person_iin", .equal, personIIN).where("role", .equal, "applicant")
            .orderBy("created_at").limit(1).first().map { try $0.model(UserRow.self) }
    }

    package func user(login: String) async throws -> UserRow? {
        try await db.select().column("*").from("users").where("login", .equal, login).first()
            .map { try $0.model(UserRow.self) }
    }

    package func user(id: String) async throws -> UserRow? {
        try await db.select().column("*").from("users").where("id", .equal, id).first()
            .map { try $0.model(UserRow.self) }
    }

    package func users() async throws -> [UserRow] {
        try await db.select().column("*").from("users").orderBy("login").all().map { try $0.model(UserRow.self) }
    }

    package func count(_ table: String) async throws -> Int {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first(decodingColumn: "n", as: Int.self) ?? 0
    }
}

extension ReferenceRepository {
    /// IINs of the minors this person legally represents.
    package func children(of iin: String) async throws -> [String] {
        try await db.select().column("minor_iin").from("representatives").where("representative_iin", .equal, iin)
            .orderBy("minor_iin").all().map { try $0.decode(column: "minor_iin", as: String.self) }
    }
}
