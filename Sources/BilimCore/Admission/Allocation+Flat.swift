extension Allocation {
    /// An instance laid out flat, the way the run reads it: one array per field, the applicants' choices end to end,
    /// every id's UTF-8 bytes end to end. The national run (300,000 applicants) is read straight into it
    /// (`AllocationFastDecoder`) with a handful of allocations instead of a few per applicant, and the ranking and the
    /// engine walk it without hashing a string. Same meaning as `Instance`; `Flat(instance)` and `Instance(flat)`
    /// convert both ways.
    package struct Flat: Sendable, Equatable {
        /// Marks a score that is not given (an applicant's `score`, a choice's own score).
        package static let none = Int.min

        package var categories: [String]
        /// Program `p`'s id is `programIDBytes[programIDStart[p] ..< programIDStart[p + 1]]`.
        package var programIDBytes: [UInt8] = []
        package var programIDStart: [Int32] = [0]
        package var seats: [Int32] = []
        package var minGroupSize: [Int32] = []
        /// Program `p`'s quotas are `quotaStart[p] ..< quotaStart[p + 1]`, in its listed order.
        package var quotaStart: [Int32] = [0]
        package var quotaCategory: [Int32] = []
        package var quotaSeats: [Int32] = []

        /// Applicant `a`'s id is `applicantIDBytes[applicantIDStart[a] ..< applicantIDStart[a + 1]]`.
        package var applicantIDBytes: [UInt8] = []
        package var applicantIDStart: [Int32] = [0]
        /// In hundredths; `none` where the applicant gives no score.
        package var applicantScore: [Int] = []
        package var documentAverage: [Int] = []
        /// The quota category, or -1.
        package var category: [Int32] = []
        package var outOfCompetition: [Bool] = []
        /// Applicant `a`'s choices are `choiceStart[a] ..< choiceStart[a + 1]`, most wanted first.
        package var choiceStart: [Int32] = [0]
        package var choiceProgram: [Int32] = []
        /// Each choice's own score in hundredths, or `none`.
        package var choiceScore: [Int] = []

        package init(categories: [String] = []) { self.categories = categories }

        package var programCount: Int { seats.count }
        package var applicantCount: Int { documentAverage.count }

        /// The competitive score of the choice at flat index `c` of applicant `a` (the choice's own, else the
        /// applicant's; a valid instance has one).
        @inline(__always) package func score(choice c: Int, of a: Int) -> Int {
            let own = choiceScore[c]
            if own != Self.none { return own }
            let s = applicantScore[a]
            return s == Self.none ? 0 : s
        }

        package mutating func appendProgram(id: some Collection<UInt8>, seats: Int32, minGroupSize: Int32) {
            programIDBytes.append(contentsOf: id)
            programIDStart.append(Int32(programIDBytes.count))
            self.seats.append(seats)
            self.minGroupSize.append(minGroupSize)
            quotaStart.append(Int32(quotaCategory.count))
        }

        /// Adds a quota to the program appended last.
        package mutating func appendQuota(category: Int32, seats: Int32) {
            quotaCategory.append(category)
            quotaSeats.append(seats)
            quotaStart[quotaStart.count - 1] = Int32(quotaCategory.count)
        }

        package mutating func appendApplicant(id: some Collection<UInt8>, score: Int, documentAverage: Int, category: Int32, outOfCompetition: Bool) {
            applicantIDBytes.append(contentsOf: id)
            applicantIDStart.append(Int32(applicantIDBytes.count))
            applicantScore.append(score)
            self.documentAverage.append(documentAverage)
            self.category.append(category)
            self.outOfCompetition.append(outOfCompetition)
            choiceStart.append(Int32(choiceProgram.count))
        }

        /// Adds a choice to the applicant appended last.
        package mutating func appendChoice(program: Int32, score: Int) {
            choiceProgram.append(program)
            choiceScore.append(score)
            choiceStart[choiceStart.count - 1] = Int32(choiceProgram.count)
        }

        @inline(__always) func bytes(_ buffer: [UInt8], _ start: [Int32], _ i: Int) -> ArraySlice<UInt8> {
            buffer[Int(start[i])..<Int(start[i + 1])]
        }

        package func programID(_ p: Int) -> String { String(decoding: bytes(programIDBytes, programIDStart, p), as: UTF8.self) }
        package func applicantID(_ a: Int) -> String { String(decoding: bytes(applicantIDBytes, applicantIDStart, a), as: UTF8.self) }

        /// Whether id `a` precedes id `b` by UTF-8 bytes, the ids being `buffer[start[i] ..< start[i + 1]]`.
        static func precedes(_ buffer: [UInt8], _ start: [Int32], _ a: Int, _ b: Int) -> Bool {
            buffer.withUnsafeBufferPointer { p in
                let (a0, a1) = (Int(start[a]), Int(start[a + 1]))
                let (b0, b1) = (Int(start[b]), Int(start[b + 1]))
                let n = min(a1 - a0, b1 - b0)
                var i = 0
                while i < n {
                    let x = p[a0 + i]
                    let y = p[b0 + i]
                    if x != y { return x < y }
                    i += 1
                }
                return a1 - a0 < b1 - b0
            }
        }

        package init(_ instance: Instance) {
            self.init(categories: instance.categories)
            let pairs = instance.applicants.reduce(0) { $0 + $1.choices.count }
            seats.reserveCapacity(instance.programs.count)
            for program in instance.programs {
                appendProgram(id: program.id.utf8, seats: Int32(clamping: program.seats), minGroupSize: Int32(clamping: program.minGroupSize))
                for q in program.quotas { appendQuota(category: Int32(clamping: q.category), seats: Int32(clamping: q.seats)) }
            }
            documentAverage.reserveCapacity(instance.applicants.count)
            choiceProgram.reserveCapacity(pairs)
            choiceScore.reserveCapacity(pairs)
            for a in instance.applicants {
                appendApplicant(
                    id: a.id.utf8, score: a.score ?? Self.none, documentAverage: a.documentAverage, category: a.quota.map { Int32(clamping: $0) } ?? -1,
                    outOfCompetition: a.outOfCompetition)
                for (j, p) in a.choices.enumerated() { appendChoice(program: p, score: a.choiceScores[j] ?? Self.none) }
            }
        }
    }
}

extension Allocation.Instance {
    package init(_ flat: Allocation.Flat) {
        func score(_ h: Int) -> Int? { h == Allocation.Flat.none ? nil : h }
        let programs = (0..<flat.programCount).map { p in
            Allocation.Program(
                id: flat.programID(p), seats: Int(flat.seats[p]),
                quotas: (Int(flat.quotaStart[p])..<Int(flat.quotaStart[p + 1])).map {
                    Allocation.Quota(category: Int(flat.quotaCategory[$0]), seats: Int(flat.quotaSeats[$0]))
                }, minGroupSize: Int(flat.minGroupSize[p]))
        }
        let applicants = (0..<flat.applicantCount).map { a in
            let choices = Int(flat.choiceStart[a])..<Int(flat.choiceStart[a + 1])
            return Allocation.Applicant(
                id: flat.applicantID(a), score: score(flat.applicantScore[a]), documentAverage: flat.documentAverage[a],
                quota: flat.category[a] < 0 ? nil : Int(flat.category[a]), outOfCompetition: flat.outOfCompetition[a],
                choices: Array(flat.choiceProgram[choices]), choiceScores: choices.map { score(flat.choiceScore[$0]) })
        }
        self.init(categories: flat.categories, programs: programs, applicants: applicants)
    }
}
