extension Allocation {
    /// The deferred-acceptance state. A program holds its applicants by their key in its own order (`Ranking.keys`,
    /// else their rank in `Ranking`), so that a held list sorted by key is sorted by that program's priority; no
    /// program's choosers are ever sorted. Everything is flat and laid out for the
    /// proposal loop, which touches a random program at every step: a program's whole state is one record
    /// (`ProgramState`), and a held entry carries what the choice rule reads (key, applicant, quota slot), so one
    /// proposal reads a few cache lines, not one per field.
    struct Engine {
        struct ProgramState {
            var seats: Int32
            /// The program holds `held[heldStart ..< heldStart + heldCount]`, ascending by key; the slice has room for
            /// one more than it can hold (a program never holds more applicants than chose it).
            var heldStart: Int32
            var heldCount: Int32
            var oocCount: Int32
            /// Its quotas are the flat quotas `quotaStart ..< quotaEnd`.
            var quotaStart: Int32
            var quotaEnd: Int32
            /// The key of the last (worst) held entry, when it holds any: a full program turns away a worse one
            /// without reading its held list.
            var lastKey: UInt64
            var closed: Bool
            var dirty: Bool
        }

        struct Held {
            var key: UInt64
            var applicant: Int32
            /// The flat index of the program's quota for the applicant's category, -1 for none, `Engine.outside` for
            /// out of competition (they never use a reserve).
            var slot: Int32
        }

        /// Per pair, what a proposal needs: its key in its program's order, its program and its quota slot (as
        /// `Held.slot`).
        struct Proposal {
            var key: UInt64
            var program: Int32
            var slot: Int32
        }

        static let outside: Int32 = -2

        let flat: Flat
        let programs: Slab<ProgramState>
        let proposals: [Proposal]
        let choiceStart: [Int32]
        let quotaSeats: [Int32]
        let minGroupSize: [Int32]
        /// The programs' places in the order of their ids' bytes, for the closing tie-break.
        let idOrder: [Int32]
        let next: Slab<Int32>
        let holder: Slab<Int32>
        let held: Slab<Held>
        /// Per flat quota: how many non-out-of-competition holders of its category its program holds.
        let quotaCount: Slab<Int32>
        var closedOrder: [Int32] = []
        var dirty: [Int32] = []
        /// Applicants with no program held and choices left.
        var free: [Int32] = []
        /// Scratch for the choice rule, as long as the longest quota list.
        let take: Slab<Int>
        let below: Slab<Int>

        init(_ flat: Flat) {
            self.flat = flat
            let keys = Ranking.keys(flat) ?? Ranking(flat).rank.map { UInt64(truncatingIfNeeded: $0) }
            let start = Ranking.starts(flat)
            let n = flat.applicantCount
            let m = flat.programCount
            var proposals = [Proposal](repeating: Proposal(key: 0, program: 0, slot: -1), count: keys.count)
            var longest = 0
            for p in 0..<m { longest = max(longest, Int(flat.quotaStart[p + 1] - flat.quotaStart[p])) }
            for a in 0..<n {
                let c = flat.category[a]
                let ooc = flat.outOfCompetition[a]
                for pair in Int(flat.choiceStart[a])..<Int(flat.choiceStart[a + 1]) {
                    let p = Int(flat.choiceProgram[pair])
                    var slot: Int32 = ooc ? Self.outside : -1
                    if !ooc && c >= 0 {
                        for q in Int(flat.quotaStart[p])..<Int(flat.quotaStart[p + 1]) where flat.quotaCategory[q] == c {
                            slot = Int32(truncatingIfNeeded: q)
                            break
                        }
                    }
                    proposals[pair] = Proposal(key: keys[pair], program: Int32(truncatingIfNeeded: p), slot: slot)
                }
            }
            self.proposals = proposals
            choiceStart = flat.choiceStart
            quotaSeats = flat.quotaSeats
            minGroupSize = flat.minGroupSize
            next = Slab(repeating: 0, count: n)
            holder = Slab(repeating: -1, count: n)
            // The programs' order by id bytes, for the closing tie-break.
            let byId = Ranking.idOrder(flat.programIDBytes, flat.programIDStart)
            var idOrder = [Int32](repeating: 0, count: m)
            for (i, p) in byId.enumerated() { idOrder[Int(p)] = Int32(truncatingIfNeeded: i) }
            self.idOrder = idOrder
            programs = Slab(
                repeating: ProgramState(
                    seats: 0, heldStart: 0, heldCount: 0, oocCount: 0, quotaStart: 0, quotaEnd: 0, lastKey: 0, closed: false,
                    dirty: false), count: m)
            var heldTotal: Int32 = 0
            for p in 0..<m {
                let choosers = start[p + 1] - start[p]
                programs[p] = ProgramState(
                    seats: flat.seats[p], heldStart: heldTotal, heldCount: 0, oocCount: 0, quotaStart: flat.quotaStart[p],
                    quotaEnd: flat.quotaStart[p + 1], lastKey: 0, closed: false, dirty: false)
                heldTotal += min(flat.seats[p], choosers) + 1
            }
            held = Slab(repeating: Held(key: 0, applicant: 0, slot: -1), count: Int(heldTotal))
            quotaCount = Slab(repeating: 0, count: flat.quotaCategory.count)
            take = Slab(repeating: 0, count: longest)
            below = Slab(repeating: 0, count: longest)
            // Everyone proposes (the result does not depend on the order).
            free = (0..<Int32(truncatingIfNeeded: n)).reversed().map { $0 }
        }

        /// Program `p` takes `entry` into its held list, in key order.
        func add(_ p: Int, _ entry: Held) {
            var state = programs[p]
            let base = Int(state.heldStart)
            let count = Int(state.heldCount)
            // Shift the worse keys up by one and put the entry in the gap (one pass, like an insertion sort's step).
            var i = base + count
            while i > base && held[i - 1].key > entry.key {
                held[i] = held[i - 1]
                i -= 1
            }
            held[i] = entry
            state.heldCount = Int32(count + 1)
            state.lastKey = held[base + count].key
            holder[Int(entry.applicant)] = Int32(truncatingIfNeeded: p)
            if entry.slot == Self.outside {
                state.oocCount += 1
            } else if entry.slot >= 0 {
                quotaCount[Int(entry.slot)] += 1
            }
            programs[p] = state
        }

        /// Takes the applicant at `index` of the held list out; returns the applicant.
        func remove(_ p: Int, at index: Int) -> Int32 {
            var state = programs[p]
            let base = Int(state.heldStart)
            let count = Int(state.heldCount)
            let entry = held[base + index]
            for i in (base + index)..<(base + count - 1) { held[i] = held[i + 1] }
            state.heldCount = Int32(count - 1)
            if count > 1 { state.lastKey = held[base + count - 2].key }
            holder[Int(entry.applicant)] = -1
            if entry.slot == Self.outside {
                state.oocCount -= 1
            } else if entry.slot >= 0 {
                quotaCount[Int(entry.slot)] -= 1
            }
            programs[p] = state
            return entry.applicant
        }

        /// With one applicant more than seats held, the one the choice rule leaves out: the lowest in priority among
        /// those not taken as out-of-competition (step 1) or for a reserved place (step 2).
        func rejectedIndex(_ p: Int) -> Int {
            let state = programs[p]
            let count = Int(state.heldCount)
            let seats = Int(state.seats)
            let oocHeld = Int(state.oocCount)
            // All out of competition: the last one. No reserves: the last one (out-of-competition ranks come first).
            if oocHeld > seats { return count - 1 }
            let q0 = Int(state.quotaStart)
            let quotas = Int(state.quotaEnd) - q0
            if quotas == 0 { return count - 1 }
            var freeSeats = seats - oocHeld
            for i in 0..<quotas {
                let t = min(Int(quotaSeats[q0 + i]), Int(quotaCount[q0 + i]), freeSeats)
                take[i] = t
                below[i] = 0
                freeSeats -= t
            }
            let base = Int(state.heldStart)
            var i = count - 1
            while i >= 0 {
                let s = Int(held[base + i].slot)
                if s != Int(Self.outside) {
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
            if !programs[p].dirty {
                programs[p].dirty = true
                dirty.append(Int32(truncatingIfNeeded: p))
            }
        }

        /// Deferred acceptance until no free applicant has a program left to propose to.
        mutating func propose() {
            while let applicant = free.popLast() {
                let a = Int(applicant)
                let first = Int(choiceStart[a])
                let count = Int(choiceStart[a + 1]) - first
                while Int(next[a]) < count {
                    let pair = first + Int(next[a])
                    let proposal = proposals[pair]
                    let p = Int(proposal.program)
                    next[a] += 1
                    let state = programs[p]
                    if state.closed { continue }
                    // A full program turns away, without taking it in, an applicant who claims no reserve and ranks
                    // below all it holds: the choice rule would leave exactly this one out.
                    if state.heldCount >= state.seats && proposal.slot == -1 && (state.heldCount == 0 || state.lastKey < proposal.key) {
                        continue
                    }
                    add(p, Held(key: proposal.key, applicant: applicant, slot: proposal.slot))
                    if programs[p].heldCount > programs[p].seats {
                        let out = remove(p, at: rejectedIndex(p))
                        if out == applicant { continue }
                        free.append(out)
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
            for p in 0..<flat.programCount { programs[p].dirty = false }
            while let (count, p32) = heap.pop() {
                let p = Int(p32)
                var state = programs[p]
                if state.closed || state.heldCount != count { continue }
                state.closed = true
                closedOrder.append(p32)
                let base = Int(state.heldStart)
                for i in base..<(base + Int(state.heldCount)) {
                    let a = held[i].applicant
                    holder[Int(a)] = -1
                    free.append(a)
                }
                state.heldCount = 0
                state.oocCount = 0
                programs[p] = state
                for q in Int(state.quotaStart)..<Int(state.quotaEnd) { quotaCount[q] = 0 }
                free.reverse()  // any order gives the same result
                propose()
                for q in dirty {
                    programs[Int(q)].dirty = false
                    consider(Int(q), &heap)
                }
                dirty.removeAll()
            }
        }

        func consider(_ p: Int, _ heap: inout ClosingHeap) {
            let state = programs[p]
            if !state.closed, state.heldCount > 0, state.heldCount < minGroupSize[p] {
                heap.push(count: state.heldCount, program: Int32(truncatingIfNeeded: p), idOrder: idOrder[p])
            }
        }

        func result() -> Result {
            let assignments = holder.array.map { $0 >= 0 ? $0 : nil }
            let outcomes = (0..<flat.programCount).map { p -> ProgramOutcome in
                let state = programs[p]
                let seats = Int(state.seats)
                if state.closed { return ProgramOutcome(status: .notFormed, admitted: 0, freeSeats: seats) }
                let n = Int(state.heldCount)
                return ProgramOutcome(status: n == 0 ? .empty : .formed, admitted: n, freeSeats: seats - n)
            }
            return Result(assignments: assignments, programs: outcomes, closed: closedOrder)
        }
    }
}
