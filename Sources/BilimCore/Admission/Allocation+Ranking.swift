extension Allocation {
    /// Every program's order of the applicants who chose it, best first (allocation.md "Priority inside a program"):
    /// out of competition first, then the higher score *for this program*, the higher document average, a quota
    /// category before none, the smaller id by UTF-8 bytes. Built once, flat: a program's choosers are one slice.
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
            var count = [Int32](repeating: 0, count: m + 1)
            for p in flat.choiceProgram { count[Int(p) + 1] &+= 1 }
            var start = [Int32](repeating: 0, count: m + 1)
            for p in 0..<m { start[p + 1] = start[p] &+ count[p + 1] }
            var pairs = [Int32](repeating: 0, count: total)
            var applicantOf = [Int32](repeating: 0, count: total)
            var score = [Int](repeating: 0, count: total)
            var fill = start
            // Scores and averages below 2^16 hundredths (always, for real ones) pack the key but the id into one
            // integer: out of competition, the score for this program, the document average, a quota.
            var packable = true
            for a in 0..<n {
                let average = flat.documentAverage[a]
                if average < 0 || average >= 1 << 16 { packable = false }
                for c in Int(flat.choiceStart[a])..<Int(flat.choiceStart[a + 1]) {
                    applicantOf[c] = Int32(truncatingIfNeeded: a)
                    let s = flat.score(choice: c, of: a)
                    if s < 0 || s >= 1 << 16 { packable = false }
                    score[c] = s
                    let p = Int(flat.choiceProgram[c])
                    pairs[Int(fill[p])] = Int32(truncatingIfNeeded: c)
                    fill[p] &+= 1
                }
            }
            var rank = [Int32](repeating: 0, count: total)
            // What the comparisons read, taken out of `flat` (a closure capturing `flat` would copy all of it).
            let idBytes = flat.applicantIDBytes
            let idStart = flat.applicantIDStart
            let ooc = flat.outOfCompetition
            let average = flat.documentAverage
            let category = flat.category
            // Per applicant, the id's first eight bytes, big-endian and padded with zeros (they break most ties without
            // reading the id), and the key but the score: out of competition, the document average, a quota.
            var prefix = [UInt64](repeating: 0, count: n)
            var base = [UInt64](repeating: 0, count: n)
            idBytes.withUnsafeBufferPointer { bytes in
                for a in 0..<n {
                    let lo = Int(idStart[a])
                    let hi = min(Int(idStart[a + 1]), lo + 8)
                    var v: UInt64 = 0
                    for i in lo..<hi { v = v << 8 | UInt64(bytes[i]) }
                    prefix[a] = v << (8 * (8 - UInt64(hi - lo)))
                    if packable {
                        base[a] = (ooc[a] ? 0 : 1) << 33 | UInt64(0xFFFF - average[a]) << 1 | (category[a] >= 0 ? 0 : 1)
                    }
                }
            }
            func idPrecedes(_ a: Int, _ b: Int) -> Bool { Flat.precedes(idBytes, idStart, a, b) }
            var keyed: [(key: UInt64, prefix: UInt64, pair: Int32)] = []
            for p in 0..<m {
                let lo = Int(start[p])
                let hi = Int(start[p + 1])
                if hi - lo > 1 {
                    if packable {
                        keyed.removeAll(keepingCapacity: true)
                        for i in lo..<hi {
                            let pair = Int(pairs[i])
                            let a = Int(applicantOf[pair])
                            keyed.append((base[a] | UInt64(0xFFFF - score[pair]) << 17, prefix[a], Int32(truncatingIfNeeded: pair)))
                        }
                        keyed.sort { x, y in
                            if x.key != y.key { return x.key < y.key }
                            if x.prefix != y.prefix { return x.prefix < y.prefix }
                            return idPrecedes(Int(applicantOf[Int(x.pair)]), Int(applicantOf[Int(y.pair)]))
                        }
                        for (i, k) in keyed.enumerated() { pairs[lo + i] = k.pair }
                    } else {
                        pairs[lo..<hi].sort { x, y in
                            let a = Int(applicantOf[Int(x)])
                            let b = Int(applicantOf[Int(y)])
                            if ooc[a] != ooc[b] { return ooc[a] }
                            if score[Int(x)] != score[Int(y)] { return score[Int(x)] > score[Int(y)] }
                            if average[a] != average[b] { return average[a] > average[b] }
                            if (category[a] >= 0) != (category[b] >= 0) { return category[a] >= 0 }
                            return idPrecedes(a, b)
                        }
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

        /// Program `p`'s choosers, best first, as applicant indices.
        package func order(of p: Int) -> [Int32] {
            (Int(start[p])..<Int(start[p + 1])).map { applicant[Int(pairs[$0])] }
        }

        /// The applicant holding rank `r` in program `p`'s order.
        @inline(__always) func applicant(_ p: Int, rank r: Int32) -> Int32 { applicant[Int(pairs[Int(start[p]) + Int(r)])] }
    }
}
