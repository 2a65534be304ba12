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
        /// The applicant's competitive score for this program, in hundredths (003 §54).
        package var score: Int
        package var scoreText: String
        /// For a full program: the lowest competitive score it admitted on an open place, in hundredths.
        package var lastAdmittedScore: Int?
        package var lastAdmittedScoreText: String?
    }

    package var applicant: String
    /// The score the applicant was admitted with: that of the admitted choice; nil when not admitted.
    package var score: Int?
    package var scoreText: String?
    package var admittedTo: String?
    package var admittedChoice: Int?
    package var choices: [Choice]

    package static func text(_ hundredths: Int) -> String {
        let f = hundredths % 100
        return "\(hundredths / 100).\(f < 10 ? "0" : "")\(f)"
    }

    /// The explanation for every applicant of a run, in input order.
    package static func all(_ instance: Allocation.Instance, _ result: Allocation.Result) -> [AllocationExplanation] {
        // Each program's admitted, best first in its own order, and of them the ones on open places (not out of
        // competition, not on a reserve of their category): the lowest of their scores for this program is the bar
        // an applicant without a reserve had to pass.
        let ranking = Allocation.Ranking(instance)
        var lowest = [Int?](repeating: nil, count: instance.programs.count)
        for (p, program) in instance.programs.enumerated() {
            let pairs = (Int(ranking.start[p])..<Int(ranking.start[p + 1])).map { Int(ranking.pairs[$0]) }
                .filter { result.assignments[Int(ranking.applicant[$0])] == Int32(p) }
            if pairs.isEmpty { continue }
            func applicant(_ pair: Int) -> Allocation.Applicant { instance.applicants[Int(ranking.applicant[pair])] }
            var free = program.seats - pairs.filter { applicant($0).outOfCompetition }.count
            var onReserve = Set<Int>()
            for q in program.quotas {
                var room = min(q.seats, max(0, free))
                for pair in pairs where room > 0 && !applicant(pair).outOfCompetition && applicant(pair).quota == q.category {
                    onReserve.insert(pair)
                    room -= 1
                    free -= 1
                }
            }
            lowest[p] = pairs.filter { !applicant($0).outOfCompetition && !onReserve.contains($0) }.map { ranking.score[$0] }.min()
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
                let own = applicant.score(forChoice: i)
                choices.append(
                    Choice(
                        rank: i + 1, program: instance.programs[Int(p)].id, outcome: outcome, score: own, scoreText: text(own),
                        lastAdmittedScore: last, lastAdmittedScoreText: last.map(text)))
            }
            let admittedScore = admittedChoice.map { applicant.score(forChoice: $0 - 1) }
            return AllocationExplanation(
                applicant: applicant.id, score: admittedScore, scoreText: admittedScore.map(text),
                admittedTo: held.map { instance.programs[Int($0)].id }, admittedChoice: admittedChoice, choices: choices)
        }
    }
}
