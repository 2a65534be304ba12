extension Allocation {
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
}
