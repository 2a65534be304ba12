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
        try await deps.calendars.load(
            json: json, name: name, loadedBy: actor.userId, now: deps.clock.now())
        return try await recompute(by: actor)
    }

    @discardableResult
    package func recompute(by actor: Actor) async throws -> [CaseRow] {
        let calendar = try await deps.calendars.calendar()
        let now = deps.clock.now()
        var moved: [CaseRow] = []
        for listed in try await CaseRepository(db: deps.database.sql).running() {
            // A case changed by someone else meanwhile is read again (a few times) rather than left stale.
            var attempt = 0
            while true {
                attempt += 1
                guard let row = try await CaseRepository(db: deps.database.sql).find(id: listed.id) else {
                    break
                }
                do {
                    if let saved = try await recompute(row, calendar: calendar, actor: actor, now: now) {
                        moved.append(saved)
                    }
                    break
                } catch let error as DomainError where error.code == .concurrentChange && attempt < 5 {
                    continue
                }
            }
        }
        return moved
    }

    private func recompute(_ row: CaseRow, calendar: WorkingCalendar, actor: Actor, now: Date)
        async throws -> CaseRow?
    {
        guard let service = ServiceID(rawValue: row.service),
            let channel = Channel(rawValue: row.channel),
            let registered = CivilDate(iso: row.registeredOn), let current = CivilDate(iso: row.deadline),
            let term = deps.passports.versions(of: service).first(where: {
                $0.version == row.passportVersion
            })?.countableTerm
        else { return nil }
        let accepted = Instant.date(row.submittedAt).map { deps.localTime.local($0).date }
        let recomputed = try term.deadline(
            registeredOn: registered, channel: channel, calendar: calendar, acceptedOn: accepted)
        guard recomputed > current else { return nil }
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
            try await Notifier(db: db, ids: deps.ids, now: now).notify(
                .deadlineChanged, caseRow: saved, eventSeq: event.seq)
        }
        return saved
    }
}
