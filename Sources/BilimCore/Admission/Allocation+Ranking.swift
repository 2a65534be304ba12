extension Allocation {
    /// Every program's order of the applicants who chose it, best first (allocation.md "Priority inside a program"):
    /// out of competition first, then the higher score *for this program*, the higher document average, a quota
    /// category before none, the smaller id by UTF-8 bytes. Built once, flat: a program's choosers are one slice.
    /// The run itself does not sort (the engine compares `Ranking.keys` directly); the explanation of a run reads this.
    package struct Ranking: Sendable {
        /// Program `p`'s choosers are `pairs[start[p] ..< start[p + 1]]`, best first; a pair is an index into the
        /// applicants' choices laid end to end (`Flat.choiceProgram`).
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

        package init(_ instance: Instance) { self.init(Flat(instance)) }

        package init(_ flat: Flat) {
            let m = flat.programCount
            let n = flat.applicantCount
            let total = flat.choiceProgram.count
            let start = Self.starts(flat)
            var pairs = [Int32](repeating: 0, count: total)
            var applicantOf = [Int32](repeating: 0, count: total)
            var score = [Int](repeating: 0, count: total)
            var rank = [Int32](repeating: 0, count: total)
            for a in 0..<n {
                for c in Int(flat.choiceStart[a])..<Int(flat.choiceStart[a + 1]) {
                    score[c] = flat.score(choice: c, of: a)
                    applicantOf[c] = Int32(truncatingIfNeeded: a)
                }
            }
            var fill = start
            for c in 0..<total {
                let p = Int(flat.choiceProgram[c])
                pairs[Int(fill[p])] = Int32(truncatingIfNeeded: c)
                fill[p] &+= 1
            }
            // What the comparisons read, taken out of `flat` (a closure capturing `flat` would copy all of it).
            let idBytes = flat.applicantIDBytes
            let idStart = flat.applicantIDStart
            let ooc = flat.outOfCompetition
            let average = flat.documentAverage
            let category = flat.category
            let keys = Self.keys(flat)
            for p in 0..<m {
                let lo = Int(start[p])
                let hi = Int(start[p + 1])
                if let keys {
                    pairs[lo..<hi].sort { keys[Int($0)] < keys[Int($1)] }
                } else {
                    pairs[lo..<hi].sort { x, y in
                        let a = Int(applicantOf[Int(x)])
                        let b = Int(applicantOf[Int(y)])
                        if ooc[a] != ooc[b] { return ooc[a] }
                        if score[Int(x)] != score[Int(y)] { return score[Int(x)] > score[Int(y)] }
                        if average[a] != average[b] { return average[a] > average[b] }
                        if (category[a] >= 0) != (category[b] >= 0) { return category[a] >= 0 }
                        return Flat.precedes(idBytes, idStart, a, b)
                    }
                }
                for i in lo..<hi { rank[Int(pairs[i])] = Int32(truncatingIfNeeded: i - lo) }
            }
            self.start = start
            self.pairs = pairs
            self.applicant = applicantOf
            self.program = flat.choiceProgram
            self.score = score
            self.rank = rank
            self.choiceStart = flat.choiceStart
        }

        /// `start[p] ..< start[p + 1]` are program `p`'s choosers in a list of all pairs grouped by program.
        static func starts(_ flat: Flat) -> [Int32] {
            let m = flat.programCount
            var start = [Int32](repeating: 0, count: m + 1)
            for p in flat.choiceProgram { start[Int(p) + 1] &+= 1 }
            for p in 0..<m { start[p + 1] = start[p] &+ start[p + 1] }
            return start
        }

        /// Per pair, one integer that orders any program's choosers best first (the smaller key first), or nil when the
        /// values do not fit in it. Scores and averages below 2^16 hundredths (always, for real ones) pack the key but
        /// the id into 34 bits: out of competition, the score for this program, the document average, a quota. The
        /// applicant's place in the id order and the choice's place in the applicant's list fill the bits left over,
        /// so no two pairs of one program share a key.
        package static func keys(_ flat: Flat) -> [UInt64]? {
            let n = flat.applicantCount
            let total = flat.choiceProgram.count
            var longest = 0
            for a in 0..<n {
                let average = flat.documentAverage[a]
                if average < 0 || average >= 1 << 16 { return nil }
                longest = max(longest, Int(flat.choiceStart[a + 1] - flat.choiceStart[a]))
                for c in Int(flat.choiceStart[a])..<Int(flat.choiceStart[a + 1]) {
                    let s = flat.score(choice: c, of: a)
                    if s < 0 || s >= 1 << 16 { return nil }
                }
            }
            let idBits = Int.bitWidth - max(n - 1, 1).leadingZeroBitCount
            let choiceBits = Int.bitWidth - max(longest - 1, 1).leadingZeroBitCount
            guard 34 + idBits + choiceBits <= 64 else { return nil }
            let byID = idOrder(flat.applicantIDBytes, flat.applicantIDStart)
            var idRank = [Int32](repeating: 0, count: n)
            for (r, a) in byID.enumerated() { idRank[Int(a)] = Int32(truncatingIfNeeded: r) }
            let low = UInt64(idBits + choiceBits)
            var keys = [UInt64](repeating: 0, count: total)
            for a in 0..<n {
                let first = Int(flat.choiceStart[a])
                let base = ((flat.outOfCompetition[a] ? 0 : 1) << 33 | UInt64(0xFFFF - flat.documentAverage[a]) << 1
                    | (flat.category[a] >= 0 ? 0 : 1)) << low | UInt64(idRank[a]) << UInt64(choiceBits)
                for c in first..<Int(flat.choiceStart[a + 1]) {
                    keys[c] = base | UInt64(0xFFFF - flat.score(choice: c, of: a)) << (17 + low) | UInt64(c - first)
                }
            }
            return keys
        }

        /// The indices `0 ..< start.count - 1` in the order of their ids' bytes (`buffer[start[i] ..< start[i + 1]]`): a
        /// radix sort on the first eight bytes, big-endian and padded with zeros (a byte that is the same for all costs
        /// no pass), then each run of equal prefixes sorted by the whole id.
        static func idOrder(_ buffer: [UInt8], _ start: [Int32]) -> [Int32] {
            let n = max(start.count - 1, 0)
            var prefix = [UInt64](repeating: 0, count: n)
            buffer.withUnsafeBufferPointer { bytes in
                for a in 0..<n {
                    let lo = Int(start[a])
                    let hi = min(Int(start[a + 1]), lo + 8)
                    var v: UInt64 = 0
                    for i in lo..<hi { v = v << 8 | UInt64(bytes[i]) }
                    prefix[a] = v << (8 * (8 - UInt64(hi - lo)))
                }
            }
            var order = (0..<Int32(truncatingIfNeeded: n)).map { $0 }
            var spare = order
            var count = [Int](repeating: 0, count: 257)
            for byte in 0..<8 {
                let shift = UInt64(8 * byte)
                // Skip a byte every prefix has the same.
                let first = ((prefix.first ?? 0) >> shift) & 0xFF
                var same = true
                for v in prefix where (v >> shift) & 0xFF != first {
                    same = false
                    break
                }
                if same { continue }
                for i in 0..<257 { count[i] = 0 }
                for v in prefix { count[Int((v >> shift) & 0xFF) + 1] += 1 }
                for i in 0..<256 { count[i + 1] += count[i] }
                for a in order {
                    let b = Int((prefix[Int(a)] >> shift) & 0xFF)
                    spare[count[b]] = a
                    count[b] += 1
                }
                swap(&order, &spare)
            }
            var lo = 0
            while lo < n {
                var hi = lo + 1
                while hi < n && prefix[Int(order[hi])] == prefix[Int(order[lo])] { hi += 1 }
                if hi - lo > 1 { order[lo..<hi].sort { Flat.precedes(buffer, start, Int($0), Int($1)) } }
                lo = hi
            }
            return order
        }

        /// Program `p`'s choosers, best first, as applicant indices.
        package func order(of p: Int) -> [Int32] {
            (Int(start[p])..<Int(start[p + 1])).map { applicant[Int(pairs[$0])] }
        }
    }
}
