import BilimCore
import BilimStore
import Foundation

package struct MeetingInput: Sendable, Decodable {
    package struct Member: Sendable, Codable {
        package var person: String
        package var role: CommissionVote.Role
    }

    package var kind: CommissionKind
    /// The final meeting, whose recording (examination) or minutes (admission) is kept (003 §6).
    package var final: Bool
    package var heldOn: CivilDate
    package var members: [Member]
    package var present: [String]
    /// Where the audio or video recording, or the minutes, are archived.
    package var record: String
}

package struct DecisionInput: Sendable, Decodable {
    package struct Ballot: Sendable, Codable {
        package var person: String
        package var vote: CommissionVote.Vote
    }

    /// The recognition of a foreign education document, when that is what the admission commission decides (003 §62):
    /// whose document, the base it gives, and the grades of the compulsory and profile subjects the commission set.
    package struct Recognition: Sendable, Codable {
        package var applicantIIN: String
        package var base: EducationBase
        /// Grades by subject, `digits[.d[d]]` from 1 to 5.
        package var grades: [String: String]
    }

    package var subject: String
    package var votes: [Ballot]
    package var recognition: Recognition?
}

/// The admission and examination commissions' meetings and decisions (003 §6): a decision is taken only with a
/// quorum of two thirds of the members, by a majority of those present, the chair deciding a tie, the secretary not
/// voting; a decision that breaks these rules is refused and nothing is recorded.
package struct Commissions: Sendable {
    package let deps: ServiceDependencies

    package init(_ deps: ServiceDependencies) { self.deps = deps }

    func organization(_ actor: Actor) throws(DomainError) -> String {
        guard actor.role == .commissionMember || actor.role == .providerStaff, let org = actor.organizationId else { throw DomainError(.forbidden) }
        return org
    }

    package func meet(_ input: MeetingInput, by actor: Actor) async throws -> CommissionMeetingRow {
        let org = try organization(actor)
        let persons = input.members.map(\.person)
        guard !persons.isEmpty, !persons.contains(where: { $0.trimmingSpaces.isEmpty }), Set(persons).count == persons.count else {
            throw DomainError(.requestInvalid, field: "members", ["field": "members"])
        }
        guard input.members.filter({ $0.role == .chair }).count == 1 else {
            throw DomainError(.requestInvalid, field: "members", ["field": "members (one chair)"])
        }
        guard input.present.allSatisfy(persons.contains), Set(input.present).count == input.present.count else {
            throw DomainError(.requestInvalid, field: "present", ["field": "present"])
        }
        guard !input.record.trimmingSpaces.isEmpty else { throw DomainError(.fieldRequired, field: "record", ref: "003 §6") }
        // The record of a meeting that was held: not after today, and not before the oldest record still kept
        // (3 years, 003 §6). Any other date is refused here, before any term is counted from it.
        let today = deps.today
        let oldest = today.adding(months: -36)
        guard (oldest...today).contains(input.heldOn) else {
            throw DomainError(
                .dateOutOfRange, field: "heldOn", ["field": "heldOn", "value": input.heldOn.iso, "range": "\(oldest.iso) – \(today.iso)"])
        }
        let row = CommissionMeetingRow(
            id: deps.ids.make(), organizationId: org, kind: input.kind.rawValue, final: input.final ? 1 : 0, heldOn: input.heldOn.iso,
            members: String(decoding: try JSONEncoder().encode(input.members), as: UTF8.self),
            present: String(decoding: try JSONEncoder().encode(input.present), as: UTF8.self), recordRef: input.record,
            retainUntil: AdmissionSchedule.retainedUntil(held: input.heldOn, kind: input.kind, final: input.final).iso,
            createdBy: actor.userId, createdAt: Instant.text(deps.clock.now()))
        try await AdmissionOutcomeRepository(db: deps.database.sql).insert(row)
        return row
    }

    package func meeting(_ id: String, by actor: Actor) async throws -> CommissionMeetingRow {
        let org = try organization(actor)
        guard let m = try await AdmissionOutcomeRepository(db: deps.database.sql).meeting(id: id), m.organizationId == org else {
            throw DomainError(.pageNotFound)
        }
        return m
    }

    package func decide(_ meetingId: String, _ input: DecisionInput, by actor: Actor) async throws -> CommissionDecisionRow {
        let m = try await meeting(meetingId, by: actor)
        guard !input.subject.trimmingSpaces.isEmpty else { throw DomainError(.fieldRequired, field: "subject", ref: "003 §6") }
        let members = try JSONDecoder().decode([MeetingInput.Member].self, from: Data(m.members.utf8))
        let present = try JSONDecoder().decode([String].self, from: Data(m.present.utf8))
        let outcome = try CommissionVote.decide(
            seats: members.map { .init(person: $0.person, role: $0.role) }, present: Set(present),
            votes: input.votes.map { ($0.person, $0.vote) })
        let row = CommissionDecisionRow(
            id: deps.ids.make(), meetingId: m.id, subject: input.subject,
            votes: String(decoding: try JSONEncoder().encode(input.votes), as: UTF8.self), adopted: outcome.adopted ? 1 : 0,
            yes: outcome.yes, no: outcome.no, chairDecided: outcome.chairDecided ? 1 : 0, decidedBy: actor.userId,
            decidedAt: Instant.text(deps.clock.now()))
        let recognition = try input.recognition.map { try recognitionRow($0, decision: row.id, meeting: m) }
        try await deps.database.transaction { db in
            try await AdmissionOutcomeRepository(db: db).insert(row)
            if let recognition { try await RecognitionRepository(db: db).insert(recognition) }
        }
        return row
    }

    /// A recognition is the admission commission's (003 §62), of a person in the registry, with at least one grade,
    /// each from 1 to 5.
    func recognitionRow(_ r: DecisionInput.Recognition, decision: String, meeting m: CommissionMeetingRow) throws -> RecognitionRow {
        guard m.kind == CommissionKind.admission.rawValue else {
            throw DomainError(.requestInvalid, field: "recognition", ref: "003 §62", ["field": "recognition"])
        }
        let iin = try IIN(r.applicantIIN, today: deps.today)
        guard !r.grades.isEmpty, r.grades.count <= 40 else { throw DomainError(.fieldRequired, field: "recognition.grades", ref: "003 §62") }
        var grades: [String: Int] = [:]
        for (subject, text) in r.grades {
            let name = subject.trimmingSpaces
            guard !name.isEmpty, name.count <= 60 else {
                throw DomainError(.requestInvalid, field: "recognition.grades", ["field": "recognition.grades"])
            }
            do { grades[name] = try CompetitiveScore.mark(text) } catch {
                throw DomainError(.admissionScoreMalformed, field: "recognition.grades.\(name)", ref: "003 §54", ["value": String(text.prefix(20))])
            }
        }
        return RecognitionRow(
            decisionId: decision, organizationId: m.organizationId, applicantIin: iin.digits, base: r.base.rawValue,
            grades: String(decoding: Canonical.json(grades), as: UTF8.self), createdAt: Instant.text(deps.clock.now()))
    }

    package func decisions(_ meetingId: String, by actor: Actor) async throws -> [CommissionDecisionRow] {
        let m = try await meeting(meetingId, by: actor)
        return try await AdmissionOutcomeRepository(db: deps.database.sql).decisions(meetingId: m.id)
    }

    /// Removes the records whose retention has ended: a record is kept through its `retainUntil` day (003 §6).
    package func purgeExpired() async throws -> [String] {
        try await AdmissionOutcomeRepository(db: deps.database.sql).purgeMeetings(retainedBefore: deps.today.iso)
    }
}
