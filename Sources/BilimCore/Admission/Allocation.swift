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
        /// The average competitive score, in hundredths.
        package var score: Int
        /// The average of all grades of the education document, in hundredths.
        package var documentAverage: Int
        /// The quota category (an index into `Instance.categories`), if any.
        package var quota: Int?
        package var outOfCompetition: Bool
        /// Program indices, most wanted first, distinct.
        package var choices: [Int32]

        package init(id: String, score: Int, documentAverage: Int, quota: Int? = nil, outOfCompetition: Bool = false, choices: [Int32]) {
            self.id = id
            self.score = score
            self.documentAverage = documentAverage
            self.quota = quota
            self.outOfCompetition = outOfCompetition
            self.choices = choices
        }
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

    /// The priority order every program uses, best first (allocation.md "Priority inside a program"): out of
    /// competition first, then higher score, higher document average, a quota category before none, smaller id.
    package static func priorityOrder(_ applicants: [Applicant]) -> [Int32] {
        var order = (0..<Int32(applicants.count)).map { $0 }
        order.sort { x, y in
            let a = applicants[Int(x)]
            let b = applicants[Int(y)]
            if a.outOfCompetition != b.outOfCompetition { return a.outOfCompetition }
            if a.score != b.score { return a.score > b.score }
            if a.documentAverage != b.documentAverage { return a.documentAverage > b.documentAverage }
            if (a.quota != nil) != (b.quota != nil) { return a.quota != nil }
            return a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
        }
        return order
    }

    /// Runs the competition. The instance is assumed valid (see `AllocationInput` for the checks).
    package static func run(_ instance: Instance) -> Result {
        var engine = Engine(instance)
        engine.propose()
        engine.closeGroupsThatDoNotForm()
        return engine.result()
    }

    /// The deferred-acceptance state. Applicants are identified by their rank in the priority order, so that a
    /// program's held list sorted by rank is sorted by priority.
    struct Engine {
        let programs: [Program]
        let order: [Int32]
        /// Per rank.
        let ooc: [Bool]
        let category: [Int32]
        let choices: [[Int32]]
        var next: [Int32]
        var holder: [Int32]
        /// Per program.
        var held: [[Int32]]
        var oocCount: [Int32]
        /// Per program and listed quota: how many non-out-of-competition holders of that category it holds.
        var quotaCount: [[Int32]]
        var closed: [Bool]
        var closedOrder: [Int32] = []
        var dirty: [Int32] = []
        var isDirty: [Bool]
        var free: [Int32] = []
        /// The programs' order by id bytes, for the closing tie-break.
        let idOrder: [Int32]

        init(_ instance: Instance) {
            let programs = instance.programs
            self.programs = programs
            order = Allocation.priorityOrder(instance.applicants)
            let n = instance.applicants.count
            var ooc = [Bool](repeating: false, count: n)
            var category = [Int32](repeating: -1, count: n)
            var choices = [[Int32]](repeating: [], count: n)
            for (rank, index) in order.enumerated() {
                let a = instance.applicants[Int(index)]
                ooc[rank] = a.outOfCompetition
                category[rank] = a.quota.map(Int32.init) ?? -1
                choices[rank] = a.choices
            }
            self.ooc = ooc
            self.category = category
            self.choices = choices
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
            // Everyone proposes, best first (the result does not depend on the order).
            free = (0..<Int32(n)).reversed().map { $0 }
        }

        /// The index of a program's listed quota for this applicant's category, or -1.
        @inline(__always) func quotaSlot(_ p: Int, _ rank: Int) -> Int {
            let c = category[rank]
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
            holder[Int(rank)] = Int32(p)
            if ooc[Int(rank)] {
                oocCount[p] += 1
            } else {
                let slot = quotaSlot(p, Int(rank))
                if slot >= 0 { quotaCount[p][slot] += 1 }
            }
        }

        mutating func remove(_ p: Int, at index: Int) -> Int32 {
            let rank = held[p].remove(at: index)
            holder[Int(rank)] = -1
            if ooc[Int(rank)] {
                oocCount[p] -= 1
            } else {
                let slot = quotaSlot(p, Int(rank))
                if slot >= 0 { quotaCount[p][slot] -= 1 }
            }
            return rank
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
                if !ooc[rank] {
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
            while let rank = free.popLast() {
                let r = Int(rank)
                let list = choices[r]
                while Int(next[r]) < list.count {
                    let p = Int(list[Int(next[r])])
                    next[r] += 1
                    if closed[p] { continue }
                    add(p, rank)
                    if held[p].count > programs[p].seats {
                        let out = remove(p, at: rejectedIndex(p))
                        if out != rank { free.append(out) }
                        if out == rank { continue }
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
                    holder[Int(rank)] = -1
                    free.append(rank)
                }
                held[p] = []
                oocCount[p] = 0
                for i in 0..<quotaCount[p].count { quotaCount[p][i] = 0 }
                free.reverse()  // best first, as at the start (any order gives the same result)
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
            var assignments = [Int32?](repeating: nil, count: order.count)
            for (rank, index) in order.enumerated() where holder[rank] >= 0 {
                assignments[Int(index)] = holder[rank]
            }
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
