/// A decision of an admission or examination commission (003 §6): valid only with at least two thirds of the members
/// present; taken by a majority of the members present; on a tie the chair's vote decides; the secretary is not a
/// member and does not vote.
package enum CommissionVote {
    package enum Role: String, Sendable, Hashable, Codable {
        case chair
        case member
        case secretary
    }

    package enum Vote: String, Sendable, Hashable, Codable {
        case yes
        case no
        case abstain
    }

    package struct Seat: Sendable, Hashable {
        package var person: String
        package var role: Role

        package init(person: String, role: Role) {
            self.person = person
            self.role = role
        }
    }

    package struct Outcome: Sendable, Hashable {
        package var adopted: Bool
        package var yes: Int
        package var no: Int
        package var present: Int
        package var members: Int
        /// The chair's vote decided a tie.
        package var chairDecided: Bool
    }

    /// The members who count for the quorum and vote: everyone but the secretary.
    package static func quorum(members: Int) -> Int { (2 * members + 2) / 3 }

    /// Decides, or refuses a decision that breaks the rules.
    package static func decide(seats: [Seat], present: Set<String>, votes: [(person: String, vote: Vote)]) throws(DomainError)
        -> Outcome
    {
        let voting = seats.filter { $0.role != .secretary }
        let roles = Dictionary(seats.map { ($0.person, $0.role) }, uniquingKeysWith: { a, _ in a })
        let presentMembers = voting.filter { present.contains($0.person) }.count
        let required = quorum(members: voting.count)
        guard presentMembers >= required, presentMembers > 0 else {
            throw DomainError(.commissionNoQuorum, field: "present", ref: "003 §6", ["present": String(presentMembers), "required": String(required)])
        }
        var seen = Set<String>()
        var yes = 0
        var no = 0
        var chair: Vote?
        for v in votes {
            guard let role = roles[v.person] else { throw DomainError(.commissionNotPresent, field: "votes", ref: "003 §6") }
            guard role != .secretary else { throw DomainError(.commissionSecretaryVotes, field: "votes", ref: "003 §6") }
            guard present.contains(v.person) else { throw DomainError(.commissionNotPresent, field: "votes", ref: "003 §6") }
            guard seen.insert(v.person).inserted else { throw DomainError(.commissionVoteRepeated, field: "votes", ref: "003 §6") }
            switch v.vote {
            case .yes: yes += 1
            case .no: no += 1
            case .abstain: break
            }
            if role == .chair { chair = v.vote }
        }
        if yes != no {
            // A majority of the members present.
            return Outcome(adopted: 2 * yes > presentMembers, yes: yes, no: no, present: presentMembers, members: voting.count, chairDecided: false)
        }
        guard let chair, chair != .abstain else { throw DomainError(.commissionTieWithoutChair, field: "votes", ref: "003 §6") }
        return Outcome(adopted: chair == .yes, yes: yes, no: no, present: presentMembers, members: voting.count, chairDecided: true)
    }
}
