/// The TVET admission competition, exactly as `spec/allocation.md` fixes it (003 §54) (003 §55) (003 §61) (003 §63):
/// applicant-proposing deferred acceptance with the "reserved seats first, then open seats" choice rule, then groups
/// that do not form closed one at a time. Deterministic; no I/O.
package enum Allocation {
    /// A competition group funded by the state order.
    package struct Program: Sendable, Hashable {
        package var id: String
        package var seats: Int
        /// Reserved places per quota category (an index into `Instance.categories`), in the program's listed order.
        package var quotas: [Quota]
        package var minGroupSize: Int

        package init(id: String, seats: Int, quotas: [Quota] = [], minGroupSize: Int = 15) {
            self.id = id
            self.seats = seats
            self.quotas = quotas
            self.minGroupSize = minGroupSize
        }
    }

    package struct Quota: Sendable, Hashable {
        package var category: Int
        package var seats: Int

        package init(category: Int, seats: Int) {
            self.category = category
            self.seats = seats
        }
    }

    package struct Applicant: Sendable, Hashable {
        package var id: String
        /// The applicant's competitive score, in hundredths, for every choice that gives none of its own; optional.
        package var score: Int?
        /// The average of all grades of the education document, in hundredths.
        package var documentAverage: Int
        /// The quota category (an index into `Instance.categories`), if any.
        package var quota: Int?
        package var outOfCompetition: Bool
        /// Program indices, most wanted first, distinct.
        package var choices: [Int32]
        /// Each choice's own competitive score, in hundredths (003 §54: the score belongs to the pair applicant ×
        /// program), or nil where the applicant's `score` serves. As long as `choices`.
        package var choiceScores: [Int?]

        package init(
            id: String, score: Int?, documentAverage: Int, quota: Int? = nil, outOfCompetition: Bool = false, choices: [Int32],
            choiceScores: [Int?] = []
        ) {
            self.id = id
            self.score = score
            self.documentAverage = documentAverage
            self.quota = quota
            self.outOfCompetition = outOfCompetition
            self.choices = choices
            self.choiceScores = choices.indices.map { $0 < choiceScores.count ? choiceScores[$0] : nil }
        }

        /// The competitive score for the `j`-th choice: its own, else the applicant's (a valid instance has one).
        @inline(__always) package func score(forChoice j: Int) -> Int { choiceScores[j] ?? score ?? 0 }

        /// The competitive score for a program among the choices.
        package func score(for program: Int32) -> Int? { choices.firstIndex(of: program).map(score(forChoice:)) }
    }

    package struct Instance: Sendable, Hashable {
        package var categories: [String]
        package var programs: [Program]
        package var applicants: [Applicant]

        package init(categories: [String], programs: [Program], applicants: [Applicant]) {
            self.categories = categories
            self.programs = programs
            self.applicants = applicants
        }
    }

    package enum Status: String, Sendable, Hashable, Codable {
        case formed
        case notFormed
        case empty
    }

    package struct ProgramOutcome: Sendable, Hashable {
        package var status: Status
        package var admitted: Int
        package var freeSeats: Int

        package init(status: Status, admitted: Int, freeSeats: Int) {
            self.status = status
            self.admitted = admitted
            self.freeSeats = freeSeats
        }
    }

    package struct Result: Sendable, Hashable {
        /// Per applicant (input order): the program index admitted to, or nil.
        package var assignments: [Int32?]
        /// Per program (input order).
        package var programs: [ProgramOutcome]
        /// Programs closed for not forming a group, in the order they were closed.
        package var closed: [Int32]
    }

    /// Every program's order of the applicants who chose it, best first (allocation.md "Priority inside a program"):
    /// out of competition first, then the higher score *for this program*, the higher document average, a quota
    /// category before none, the smaller id by UTF-8 bytes. Built once, flat: a program's choosers are one slice.
    package struct Ranking: Sendable {
        /// Program `p`'s choosers are `pairs[start[p] ..< start[p + 1]]`, best first; a pair is an index into the
        /// applicants' choices laid end to end.
        package let start: [Int32]
        package let pairs: [Int32]
        /// Per pair: its applicant, its program, its competitive score (hundredths) and its rank in its program's
        /// order.
        package let applicant: [Int32]
        package let program: [Int32]
        package let score: [Int]
        package let rank: [Int32]
        /// Applicant `a`'s choices are the pairs `choiceStart[a] ..< choiceStart[a + 1]`.
        package let choiceStart: [Int32]

        package init(_ instance: Instance) {
            let m = instance.programs.count
            let n = instance.applicants.count
            // The applicants' fields the order needs, laid out flat (no applicant value is copied while sorting).
            var average = [Int](repeating: 0, count: n)
            var hasQuota = [Bool](repeating: false, count: n)
            var ooc = [Bool](repeating: false, count: n)
            var ids = [String]()
            ids.reserveCapacity(n)
            var choiceStart = [Int32](repeating: 0, count: n + 1)
            var count = [Int32](repeating: 0, count: m + 1)
            for (a, applicant) in instance.applicants.enumerated() {
                average[a] = applicant.documentAverage
                hasQuota[a] = applicant.quota != nil
                ooc[a] = applicant.outOfCompetition
                ids.append(applicant.id)
                choiceStart[a + 1] = choiceStart[a] + Int32(applicant.choices.count)
                for p in applicant.choices { count[Int(p) + 1] += 1 }
            }
            // The tie rank: everything of the key but out-of-competition and the score, which are per applicant and
            // per pair.
            var byTie = (0..<Int32(n)).map { $0 }
            byTie.sort { x, y in
                let a = Int(x)
                let b = Int(y)
                if average[a] != average[b] { return average[a] > average[b] }
                if hasQuota[a] != hasQuota[b] { return hasQuota[a] }
                return ids[a].utf8.lexicographicallyPrecedes(ids[b].utf8)
            }
            var tie = [Int32](repeating: 0, count: n)
            for (r, a) in byTie.enumerated() { tie[Int(a)] = Int32(r) }
            var start = [Int32](repeating: 0, count: m + 1)
            for p in 0..<m { start[p + 1] = start[p] + count[p + 1] }
            let total = Int(choiceStart[n])
            var pairs = [Int32](repeating: 0, count: total)
            var applicantOf = [Int32](repeating: 0, count: total)
            var programOf = [Int32](repeating: 0, count: total)
            var score = [Int](repeating: 0, count: total)
            var fill = start
            var packable = true
            for (a, applicant) in instance.applicants.enumerated() {
                for (j, p) in applicant.choices.enumerated() {
                    let pair = Int(choiceStart[a]) + j
                    applicantOf[pair] = Int32(a)
                    programOf[pair] = p
                    let s = applicant.score(forChoice: j)
                    if s < 0 || s >= 1 << 30 { packable = false }
                    score[pair] = s
                    pairs[Int(fill[Int(p)])] = Int32(pair)
                    fill[Int(p)] += 1
                }
            }
            // Each program's choosers in its order. With scores below 2^30 hundredths (always, for real ones) the
            // whole key packs into one integer: out of competition, the score for this program, the tie rank.
            func key(_ pair: Int32) -> UInt64 {
                let a = Int(applicantOf[Int(pair)])
                return (ooc[a] ? 0 : 1) << 62 | UInt64((1 << 30) - 1 - score[Int(pair)]) << 31 | UInt64(tie[a])
            }
            var rank = [Int32](repeating: 0, count: total)
            var keyed: [(UInt64, Int32)] = []
            for p in 0..<m {
                let lo = Int(start[p])
                let hi = Int(start[p + 1])
                if hi - lo > 1 {
                    if packable {
                        keyed.removeAll(keepingCapacity: true)
                        for i in lo..<hi { keyed.append((key(pairs[i]), pairs[i])) }
                        keyed.sort { $0.0 < $1.0 }
                        for (i, k) in keyed.enumerated() { pairs[lo + i] = k.1 }
                    } else {
                        pairs[lo..<hi].sort { x, y in
                            let a = Int(applicantOf[Int(x)])
                            let b = Int(applicantOf[Int(y)])
                            if ooc[a] != ooc[b] { return ooc[a] }
                            if score[Int(x)] != score[Int(y)] { return score[Int(x)] > score[Int(y)] }
                            return tie[a] < tie[b]
                        }
                    }
                }
                for i in lo..<hi { rank[Int(pairs[i])] = Int32(i - lo) }
            }
            self.start = start
            self.pairs = pairs
            self.applicant = applicantOf
            self.program = programOf
            self.score = score
            self.rank = rank
            self.choiceStart = choiceStart
        }

        /// Program `p`'s choosers, best first, as applicant indices.
        package func order(of p: Int) -> [Int32] {
            (Int(start[p])..<Int(start[p + 1])).map { applicant[Int(pairs[$0])] }
        }

        /// The applicant holding rank `r` in program `p`'s order.
        @inline(__always) func applicant(_ p: Int, rank r: Int32) -> Int32 { applicant[Int(pairs[Int(start[p]) + Int(r)])] }
    }

    /// Runs the competition. The instance is assumed valid (see `AllocationInput` for the checks).
    package static func run(_ instance: Instance) -> Result {
        var engine = Engine(instance)
        engine.propose()
        engine.closeGroupsThatDoNotForm()
        return engine.result()
    }

    /// The deferred-acceptance state. A program holds its applicants by their rank in its own order (`Ranking`), so
    /// that a held list sorted by rank is sorted by that program's priority.
    struct Engine {
        let programs: [Program]
        let ranking: Ranking
        /// Per applicant.
        let ooc: [Bool]
        let category: [Int32]
        var next: [Int32]
        var holder: [Int32]
        /// Per program: the ranks held, ascending.
        var held: [[Int32]]
        var oocCount: [Int32]
        /// Per program and listed quota: how many non-out-of-competition holders of that category it holds.
        var quotaCount: [[Int32]]
        var closed: [Bool]
        var closedOrder: [Int32] = []
        var dirty: [Int32] = []
        var isDirty: [Bool]
        /// Applicants with no program held and choices left.
        var free: [Int32] = []
        /// The programs' order by id bytes, for the closing tie-break.
        let idOrder: [Int32]

        init(_ instance: Instance) {
            let programs = instance.programs
            self.programs = programs
            ranking = Ranking(instance)
            let n = instance.applicants.count
            ooc = instance.applicants.map(\.outOfCompetition)
            category = instance.applicants.map { $0.quota.map(Int32.init) ?? -1 }
            next = [Int32](repeating: 0, count: n)
            holder = [Int32](repeating: -1, count: n)
            let m = programs.count
            held = [[Int32]](repeating: [], count: m)
            oocCount = [Int32](repeating: 0, count: m)
            quotaCount = programs.map { [Int32](repeating: 0, count: $0.quotas.count) }
            closed = [Bool](repeating: false, count: m)
            isDirty = [Bool](repeating: false, count: m)
            var byId = (0..<Int32(m)).map { $0 }
            byId.sort { programs[Int($0)].id.utf8.lexicographicallyPrecedes(programs[Int($1)].id.utf8) }
            var idOrder = [Int32](repeating: 0, count: m)
            for (i, p) in byId.enumerated() { idOrder[Int(p)] = Int32(i) }
            self.idOrder = idOrder
            // Everyone proposes (the result does not depend on the order).
            free = (0..<Int32(n)).reversed().map { $0 }
        }

        /// The index of a program's listed quota for this applicant's category, or -1.
        @inline(__always) func quotaSlot(_ p: Int, _ rank: Int) -> Int {
            let c = category[Int(ranking.applicant(p, rank: Int32(rank)))]
            if c < 0 { return -1 }
            let q = programs[p].quotas
            for i in 0..<q.count where q[i].category == Int(c) { return i }
            return -1
        }

        mutating func add(_ p: Int, _ rank: Int32) {
            var list = held[p]
            held[p] = []
            // Binary search for the insertion point: lists are sorted by rank.
            var lo = 0
            var hi = list.count
            while lo < hi {
                let mid = (lo + hi) >> 1
                if list[mid] < rank { lo = mid + 1 } else { hi = mid }
            }
            list.insert(rank, at: lo)
            held[p] = list
            let a = Int(ranking.applicant(p, rank: rank))
            holder[a] = Int32(p)
            if ooc[a] {
                oocCount[p] += 1
            } else {
                let slot = quotaSlot(p, Int(rank))
                if slot >= 0 { quotaCount[p][slot] += 1 }
            }
        }

        /// Takes the applicant at `index` of the held list out; returns the applicant.
        mutating func remove(_ p: Int, at index: Int) -> Int32 {
            let rank = held[p].remove(at: index)
            let a = ranking.applicant(p, rank: rank)
            holder[Int(a)] = -1
            if ooc[Int(a)] {
                oocCount[p] -= 1
            } else {
                let slot = quotaSlot(p, Int(rank))
                if slot >= 0 { quotaCount[p][slot] -= 1 }
            }
            return a
        }

        /// With one applicant more than seats held, the one the choice rule leaves out: the lowest in priority among
        /// those not taken as out-of-competition (step 1) or for a reserved place (step 2).
        func rejectedIndex(_ p: Int) -> Int {
            let program = programs[p]
            let list = held[p]
            let seats = program.seats
            let oocHeld = Int(oocCount[p])
            if oocHeld > seats { return list.count - 1 }  // all out of competition: the last one
            var freeSeats = seats - oocHeld
            let quotas = program.quotas
            var take = [Int](repeating: 0, count: quotas.count)
            for i in 0..<quotas.count {
                let t = min(quotas[i].seats, Int(quotaCount[p][i]), freeSeats)
                take[i] = t
                freeSeats -= t
            }
            var below = [Int](repeating: 0, count: quotas.count)
            var i = list.count - 1
            while i >= 0 {
                let rank = Int(list[i])
                if !ooc[Int(ranking.applicant(p, rank: list[i]))] {
                    let slot = quotaSlot(p, rank)
                    if slot < 0 { return i }
                    // Its place among the program's holders of its category, best first.
                    let position = Int(quotaCount[p][slot]) - 1 - below[slot]
                    below[slot] += 1
                    if position >= take[slot] { return i }
                }
                i -= 1
            }
            return list.count - 1  // unreachable for a valid instance: steps 1 and 2 take at most `seats`
        }

        mutating func touch(_ p: Int) {
            if !isDirty[p] {
                isDirty[p] = true
                dirty.append(Int32(p))
            }
        }

        /// Deferred acceptance until no free applicant has a program left to propose to.
        mutating func propose() {
            while let applicant = free.popLast() {
                let a = Int(applicant)
                let first = Int(ranking.choiceStart[a])
                let count = Int(ranking.choiceStart[a + 1]) - first
                while Int(next[a]) < count {
                    let pair = first + Int(next[a])
                    let p = Int(ranking.program[pair])
                    next[a] += 1
                    if closed[p] { continue }
                    add(p, ranking.rank[pair])
                    if held[p].count > programs[p].seats {
                        let out = remove(p, at: rejectedIndex(p))
                        if out != applicant { free.append(out) }
                        if out == applicant { continue }
                    } else {
                        touch(p)
                    }
                    break
                }
            }
        }

        /// (003 §63): a program with 0 < admitted < minimum closes, one at a time, fewest admitted first (then the
        /// smaller id); its applicants go on to their next choices.
        mutating func closeGroupsThatDoNotForm() {
            var heap = ClosingHeap()
            for p in 0..<programs.count { consider(p, &heap) }
            dirty.removeAll()
            for p in 0..<programs.count { isDirty[p] = false }
            while let (count, p32) = heap.pop() {
                let p = Int(p32)
                if closed[p] || held[p].count != Int(count) { continue }
                closed[p] = true
                closedOrder.append(p32)
                for rank in held[p] {
                    let a = ranking.applicant(p, rank: rank)
                    holder[Int(a)] = -1
                    free.append(a)
                }
                held[p] = []
                oocCount[p] = 0
                for i in 0..<quotaCount[p].count { quotaCount[p][i] = 0 }
                free.reverse()  // any order gives the same result
                propose()
                for q in dirty {
                    isDirty[Int(q)] = false
                    consider(Int(q), &heap)
                }
                dirty.removeAll()
            }
        }

        func consider(_ p: Int, _ heap: inout ClosingHeap) {
            let count = held[p].count
            if !closed[p], count > 0, count < programs[p].minGroupSize {
                heap.push(count: Int32(count), program: Int32(p), idOrder: idOrder[p])
            }
        }

        func result() -> Result {
            let assignments = holder.map { $0 >= 0 ? $0 : nil }
            let outcomes = programs.indices.map { p -> ProgramOutcome in
                if closed[p] { return ProgramOutcome(status: .notFormed, admitted: 0, freeSeats: programs[p].seats) }
                let n = held[p].count
                return ProgramOutcome(status: n == 0 ? .empty : .formed, admitted: n, freeSeats: programs[p].seats - n)
            }
            return Result(assignments: assignments, programs: outcomes, closed: closedOrder)
        }
    }

    /// A binary min-heap of (admitted, id order, program).
    struct ClosingHeap {
        var items: [(count: Int32, idOrder: Int32, program: Int32)] = []

        static func less(_ a: (count: Int32, idOrder: Int32, program: Int32), _ b: (count: Int32, idOrder: Int32, program: Int32)) -> Bool {
            a.count != b.count ? a.count < b.count : a.idOrder < b.idOrder
        }

        mutating func push(count: Int32, program: Int32, idOrder: Int32) {
            items.append((count, idOrder, program))
            var i = items.count - 1
            while i > 0 {
                let parent = (i - 1) / 2
                if !Self.less(items[i], items[parent]) { break }
                items.swapAt(i, parent)
                i = parent
            }
        }

        mutating func pop() -> (Int32, Int32)? {
            guard let top = items.first else { return nil }
            let last = items.removeLast()
            if !items.isEmpty {
                items[0] = last
                var i = 0
                while true {
                    let l = 2 * i + 1
                    let r = l + 1
                    var m = i
                    if l < items.count, Self.less(items[l], items[m]) { m = l }
                    if r < items.count, Self.less(items[r], items[m]) { m = r }
                    if m == i { break }
                    items.swapAt(i, m)
                    i = m
                }
            }
            return (top.count, top.program)
        }
    }
}
