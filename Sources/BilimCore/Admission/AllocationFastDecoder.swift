/// The allocation contract's input read in one pass over the bytes, straight into the instance, for the national
/// run (300,000 applicants in well under a second and a few tens of MiB, where a JSON tree takes hundreds).
///
/// It accepts only what is certainly valid: plain ASCII ids and categories without escapes, the contract's own keys
/// each once, programs before applicants, no `null`. On anything else, valid or not, it answers nil and
/// `AllocationJSON.decode` reads the input again with the strict tree reader, so that every refusal keeps its exact
/// message and every unusual but valid input its meaning. `AllocationFastDecoderTests` checks that both readers give
/// the same instance.
///
/// Hand-written because no maintained Swift JSON library here reads without building a tree or a Codable model per
/// value, and none refuses duplicate keys (Foundation's accepts them).
enum AllocationFastDecoder {
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> Allocation.Instance? {
        var r = Reader(b: bytes)
        return r.instance()
    }

    struct Reader {
        let b: UnsafeBufferPointer<UInt8>
        var at = 0

        init(b: UnsafeBufferPointer<UInt8>) { self.b = b }

        @inline(__always) mutating func space() {
            while at < b.count {
                let c = b[at]
                guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return }
                at += 1
            }
        }

        @inline(__always) mutating func take(_ c: UInt8) -> Bool {
            space()
            guard at < b.count, b[at] == c else { return false }
            at += 1
            return true
        }

        @inline(__always) func peek() -> UInt8? { at < b.count ? b[at] : nil }

        /// A string of printable ASCII without escapes, as its byte range.
        mutating func rawString() -> Range<Int>? {
            guard take(0x22) else { return nil }
            let start = at
            while at < b.count {
                let c = b[at]
                if c == 0x22 {
                    at += 1
                    return start..<(at - 1)
                }
                guard c >= 0x20, c < 0x7F, c != 0x5C else { return nil }
                at += 1
            }
            return nil
        }

        mutating func string() -> String? {
            guard let r = rawString(), !r.isEmpty else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self)
        }

        /// A key, compared with the expected ones by its bytes.
        mutating func key() -> Range<Int>? {
            guard let r = rawString(), take(0x3A) else { return nil }
            return r
        }

        func isKey(_ r: Range<Int>, _ name: StaticString) -> Bool {
            guard r.count == name.utf8CodeUnitCount else { return false }
            let p = name.utf8Start
            for i in 0..<r.count where b[r.lowerBound + i] != p[i] { return false }
            return true
        }

        /// A JSON integer without sign, fraction or exponent, within Int32.
        mutating func integer(minimum: Int) -> Int? {
            space()
            let start = at
            var n = 0
            while at < b.count, b[at] >= 0x30, b[at] <= 0x39 {
                n = n * 10 + Int(b[at] - 0x30)
                at += 1
                if n > Int(Int32.max) { return nil }
            }
            let digits = at - start
            guard digits > 0, digits == 1 || b[start] != 0x30, n >= minimum else { return nil }
            if let c = peek(), c == 0x2E || c == 0x65 || c == 0x45 { return nil }
            return n
        }

        /// A decimal string `digits[.d[d]]`, in hundredths.
        mutating func decimal() -> Int? {
            guard let r = rawString() else { return nil }
            var whole = 0
            var i = r.lowerBound
            while i < r.upperBound, b[i] >= 0x30, b[i] <= 0x39 {
                whole = whole * 10 + Int(b[i] - 0x30)
                if whole > 1_000_000_000 { return nil }
                i += 1
            }
            guard i > r.lowerBound else { return nil }
            var fraction = 0
            if i < r.upperBound {
                guard b[i] == 0x2E else { return nil }
                let digits = r.upperBound - i - 1
                guard digits == 1 || digits == 2 else { return nil }
                for j in (i + 1)..<r.upperBound {
                    guard b[j] >= 0x30, b[j] <= 0x39 else { return nil }
                    fraction = fraction * 10 + Int(b[j] - 0x30)
                }
                if digits == 1 { fraction *= 10 }
            }
            return whole * 100 + fraction
        }

        mutating func boolean() -> Bool? {
            space()
            if at + 4 <= b.count, b[at] == 0x74, b[at + 1] == 0x72, b[at + 2] == 0x75, b[at + 3] == 0x65 {
                at += 4
                return true
            }
            if at + 5 <= b.count, b[at] == 0x66, b[at + 1] == 0x61, b[at + 2] == 0x6C, b[at + 3] == 0x73, b[at + 4] == 0x65 {
                at += 5
                return false
            }
            return nil
        }

        /// The items of an array, each read by `item`; false when one is not what it must be.
        mutating func array(_ item: (inout Reader) -> Bool) -> Bool {
            guard take(0x5B) else { return false }
            if take(0x5D) { return true }
            while true {
                guard item(&self) else { return false }
                if take(0x2C) { continue }
                return take(0x5D)
            }
        }

        /// The members of an object, each read by `member` with its key; false on a bad member.
        mutating func object(_ member: (inout Reader, Range<Int>) -> Bool) -> Bool {
            guard take(0x7B) else { return false }
            if take(0x7D) { return true }
            while true {
                guard let k = key(), member(&self, k) else { return false }
                if take(0x2C) { continue }
                return take(0x7D)
            }
        }

        mutating func instance() -> Allocation.Instance? {
            var defaultMin: Int?
            var categories: [String] = []
            var categoryIndex: [String: Int] = [:]
            var programs: [Allocation.Program]?
            var programIndex: [String: Int32] = [:]
            var applicants: [Allocation.Applicant]?
            // Programs' minimum group sizes left to the default, filled in at the end (the default may come later).
            var defaulted: [Int] = []
            let ok = object { r, k in
                if r.isKey(k, "defaultMinGroupSize") {
                    guard defaultMin == nil, let n = r.integer(minimum: 0) else { return false }
                    defaultMin = n
                    return true
                }
                if r.isKey(k, "programs") {
                    guard programs == nil, applicants == nil else { return false }
                    var list: [Allocation.Program] = []
                    programIndex.reserveCapacity(min(r.b.count / 1000, 1_000_000))
                    let read = r.array { r in
                        var id: String?
                        var seats: Int?
                        var minGroup: Int?
                        var quotas: [Allocation.Quota]?
                        var reserved = 0
                        let fine = r.object { r, k in
                            if r.isKey(k, "id") {
                                guard id == nil, let s = r.string() else { return false }
                                id = s
                            } else if r.isKey(k, "seats") {
                                guard seats == nil, let n = r.integer(minimum: 1) else { return false }
                                seats = n
                            } else if r.isKey(k, "minGroupSize") {
                                guard minGroup == nil, let n = r.integer(minimum: 0) else { return false }
                                minGroup = n
                            } else if r.isKey(k, "quotas") {
                                guard quotas == nil else { return false }
                                var q: [Allocation.Quota] = []
                                var seen: Set<String> = []
                                let read = r.array { r in
                                    var name: String?
                                    var n: Int?
                                    let fine = r.object { r, k in
                                        if r.isKey(k, "category") {
                                            guard name == nil, let s = r.string() else { return false }
                                            name = s
                                        } else if r.isKey(k, "seats") {
                                            guard n == nil, let v = r.integer(minimum: 0) else { return false }
                                            n = v
                                        } else {
                                            return false
                                        }
                                        return true
                                    }
                                    guard fine, let name, let n, seen.insert(name).inserted else { return false }
                                    reserved += n
                                    let c: Int
                                    if let i = categoryIndex[name] {
                                        c = i
                                    } else {
                                        c = categories.count
                                        categories.append(name)
                                        categoryIndex[name] = c
                                    }
                                    q.append(.init(category: c, seats: n))
                                    return true
                                }
                                guard read else { return false }
                                quotas = q
                            } else {
                                return false
                            }
                            return true
                        }
                        guard fine, let id, let seats, reserved <= seats, programIndex.updateValue(Int32(list.count), forKey: id) == nil else {
                            return false
                        }
                        if minGroup == nil { defaulted.append(list.count) }
                        list.append(.init(id: id, seats: seats, quotas: quotas ?? [], minGroupSize: minGroup ?? 0))
                        return true
                    }
                    guard read else { return false }
                    programs = list
                    return true
                }
                if r.isKey(k, "applicants") {
                    guard applicants == nil, programs != nil else { return false }
                    var list: [Allocation.Applicant] = []
                    var ids = Set<String>()
                    // About 170 bytes an applicant; reserving spares the rehashing of a set that grows from nothing.
                    let expected = min(r.b.count / 150, 50_000_000)
                    list.reserveCapacity(expected)
                    ids.reserveCapacity(expected)
                    let read = r.array { r in
                        var id: String?
                        var score: Int?
                        var average: Int?
                        var quota: Int?
                        var ooc: Bool?
                        var choices: [Int32]?
                        var own: [Int?] = []
                        let fine = r.object { r, k in
                            if r.isKey(k, "id") {
                                guard id == nil, let s = r.string() else { return false }
                                id = s
                            } else if r.isKey(k, "score") {
                                guard score == nil, let h = r.decimal() else { return false }
                                score = h
                            } else if r.isKey(k, "documentAverage") {
                                guard average == nil, let h = r.decimal() else { return false }
                                average = h
                            } else if r.isKey(k, "quota") {
                                guard quota == nil, let s = r.string() else { return false }
                                if let i = categoryIndex[s] {
                                    quota = i
                                } else {
                                    quota = categories.count
                                    categories.append(s)
                                    categoryIndex[s] = categories.count - 1
                                }
                            } else if r.isKey(k, "outOfCompetition") {
                                guard ooc == nil, let v = r.boolean() else { return false }
                                ooc = v
                            } else if r.isKey(k, "choices") {
                                guard choices == nil else { return false }
                                var c: [Int32] = []
                                let read = r.array { r in
                                    r.space()
                                    let name: String
                                    var mine: Int?
                                    if r.peek() == 0x7B {
                                        var program: String?
                                        let fine = r.object { r, k in
                                            if r.isKey(k, "program") {
                                                guard program == nil, let s = r.string() else { return false }
                                                program = s
                                            } else if r.isKey(k, "score") {
                                                guard mine == nil, let h = r.decimal() else { return false }
                                                mine = h
                                            } else {
                                                return false
                                            }
                                            return true
                                        }
                                        guard fine, let program, mine != nil else { return false }
                                        name = program
                                    } else {
                                        guard let s = r.string() else { return false }
                                        name = s
                                    }
                                    guard let p = programIndex[name], !c.contains(p) else { return false }
                                    c.append(p)
                                    own.append(mine)
                                    return true
                                }
                                guard read else { return false }
                                choices = c
                            } else {
                                return false
                            }
                            return true
                        }
                        guard fine, let id, let average, let choices, ids.insert(id).inserted else { return false }
                        if score == nil, own.contains(where: { $0 == nil }) { return false }
                        list.append(
                            .init(
                                id: id, score: score, documentAverage: average, quota: quota, outOfCompetition: ooc ?? false, choices: choices,
                                choiceScores: own))
                        return true
                    }
                    guard read else { return false }
                    applicants = list
                    return true
                }
                return false
            }
            space()
            guard ok, at == b.count, var programs, let applicants else { return nil }
            let fallback = defaultMin ?? 15
            for p in defaulted { programs[p].minGroupSize = fallback }
            return Allocation.Instance(categories: categories, programs: programs, applicants: applicants)
        }
    }
}
