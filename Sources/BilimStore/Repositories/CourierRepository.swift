import BilimCore
import Foundation
import SQLKit

package struct CourierRegistryRow: Codable, Sendable, Hashable {
    package var id: String
    package var number: String
    package var officeId: String
    package var providerId: String
    package var formedOn: String
    package var run: Int
    package var formedBy: String
    package var createdAt: String

    package init(
        id: String, number: String, officeId: String, providerId: String, formedOn: String, run: Int, formedBy: String,
        createdAt: String
    ) {
        self.id = id
        self.number = number
        self.officeId = officeId
        self.providerId = providerId
        self.formedOn = formedOn
        self.run = run
        self.formedBy = formedBy
        self.createdAt = createdAt
    }
}

package struct CourierRepository: Sendable {
    package let db: any SQLDatabase

    package init(db: any SQLDatabase) { self.db = db }

    /// Cases the office accepted that wait for a registry to the provider.
    package func waiting(officeId: String) async throws -> [CaseRow] {
        try await db.select().column("*").from("cases").where("intake_office_id", .equal, officeId)
            .where("channel", .equal, Channel.stateCorporation.rawValue).where("state", .equal, CaseState.registered.rawValue)
            .orderBy("provider_id").orderBy("registration_number").all().map { try $0.model(CaseRow.self) }
    }

    /// How many registries the office has formed on a day: the next one's run number is this plus one.
    package func runs(officeId: String, on day: CivilDate) async throws -> Int {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("courier_registries")
            .where("office_id", .equal, officeId).where("formed_on", .equal, day.iso).first(decodingColumn: "n", as: Int.self) ?? 0
    }

    package func insert(_ row: CourierRegistryRow, caseIds: [String]) async throws {
        try await db.insert(into: "courier_registries").row(row).run()
        for id in caseIds {
            try await db.insert(into: "courier_registry_items").columns("registry_id", "case_id")
                .values(SQLBind(row.id), SQLBind(id)).run()
        }
    }

    package func registry(number: String) async throws -> CourierRegistryRow? {
        try await db.select().column("*").from("courier_registries").where("number", .equal, number).first()
            .map { try $0.model(CourierRegistryRow.self) }
    }

    package func cases(registryId: String) async throws -> [CaseRow] {
        try await db.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("cases"))).from("cases")
            .join("courier_registry_items", on: SQLColumn("id", table: "cases"), .equal, SQLColumn("case_id", table: "courier_registry_items"))
            .where(SQLColumn("registry_id", table: "courier_registry_items"), .equal, SQLBind(registryId))
            .orderBy(SQLColumn("registration_number", table: "cases")).all().map { try $0.model(CaseRow.self) }
    }

    package func registries(officeId: String, limit: Int = 50) async throws -> [CourierRegistryRow] {
        try await db.select().column("*").from("courier_registries").where("office_id", .equal, officeId)
            .orderBy("created_at", .descending).limit(limit).all().map { try $0.model(CourierRegistryRow.self) }
    }

    /// Results kept at the office past the month the law allows, due back to their provider: the same rule the
    /// state machine applies to the return itself. (004 §62)
    package func dueForReturn(officeId: String, today: CivilDate) async throws -> [CaseRow] {
        try await db.select().column("*").from("cases").where("intake_office_id", .equal, officeId)
            .where("state", .equal, CaseState.stored.rawValue).orderBy("result_received_on").all()
            .map { try $0.model(CaseRow.self) }
            .filter { row in
                guard let received = row.resultReceivedOn.flatMap({ CivilDate(iso: $0) }) else { return false }
                return StatutoryTerms.storageEnds(receivedOn: received) < today
            }
    }
}
