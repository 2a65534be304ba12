/// Why an applicant got what they got, choice by choice: "admitted to your 2nd choice; your 1st choice's last admitted
/// score was 4.61". Derived from the instance and its result only, so that a stored run explains itself.
package struct AllocationExplanation: Sendable, Hashable, Codable {
    package struct Choice: Sendable, Hashable, Codable {
        package enum Outcome: String, Sendable, Hashable, Codable {
            /// The applicant holds this program.
            case admitted
            /// Admitted to a choice above this one: never reached.
            case notReached
            /// The group did not form (003 §63).
            case notFormed
            /// Full with applicants of higher priority.
            case full
        }

        package var rank: Int
        package var program: String
        package var outcome: Outcome
        /// For a full program: the lowest competitive score it admitted on an open place, in hundredths.
        package var lastAdmittedScore: Int?
        package var lastAdmittedScoreText: String?
    }

    package var applicant: String
    package var score: Int
    package var scoreText: String
    package var admittedTo: String?
    package var admittedChoice: Int?
    package var choices: [Choice]

    package static func text(_ hundredths: Int) -> String {
        let f = hundredths % 100
        return "\(hundredths / 100).\(f < 10 ? "0" : "")\(f)"
    }

    /// The explanation for every applicant of a run, in input order.
    package static func all(_ instance: Allocation.Instance, _ result: Allocation.Result) -> [AllocationExplanation] {
        // Each program's admitted, best first, and of them the ones on open places (not out of competition, not on
        // a reserve of their category): the lowest open score is the bar an applicant without a reserve had to pass.
        let order = Allocation.priorityOrder(instance.applicants)
        var admitted = [[Int]](repeating: [], count: instance.programs.count)
        for a in order where result.assignments[Int(a)] != nil { admitted[Int(result.assignments[Int(a)]!)].append(Int(a)) }
        var lowest = [Int?](repeating: nil, count: instance.programs.count)
        for (p, list) in admitted.enumerated() where !list.isEmpty {
            let program = instance.programs[p]
            var free = program.seats - list.filter { instance.applicants[$0].outOfCompetition }.count
            var onReserve = Set<Int>()
            for q in program.quotas {
                var room = min(q.seats, max(0, free))
                for a in list where room > 0 && !instance.applicants[a].outOfCompetition && instance.applicants[a].quota == q.category {
                    onReserve.insert(a)
                    room -= 1
                    free -= 1
                }
            }
            lowest[p] = list.filter { !instance.applicants[$0].outOfCompetition && !onReserve.contains($0) }.map { instance.applicants[$0].score }.min()
        }
        return instance.applicants.enumerated().map { a, applicant in
            let held = result.assignments[a]
            var reached = true
            var choices: [Choice] = []
            var admittedChoice: Int?
            for (i, p) in applicant.choices.enumerated() {
                let outcome: Choice.Outcome
                var last: Int?
                if !reached {
                    outcome = .notReached
                } else if held == p {
                    outcome = .admitted
                    admittedChoice = i + 1
                    reached = false
                } else if result.programs[Int(p)].status == .notFormed {
                    outcome = .notFormed
                } else {
                    outcome = .full
                    last = lowest[Int(p)]
                }
                choices.append(
                    Choice(
                        rank: i + 1, program: instance.programs[Int(p)].id, outcome: outcome, lastAdmittedScore: last,
                        lastAdmittedScoreText: last.map(text)))
            }
            return AllocationExplanation(
                applicant: applicant.id, score: applicant.score, scoreText: text(applicant.score),
                admittedTo: held.map { instance.programs[Int($0)].id }, admittedChoice: admittedChoice, choices: choices)
        }
    }
}
