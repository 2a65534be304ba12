extension Allocation {
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
}
