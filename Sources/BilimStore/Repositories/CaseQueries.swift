import BilimCore
import SQLKit

extension CaseRepository {
    /// Cases an actor may see, soonest deadline first (the work queue's order).
    package func visible(to actor: Actor, limit: Int = 200) async throws -> [CaseRow] {
        let q = db.select().column("*").from("cases")
        switch actor.role {
        case .applicant:
            let people = [actor.personIIN].compactMap { $0 } + actor.childrenIINs.sorted()
            guard !people.isEmpty else { return [] }
            q.where("applicant_iin", .in, people)
        case .providerStaff:
            guard let org = actor.organizationId else { return [] }
            q.where("provider_id", .equal, org)
        case .stateCorporationOperator:
            guard let org = actor.organizationId else { return [] }
            q.where("intake_office_id", .equal, org)
        case .administrator:
            break
        case .commissionMember, .educationDepartment, .reviewingBody:
            return []
        }
        return try await q.orderBy("deadline").orderBy("registration_number").limit(limit).all()
            .map { try $0.model(CaseRow.self) }
    }

    /// An open case of the same service for the same applicant and document (or provider, without a document).
    package func openDuplicate(service: ServiceID, applicantIIN: String, providerId: String, documentId: String?)
        async throws -> CaseRow?
    {
        let finished = [CaseState.handedOver, .refused, .returnedToProvider].map(\.rawValue)
        let q = db.select().column("*").from("cases")
            .where("service", .equal, service.rawValue).where("applicant_iin", .equal, applicantIIN)
            .where("provider_id", .equal, providerId).where("state", .notIn, finished)
        if let documentId { q.where("document_id", .equal, documentId) }
        return try await q.limit(1).first().map { try $0.model(CaseRow.self) }
    }

    /// Saves the columns a transition may change, guarded by the row version.
    package func save(_ row: CaseRow, expectedVersion: Int) async throws -> Bool {
        let updated = try await db.update("cases")
            .set("state", to: row.state).set("row_version", to: expectedVersion + 1).set("updated_at", to: row.updatedAt)
            .set("deadline", to: row.deadline).set("hearing_notice_on", to: row.hearingNoticeOn)
            .set("hearing_on", to: row.hearingOn).set("result_received_on", to: row.resultReceivedOn)
            .where("id", .equal, row.id).where("row_version", .equal, expectedVersion)
            .returning("id").all()
        return !updated.isEmpty
    }

    /// Claims the case for an event that changes no column (a complaint, an attachment): the row version moves on,
    /// so a transition racing it fails cleanly instead of colliding in the trail.
    package func touch(id: String, expectedVersion: Int) async throws -> Bool {
        let updated = try await db.update("cases").set("row_version", to: expectedVersion + 1)
            .where("id", .equal, id).where("row_version", .equal, expectedVersion).returning("id").all()
        return !updated.isEmpty
    }

    /// Cases not yet finished, for recomputing deadlines when the calendar changes.
    package func running() async throws -> [CaseRow] {
        let finished = [CaseState.handedOver, .refused, .returnedToProvider, .resultReady, .stored].map(\.rawValue)
        return try await db.select().column("*").from("cases").where("state", .notIn, finished).all()
            .map { try $0.model(CaseRow.self) }
    }
}

/// Numbers that are unique and never reused: one counter per scope, advanced inside the caller's transaction.
package struct NumberSequence: Sendable {
    package let db: any SQLDatabase

    package init(db: any SQLDatabase) { self.db = db }

    package func next(_ scope: String) async throws -> Int {
        try await db.insert(into: "registration_counters").columns("scope", "last_value")
            .values(SQLBind(scope), SQLBind(0)).ignoringConflicts(with: "scope").run()
        let row = try await db.update("registration_counters").set("last_value", to: SQLRaw("last_value + 1"))
            .where("scope", .equal, scope).returning("last_value").first()
        guard let row else { throw Database.Unreachable(description: "registration counter \(scope) did not answer") }
        return try row.decode(column: "last_value", as: Int.self)
    }
}
