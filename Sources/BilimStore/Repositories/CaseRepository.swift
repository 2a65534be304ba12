import BilimCore
import SQLKit

/// Cases. State changes go through `AuditChain` in the same transaction.
package struct CaseRepository: Sendable {
    package let db: any SQLDatabase

    package init(db: any SQLDatabase) { self.db = db }

    package func insert(_ row: CaseRow) async throws {
        try await db.insert(into: "cases").row(row).run()
    }

    package func find(id: String) async throws -> CaseRow? {
        try await db.select().column("*").from("cases").where("id", .equal, id).first().map { try $0.model(CaseRow.self) }
    }

    /// Moves a case to a new state when it is still at `expectedVersion`; false when someone changed it first.
    package func updateState(id: String, to state: CaseState, expectedVersion: Int, at now: String) async throws -> Bool {
        let rows = try await db.update("cases")
            .set("state", to: state.rawValue)
            .set("row_version", to: expectedVersion + 1)
            .set("updated_at", to: now)
            .where("id", .equal, id).where("row_version", .equal, expectedVersion)
            .returning("id").all()
        return !rows.isEmpty
    }
}
