/// A national-scale admission instance for the benchmark and the property tests: programs in regions with
/// realistic seats, minimum group sizes and quotas (spec/quotas.md shares), applicants choosing up to four programs
/// of their region with popular programs chosen more often, scores that tie often. Deterministic for a seed.
package struct AllocationGenerator: Sendable {
    package var applicants: Int
    package var programs: Int
    package var regions: Int
    package var seed: UInt64

    package init(applicants: Int, programs: Int, regions: Int = 20, seed: UInt64 = 1) {
        self.applicants = applicants
        self.programs = programs
        self.regions = max(1, regions)
        self.seed = seed
    }

    /// The quota shares of spec/quotas.md, in thousandths, in its order; `rural` applies only to rural programs.
    package static let quotaShares: [(code: String, permille: Int)] = [
        ("disability", 100), ("veteran", 5), ("rural", 350), ("kandas", 40), ("orphan", 10), ("disabled_family", 50),
        ("large_family", 50), ("single_parent", 10), ("conscript", 10),
    ]

    /// A small, fast, deterministic generator (SplitMix64).
    package struct Random: Sendable {
        var state: UInt64
        package init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

        package mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        package mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
        package mutating func chance(_ permille: Int) -> Bool { below(1000) < permille }
    }

    package func make() -> Allocation.Instance {
        var rng = Random(seed: seed)
        let categories = Self.quotaShares.map(\.code)
        let rural = 2  // index of "rural"
        var programs: [Allocation.Program] = []
        programs.reserveCapacity(self.programs)
        var regionPrograms = [[Int32]](repeating: [], count: regions)
        for i in 0..<self.programs {
            // Most groups have 15 to 30 places; some are small and can never form; a tenth are exempt (arts, health).
            let seats = rng.chance(80) ? 3 + rng.below(10) : 15 + rng.below(16)
            let isRural = rng.chance(300)
            let exempt = rng.chance(100)
            var quotas: [Allocation.Quota] = []
            for (c, share) in Self.quotaShares.enumerated() where c != rural || isRural {
                let reserved = seats * share.permille / 1000
                if reserved > 0 { quotas.append(.init(category: c, seats: reserved)) }
            }
            programs.append(.init(id: "P\(i + 1)", seats: seats, quotas: quotas, minGroupSize: exempt ? 0 : 15))
            regionPrograms[i % regions].append(Int32(i))
        }
        var applicants: [Allocation.Applicant] = []
        applicants.reserveCapacity(self.applicants)
        for i in 0..<self.applicants {
            let region = regionPrograms[rng.below(regions)]
            // Grades 3 to 5 in five subjects, and in twelve for the document: averages that tie often.
            var subjects = 0
            for _ in 0..<5 { subjects += 3 + rng.below(3) }
            var all = subjects
            for _ in 0..<7 { all += 3 + rng.below(3) }
            let score = (subjects * 100 * 2 + 5) / 10
            let average = (all * 100 * 2 + 12) / 24
            let quota: Int? = rng.chance(150) ? rng.below(categories.count) : nil
            let ooc = rng.chance(10)
            let wanted = 4
            var choices: [Int32] = []
            while choices.count < min(wanted, region.count) {
                // Popular programs more often: the square of a uniform index favours the start of the list.
                let u = rng.below(1 << 16)
                let p = region[(((u * u) >> 16) * region.count) >> 16]
                if !choices.contains(p) { choices.append(p) }
            }
            // About half the applicants carry a score for each choice (its own subjects and exams, 003 §54), the
            // others one score for all.
            if rng.chance(500) {
                let own = choices.map { _ in min(500, max(100, score + rng.below(101) - 50)) }
                applicants.append(
                    .init(id: "A\(i + 1)", score: nil, documentAverage: average, quota: quota, outOfCompetition: ooc, choices: choices, choiceScores: own))
            } else {
                applicants.append(
                    .init(id: "A\(i + 1)", score: score, documentAverage: average, quota: quota, outOfCompetition: ooc, choices: choices))
            }
        }
        return Allocation.Instance(categories: categories, programs: programs, applicants: applicants)
    }
}
