import BilimCore
import BilimStore
import Foundation

/// Forms a courier registry: every application the operator's office accepted for one provider and not yet sent,
/// in one registry with its run number of the day, each case moving to "sent to provider" in the same transaction.
/// (004 §54) (004 §55)
package struct CourierDispatch: Sendable {
    package let deps: ServiceDependencies

    package init(_ deps: ServiceDependencies) { self.deps = deps }

    package func form(providerId: String, by actor: Actor) async throws -> CourierRegistryRow {
        guard actor.role == .stateCorporationOperator, let office = actor.organizationId else {
            throw DomainError(.roleNotAllowed, field: "action", ["action": CaseCommand.sendToProvider.name])
        }
        let now = deps.clock.now()
        let today = deps.today
        let calendar = try await deps.calendars.calendar()
        let workflow = CaseWorkflow(deps)
        let passports = deps.passports
        // One transaction: the registry and every case's move to "sent to provider", each through the state
        // machine so its rules and trail apply as for a single dispatch.
        return try await deps.database.transaction { db in
            let courier = CourierRepository(db: db)
            let waiting = try await courier.waiting(officeId: office).filter { $0.providerId == providerId }
            guard !waiting.isEmpty else { throw DomainError(.courierNothingToSend, field: "providerId") }
            for c in waiting {
                guard let service = ServiceID(rawValue: c.service),
                    let passport = passports.versions(of: service).first(where: { $0.version == c.passportVersion })
                else { throw DomainError(.passportInvalid, ["detail": "\(c.service) v\(c.passportVersion) is not loaded"]) }
                let t = try CaseMachine.decide(
                    .sendToProvider, by: actor.role, facts: CaseWorkflow.facts(c), passport: passport, today: today,
                    calendar: calendar)
                _ = try await workflow.write(t, command: .sendToProvider, row: c, actor: actor, reason: nil, today: today, now: now, db: db)
            }
            // The run of the day comes from a counter, so two operators forming at once get different runs.
            let run = try await NumberSequence(db: db).next("courier-run-\(office)-\(today.iso)")
            let seq = try await NumberSequence(db: db).next("courier-\(today.year)")
            let row = CourierRegistryRow(
                id: deps.ids.make(), number: "K-\(today.year)-\(Digits.pad(seq, 6))", officeId: office,
                providerId: providerId, formedOn: today.iso, run: run, formedBy: actor.userId, createdAt: Instant.text(now))
            try await courier.insert(row, caseIds: waiting.map(\.id))
            return row
        }
    }
}
