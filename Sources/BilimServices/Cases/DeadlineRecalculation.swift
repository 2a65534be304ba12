import BilimCore
import BilimStore
import Foundation

/// When an operator loads a changed calendar year, the deadlines of running cases are recomputed from their
/// registration under the new calendar. A deadline never moves earlier than the date already given to the
/// applicant; a later one is recorded in the trail and announced to them.
package struct DeadlineRecalculation: Sendable {
    package let deps: ServiceDependencies

    package init(_ deps: ServiceDependencies) { self.deps = deps }

    /// Loads the year through `CalendarService` and recomputes; returns the cases whose deadline moved.
    @discardableResult
    package func loadYear(json: Data, name: String, by actor: Actor) async throws -> [CaseRow] {
        guard actor.role == .administrator else { throw DomainError(.forbidden, field: "calendar") }
        try await deps.calendars.load(json: json, name: name, loadedBy: actor.userId, now: deps.clock.now())
        return try await recompute(by: actor)
    }

    @discardableResult
    package func recompute(by actor: Actor) async throws -> [CaseRow] {
        let calendar = try await deps.calendars.calendar()
        let now = deps.clock.now()
        var moved: [CaseRow] = []
        for row in try await CaseRepository(db: deps.database.sql).running() {
            guard let service = ServiceID(rawValue: row.service), let channel = Channel(rawValue: row.channel),
                let registered = CivilDate(iso: row.registeredOn), let current = CivilDate(iso: row.deadline),
                let term = deps.passports.versions(of: service).first(where: { $0.version == row.passportVersion })?.countableTerm
            else { continue }
            let accepted = Instant.date(row.submittedAt).map { deps.localTime.local($0).date }
            let recomputed = try term.deadline(registeredOn: registered, channel: channel, calendar: calendar, acceptedOn: accepted)
            guard recomputed > current else { continue }
            var next = row
            next.deadline = recomputed.iso
            next.updatedAt = Instant.text(now)
            let saved = next
            try await deps.database.transaction { db in
                guard try await CaseRepository(db: db).save(saved, expectedVersion: row.rowVersion) else {
                    throw DomainError(.concurrentChange, field: "id")
                }
                let event = try await AuditChain(db: db).append(
                    caseId: row.id,
                    .init(
                        kind: "deadline-changed", fromState: nil, toState: nil, actorId: actor.userId,
                        actorRole: actor.role.rawValue, reason: "calendar changed",
                        payload: #"{"from":"\#(current.iso)","to":"\#(recomputed.iso)"}"#, occurredAt: now))
                try await Notifier(db: db, ids: deps.ids, now: now).notify(.deadlineChanged, caseRow: saved, eventSeq: event.seq)
            }
            moved.append(saved)
        }
        return moved
    }
}
