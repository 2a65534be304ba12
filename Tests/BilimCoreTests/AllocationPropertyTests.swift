import BilimCore
import Testing

/// Properties of the allocation on many random instances, checked against a second, deliberately naive reading of
/// spec/allocation.md: round-based deferred acceptance that recomputes every choice from scratch, and a rerun from
/// scratch after each group closed.
@Suite struct AllocationPropertyTests {
    /// Small instances with many ties, reserves, out-of-competition applicants and groups that do not form.
    static func small(_ seed: UInt64) -> Allocation.Instance {
        var rng = AllocationGenerator.Random(seed: seed)
        let categories = ["disability", "rural", "orphan"]
        let programCount = 1 + rng.below(6)
        var programs: [Allocation.Program] = []
        for i in 0..<programCount {
            let seats = 1 + rng.below(5)
            var quotas: [Allocation.Quota] = []
            var left = seats
            for c in [2, 0, 1].shuffled(using: &rng) where rng.chance(500) && left > 0 {
                let n = rng.below(left + 1)
                quotas.append(.init(category: c, seats: n))
                left -= n
            }
            programs.append(.init(id: "P\(programCount - i)", seats: seats, quotas: quotas, minGroupSize: rng.below(5)))
        }
        var applicants: [Allocation.Applicant] = []
        for i in 0..<rng.below(16) {
            var choices: [Int32] = []
            for _ in 0..<rng.below(5) {
                let p = Int32(rng.below(programCount))
                if !choices.contains(p) { choices.append(p) }
            }
            // Half the applicants score each choice on its own (003 §54); some of those have no score of their own.
            let scores = [300, 400, 450, 450]
            let perChoice = rng.chance(500)
            let own: [Int?] = choices.map { _ in perChoice && rng.chance(700) ? scores[rng.below(4)] : nil }
            let mine: Int? = own.allSatisfy({ $0 != nil }) && rng.chance(500) ? nil : scores[rng.below(4)]
            applicants.append(
                .init(
                    id: ["a\(i)", "A\(i)", "a\(i)0"][rng.below(3)], score: mine,
                    documentAverage: [400, 450][rng.below(2)], quota: rng.chance(400) ? rng.below(categories.count) : nil,
                    outOfCompetition: rng.chance(100), choices: choices, choiceScores: own))
        }
        // Ids must be distinct.
        var seen = Set<String>()
        applicants = applicants.filter { seen.insert($0.id).inserted }
        return Allocation.Instance(categories: categories, programs: programs, applicants: applicants)
    }

    // MARK: The naive reading

    /// Program `p`'s priority: the score compared is each applicant's score for `p`.
    static func before(_ a: Allocation.Applicant, _ b: Allocation.Applicant, for p: Int32) -> Bool {
        if a.outOfCompetition != b.outOfCompetition { return a.outOfCompetition }
        let sa = a.score(for: p) ?? -1
        let sb = b.score(for: p) ?? -1
        if sa != sb { return sa > sb }
        if a.documentAverage != b.documentAverage { return a.documentAverage > b.documentAverage }
        if (a.quota != nil) != (b.quota != nil) { return a.quota != nil }
        return Array(a.id.utf8).lexicographicallyPrecedes(Array(b.id.utf8))
    }

    /// The choice rule, step by step as the spec words it.
    static func choose(_ instance: Allocation.Instance, _ p: Int, from candidates: [Int]) -> Set<Int> {
        let program = instance.programs[p]
        let applicants = instance.applicants
        let ordered = candidates.sorted { before(applicants[$0], applicants[$1], for: Int32(p)) }
        var taken = Set<Int>()
        var free = program.seats
        for a in ordered where applicants[a].outOfCompetition && free > 0 {
            taken.insert(a)
            free -= 1
        }
        for quota in program.quotas {
            var room = min(quota.seats, free)
            for a in ordered where room > 0 && !taken.contains(a) && !applicants[a].outOfCompetition && applicants[a].quota == quota.category {
                taken.insert(a)
                room -= 1
                free -= 1
            }
        }
        for a in ordered where free > 0 && !taken.contains(a) && !applicants[a].outOfCompetition {
            taken.insert(a)
            free -= 1
        }
        return taken
    }

    static func deferredAcceptance(_ instance: Allocation.Instance, closed: Set<Int>) -> [Int?] {
        let applicants = instance.applicants
        var next = [Int](repeating: 0, count: applicants.count)
        var held = [Set<Int>](repeating: [], count: instance.programs.count)
        var at = [Int?](repeating: nil, count: applicants.count)
        while true {
            var proposals = [[Int]](repeating: [], count: instance.programs.count)
            var any = false
            for a in applicants.indices where at[a] == nil {
                while next[a] < applicants[a].choices.count, closed.contains(Int(applicants[a].choices[next[a]])) { next[a] += 1 }
                guard next[a] < applicants[a].choices.count else { continue }
                proposals[Int(applicants[a].choices[next[a]])].append(a)
                next[a] += 1
                any = true
            }
            if !any { return at }
            for p in instance.programs.indices where !proposals[p].isEmpty {
                let keep = choose(instance, p, from: Array(held[p]) + proposals[p])
                for a in held[p].union(proposals[p]) { at[a] = keep.contains(a) ? p : nil }
                held[p] = keep
            }
        }
    }

    static func reference(_ instance: Allocation.Instance) -> (assignments: [Int?], closed: [Int]) {
        var closed: [Int] = []
        while true {
            let at = deferredAcceptance(instance, closed: Set(closed))
            var counts = [Int](repeating: 0, count: instance.programs.count)
            for p in at.compactMap({ $0 }) { counts[p] += 1 }
            let under = instance.programs.indices.filter {
                !closed.contains($0) && counts[$0] > 0 && counts[$0] < instance.programs[$0].minGroupSize
            }
            guard let close = under.min(by: { x, y in
                counts[x] != counts[y]
                    ? counts[x] < counts[y] : Array(instance.programs[x].id.utf8).lexicographicallyPrecedes(Array(instance.programs[y].id.utf8))
            }) else { return (at, closed) }
            closed.append(close)
        }
    }

    // MARK: Properties

    @Test("the same result as the naive reading, on 400 small instances full of ties, reserves and groups that do not form", arguments: 0..<400)
    func matchesReference(_ seed: Int) {
        let instance = Self.small(UInt64(seed))
        let result = Allocation.run(instance)
        let reference = Self.reference(instance)
        #expect(result.assignments.map { $0.map(Int.init) } == reference.assignments, "seed \(seed)")
        #expect(result.closed.map(Int.init) == reference.closed, "seed \(seed)")
    }

    @Test("the same result when scores and averages are too large to pack into the run's integer key", arguments: 0..<100)
    func matchesReferenceUnpacked(_ seed: Int) {
        var instance = Self.small(UInt64(seed))
        // Scaled by 1,000, every score and average passes 2^16 hundredths: the engine then orders by the full
        // comparison (`Ranking`), and the order, so the result, must not change.
        instance.applicants = instance.applicants.map { a in
            var a = a
            a.score = a.score.map { $0 * 1000 }
            a.documentAverage *= 1000
            a.choiceScores = a.choiceScores.map { $0.map { $0 * 1000 } }
            return a
        }
        if !instance.applicants.isEmpty { #expect(Allocation.Ranking.keys(Allocation.Flat(instance)) == nil) }
        let result = Allocation.run(instance)
        let reference = Self.reference(instance)
        #expect(result.assignments.map { $0.map(Int.init) } == reference.assignments, "seed \(seed)")
        #expect(result.closed.map(Int.init) == reference.closed, "seed \(seed)")
    }

    static func checkInvariants(_ instance: Allocation.Instance, _ result: Allocation.Result) {
        var held = [[Int]](repeating: [], count: instance.programs.count)
        for (a, p) in result.assignments.enumerated() {
            guard let p else { continue }
            #expect(instance.applicants[a].choices.contains(p), "assigned to a program not chosen")
            held[Int(p)].append(a)
        }
        let closed = Set(result.closed.map(Int.init))
        for (p, program) in instance.programs.enumerated() {
            let outcome = result.programs[p]
            // Capacity is never exceeded, and the outcome agrees with the assignments.
            #expect(held[p].count <= program.seats)
            #expect(outcome.admitted == held[p].count && outcome.freeSeats == program.seats - held[p].count)
            switch outcome.status {
            case .notFormed: #expect(closed.contains(p) && held[p].isEmpty)
            case .empty: #expect(!closed.contains(p) && held[p].isEmpty)
            // No open group is under its minimum.
            case .formed: #expect(!closed.contains(p) && held[p].count >= max(1, program.minGroupSize))
            }
        }
        // No blocking pair: nobody is chosen by an open program they prefer to where they are.
        for (a, applicant) in instance.applicants.enumerated() {
            for p in applicant.choices {
                if let mine = result.assignments[a], mine == p { break }
                if closed.contains(Int(p)) { continue }
                let chosen = choose(instance, Int(p), from: held[Int(p)] + [a])
                #expect(!chosen.contains(a), "\(applicant.id) and \(instance.programs[Int(p)].id) block")
            }
        }
    }

    @Test("capacity never exceeded, no blocking pair, no open group under its minimum", arguments: 0..<200)
    func invariantsSmall(_ seed: Int) {
        let instance = Self.small(UInt64(10_000 + seed))
        Self.checkInvariants(instance, Allocation.run(instance))
    }

    @Test("the same properties on generated regional instances", arguments: [1, 2, 3, 4, 5] as [UInt64])
    func invariantsGenerated(_ seed: UInt64) {
        let instance = AllocationGenerator(applicants: 3000, programs: 200, regions: 4, seed: seed).make()
        Self.checkInvariants(instance, Allocation.run(instance))
    }

    @Test("the result does not depend on the order of the input", arguments: [1, 2, 3] as [UInt64])
    func shuffled(_ seed: UInt64) {
        let instance = AllocationGenerator(applicants: 3000, programs: 200, regions: 4, seed: seed).make()
        var rng = AllocationGenerator.Random(seed: seed * 7919)
        let programOrder = instance.programs.indices.shuffled(using: &rng)
        var newIndex = [Int32](repeating: 0, count: programOrder.count)
        for (i, p) in programOrder.enumerated() { newIndex[p] = Int32(i) }
        var applicants = instance.applicants.shuffled(using: &rng)
        for i in applicants.indices { applicants[i].choices = applicants[i].choices.map { newIndex[Int($0)] } }
        let other = Allocation.Instance(categories: instance.categories, programs: programOrder.map { instance.programs[$0] }, applicants: applicants)
        func byId(_ i: Allocation.Instance, _ r: Allocation.Result) -> [String: String] {
            var out: [String: String] = [:]
            for (a, p) in r.assignments.enumerated() { out[i.applicants[a].id] = p.map { i.programs[Int($0)].id } ?? "-" }
            return out
        }
        let first = Allocation.run(instance)
        let second = Allocation.run(other)
        #expect(byId(instance, first) == byId(other, second))
        #expect(first.closed.map { instance.programs[Int($0)].id } == second.closed.map { other.programs[Int($0)].id })
    }
}

extension AllocationGenerator.Random: RandomNumberGenerator {}
