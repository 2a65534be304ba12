extension Allocation {
    /// The deferred-acceptance state. A program holds its applicants by their rank in its own order (`Ranking`), so
    /// that a held list sorted by rank is sorted by that program's priority. Everything is flat: a program's held
    /// ranks are one slice of `held`, its quota counts one slice of `quotaCount`.
    struct Engine {
        let flat: Flat
        let ranking: Ranking
        /// Per pair: the flat index of its program's quota for its applicant's category, or -1 (none, or out of
        /// competition: they never use a reserve).
        let slot: [Int32]
        var next: [Int32]
        var holder: [Int32]
        /// Program `p` holds the ranks `held[heldStart[p] ..< heldStart[p] + heldCount[p]]`, ascending; its slice has
        /// room for one more than it can hold (a program never holds more applicants than chose it).
        let heldStart: [Int32]
        var heldCount: [Int32]
        var held: [Int32]
        var oocCount: [Int32]
        /// Per flat quota: how many non-out-of-competition holders of its category its program holds.
        var quotaCount: [Int32]
        var closed: [Bool]
        var closedOrder: [Int32] = []
        var dirty: [Int32] = []
        var isDirty: [Bool]
        /// Applicants with no program held and choices left.
        var free: [Int32] = []
        /// The programs' order by id bytes, for the closing tie-break.
        let idOrder: [Int32]
        /// Scratch for the choice rule, as long as the longest quota list.
        var take: [Int]
        var below: [Int]

        init(_ flat: Flat) {
            self.flat = flat
            let ranking = Ranking(flat)
            self.ranking = ranking
            let n = flat.applicantCount
            let m = flat.programCount
            var slot = [Int32](repeating: -1, count: ranking.pairs.count)
            var longest = 0
            for p in 0..<m { longest = max(longest, Int(flat.quotaStart[p + 1] - flat.quotaStart[p])) }
            for a in 0..<n where !flat.outOfCompetition[a] && flat.category[a] >= 0 {
                let c = flat.category[a]
                for pair in Int(flat.choiceStart[a])..<Int(flat.choiceStart[a + 1]) {
                    let p = Int(flat.choiceProgram[pair])
                    for q in Int(flat.quotaStart[p])..<Int(flat.quotaStart[p + 1]) where flat.quotaCategory[q] == c {
                        slot[pair] = Int32(truncatingIfNeeded: q)
                        break
                    }
                }
            }
            self.slot = slot
            next = [Int32](repeating: 0, count: n)
            holder = [Int32](repeating: -1, count: n)
            var heldStart = [Int32](repeating: 0, count: m + 1)
            for p in 0..<m {
                let choosers = ranking.start[p + 1] - ranking.start[p]
                heldStart[p + 1] = heldStart[p] + min(flat.seats[p], choosers) + 1
            }
            self.heldStart = heldStart
            heldCount = [Int32](repeating: 0, count: m)
            held = [Int32](repeating: 0, count: Int(heldStart[m]))
            oocCount = [Int32](repeating: 0, count: m)
            quotaCount = [Int32](repeating: 0, count: flat.quotaCategory.count)
            closed = [Bool](repeating: false, count: m)
            isDirty = [Bool](repeating: false, count: m)
            take = [Int](repeating: 0, count: longest)
            below = [Int](repeating: 0, count: longest)
            var byId = (0..<Int32(truncatingIfNeeded: m)).map { $0 }
            byId.sort { flat.programIDPrecedes(Int($0), Int($1)) }
            var idOrder = [Int32](repeating: 0, count: m)
            for (i, p) in byId.enumerated() { idOrder[Int(p)] = Int32(truncatingIfNeeded: i) }
            self.idOrder = idOrder
            // Everyone proposes (the result does not depend on the order).
            free = (0..<Int32(truncatingIfNeeded: n)).reversed().map { $0 }
        }

        @inline(__always) func pair(_ p: Int, rank r: Int32) -> Int { Int(ranking.pairs[Int(ranking.start[p]) + Int(r)]) }

        mutating func add(_ p: Int, pair: Int) {
            let rank = ranking.rank[pair]
            let base = Int(heldStart[p])
            let count = Int(heldCount[p])
            // Binary search for the insertion point, then shift the worse ranks up by one.
            var lo = base
            var hi = base + count
            while lo < hi {
                let mid = (lo + hi) >> 1
                if held[mid] < rank { lo = mid + 1 } else { hi = mid }
            }
            var i = base + count
            while i > lo {
                held[i] = held[i - 1]
                i -= 1
            }
            held[lo] = rank
            heldCount[p] = Int32(count + 1)
            let a = Int(ranking.applicant[pair])
            holder[a] = Int32(p)
            if flat.outOfCompetition[a] {
                oocCount[p] += 1
            } else if slot[pair] >= 0 {
                quotaCount[Int(slot[pair])] += 1
            }
        }

        /// Takes the applicant at `index` of the held list out; returns the applicant.
        mutating func remove(_ p: Int, at index: Int) -> Int32 {
            let base = Int(heldStart[p])
            let count = Int(heldCount[p])
            let pair = pair(p, rank: held[base + index])
            for i in (base + index)..<(base + count - 1) { held[i] = held[i + 1] }
            heldCount[p] = Int32(count - 1)
            let a = ranking.applicant[pair]
            holder[Int(a)] = -1
            if flat.outOfCompetition[Int(a)] {
                oocCount[p] -= 1
            } else if slot[pair] >= 0 {
                quotaCount[Int(slot[pair])] -= 1
            }
            return a
        }

        /// With one applicant more than seats held, the one the choice rule leaves out: the lowest in priority among
        /// those not taken as out-of-competition (step 1) or for a reserved place (step 2).
        mutating func rejectedIndex(_ p: Int) -> Int {
            let count = Int(heldCount[p])
            let seats = Int(flat.seats[p])
            let oocHeld = Int(oocCount[p])
            // All out of competition: the last one. No reserves: the last one (out-of-competition ranks come first).
            if oocHeld > seats { return count - 1 }
            let q0 = Int(flat.quotaStart[p])
            let quotas = Int(flat.quotaStart[p + 1]) - q0
            if quotas == 0 { return count - 1 }
            var freeSeats = seats - oocHeld
            for i in 0..<quotas {
                let t = min(Int(flat.quotaSeats[q0 + i]), Int(quotaCount[q0 + i]), freeSeats)
                take[i] = t
                below[i] = 0
                freeSeats -= t
            }
            let base = Int(heldStart[p])
            var i = count - 1
            while i >= 0 {
                let pair = pair(p, rank: held[base + i])
                if !flat.outOfCompetition[Int(ranking.applicant[pair])] {
                    let s = Int(slot[pair])
                    if s < 0 { return i }
                    let k = s - q0
                    // Its place among the program's holders of its category, best first.
                    let position = Int(quotaCount[s]) - 1 - below[k]
                    below[k] += 1
                    if position >= take[k] { return i }
                }
                i -= 1
            }
            return count - 1  // unreachable for a valid instance: steps 1 and 2 take at most `seats`
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
                    add(p, pair: pair)
                    if heldCount[p] > flat.seats[p] {
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
            for p in 0..<flat.programCount { consider(p, &heap) }
            dirty.removeAll()
            for p in 0..<flat.programCount { isDirty[p] = false }
            while let (count, p32) = heap.pop() {
                let p = Int(p32)
                if closed[p] || heldCount[p] != count { continue }
                closed[p] = true
                closedOrder.append(p32)
                let base = Int(heldStart[p])
                for i in base..<(base + Int(heldCount[p])) {
                    let a = ranking.applicant[pair(p, rank: held[i])]
                    holder[Int(a)] = -1
                    free.append(a)
                }
                heldCount[p] = 0
                oocCount[p] = 0
                for q in Int(flat.quotaStart[p])..<Int(flat.quotaStart[p + 1]) { quotaCount[q] = 0 }
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
            let count = heldCount[p]
            if !closed[p], count > 0, count < flat.minGroupSize[p] {
                heap.push(count: count, program: Int32(p), idOrder: idOrder[p])
            }
        }

        func result() -> Result {
            let assignments = holder.map { $0 >= 0 ? $0 : nil }
            let outcomes = (0..<flat.programCount).map { p -> ProgramOutcome in
                let seats = Int(flat.seats[p])
                if closed[p] { return ProgramOutcome(status: .notFormed, admitted: 0, freeSeats: seats) }
                let n = Int(heldCount[p])
                return ProgramOutcome(status: n == 0 ? .empty : .formed, admitted: n, freeSeats: seats - n)
            }
            return Result(assignments: assignments, programs: outcomes, closed: closedOrder)
        }
    }
}
