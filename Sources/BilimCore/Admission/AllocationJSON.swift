/// The JSON contract of `bilim admission allocate` (spec/allocation.md "Command-line contract"): reading an instance
/// strictly, refusing bad input with a message that names the place, and writing the result.
package enum AllocationJSON {
    package struct InputError: Error, Equatable, CustomStringConvertible {
        package let description: String
        init(_ description: String) { self.description = description }
    }

    /// A string id or category compared by its UTF-8 bytes, with no Unicode normalization.
    struct ByteKey: Hashable {
        let bytes: [UInt8]
        init(_ s: String) { bytes = Array(s.utf8) }
    }

    package static func decode(_ bytes: [UInt8]) throws(InputError) -> Allocation.Instance {
        // The one-pass reader takes what is certainly valid; everything else is read again here, strictly.
        if let fast = bytes.withUnsafeBufferPointer(AllocationFastDecoder.decode) { return Allocation.Instance(fast) }
        return try strictDecode(bytes)
    }

    /// The input as a flat instance, for the national run: the one-pass reader writes it directly.
    package static func decodeFlat(_ bytes: [UInt8]) throws(InputError) -> Allocation.Flat {
        if let fast = bytes.withUnsafeBufferPointer(AllocationFastDecoder.decode) { return fast }
        return Allocation.Flat(try strictDecode(bytes))
    }

    /// Whether the one-pass reader took the input (for its tests).
    package static func acceptedInOnePass(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer(AllocationFastDecoder.decode) != nil
    }

    /// The tree reader: slower, but every refusal names its place (and the oracle of the one-pass reader's tests).
    package static func strictDecode(_ bytes: [UInt8]) throws(InputError) -> Allocation.Instance {
        let root: StrictJSON
        do { root = try StrictJSON.parse(bytes) } catch { throw InputError(error.description) }
        let top = try object(root, "the input")
        let defaultMin = try optionalInteger(top, "defaultMinGroupSize", in: "the input", minimum: 0) ?? 15
        let programValues = try array(try required(top, "programs", in: "the input"), "programs")
        let applicantValues = try array(try required(top, "applicants", in: "the input"), "applicants")

        var categories: [String] = []
        var categoryIndex: [ByteKey: Int] = [:]
        func category(_ name: String) -> Int {
            let key = ByteKey(name)
            if let i = categoryIndex[key] { return i }
            categories.append(name)
            categoryIndex[key] = categories.count - 1
            return categories.count - 1
        }

        var programs: [Allocation.Program] = []
        programs.reserveCapacity(programValues.count)
        var programIndex: [ByteKey: Int32] = [:]
        programIndex.reserveCapacity(programValues.count)
        for (i, value) in programValues.enumerated() {
            let place = "programs[\(i)]"
            let p = try object(value, place)
            let id = try nonEmptyString(try required(p, "id", in: place), "\(place).id")
            let seats = try integer(try required(p, "seats", in: place), "\(place).seats", minimum: 1)
            let minGroup = try optionalInteger(p, "minGroupSize", in: place, minimum: 0) ?? defaultMin
            var quotas: [Allocation.Quota] = []
            var seen = Set<ByteKey>()
            var reserved = 0
            if let q = member(p, "quotas"), q != .null {
                for (j, item) in try array(q, "\(place).quotas").enumerated() {
                    let qPlace = "\(place).quotas[\(j)]"
                    let o = try object(item, qPlace)
                    let name = try nonEmptyString(try required(o, "category", in: qPlace), "\(qPlace).category")
                    let n = try integer(try required(o, "seats", in: qPlace), "\(qPlace).seats", minimum: 0)
                    guard seen.insert(ByteKey(name)).inserted else {
                        throw InputError("\(qPlace).category: the quota category \(quoted(name)) is listed twice in program \(quoted(id))")
                    }
                    reserved += n
                    quotas.append(.init(category: category(name), seats: n))
                }
            }
            guard reserved <= seats else {
                throw InputError("\(place).quotas: program \(quoted(id)) reserves \(reserved) places but has only \(seats) seats")
            }
            guard programIndex.updateValue(Int32(i), forKey: ByteKey(id)) == nil else {
                throw InputError("\(place).id: the program id \(quoted(id)) appears twice")
            }
            programs.append(.init(id: id, seats: seats, quotas: quotas, minGroupSize: minGroup))
        }

        var applicants: [Allocation.Applicant] = []
        applicants.reserveCapacity(applicantValues.count)
        var applicantIds = Set<ByteKey>()
        applicantIds.reserveCapacity(applicantValues.count)
        for (i, value) in applicantValues.enumerated() {
            let place = "applicants[\(i)]"
            let a = try object(value, place)
            let id = try nonEmptyString(try required(a, "id", in: place), "\(place).id")
            guard applicantIds.insert(ByteKey(id)).inserted else {
                throw InputError("\(place).id: the applicant id \(quoted(id)) appears twice")
            }
            // The applicant's score serves every choice that gives none of its own; it may be left out.
            var score: Int?
            if let v = member(a, "score"), v != .null { score = try decimal(v, "\(place).score") }
            let average = try decimal(try required(a, "documentAverage", in: place), "\(place).documentAverage")
            var quota: Int?
            if let q = member(a, "quota"), q != .null { quota = category(try nonEmptyString(q, "\(place).quota")) }
            var ooc = false
            if let o = member(a, "outOfCompetition"), o != .null {
                guard case .bool(let b) = o else { throw wrongType(o, "\(place).outOfCompetition", expected: "true or false") }
                ooc = b
            }
            var choices: [Int32] = []
            var choiceScores: [Int?] = []
            var chosen = Set<Int32>()
            for (j, c) in try array(try required(a, "choices", in: place), "\(place).choices").enumerated() {
                let cPlace = "\(place).choices[\(j)]"
                // A program id, or {"program": ID, "score": DECIMAL} with the score for that program.
                let name: String
                var own: Int?
                switch c {
                case .string:
                    name = try nonEmptyString(c, cPlace)
                case .object(let members):
                    for m in members where m.key != "program" && m.key != "score" {
                        throw InputError("\(cPlace): the key \(quoted(m.key)) is not one of \"program\", \"score\"")
                    }
                    name = try nonEmptyString(try required(members, "program", in: cPlace), "\(cPlace).program")
                    own = try decimal(try required(members, "score", in: cPlace), "\(cPlace).score")
                default:
                    throw wrongType(c, cPlace, expected: "a program id or an object {\"program\", \"score\"}")
                }
                guard let p = programIndex[ByteKey(name)] else {
                    throw InputError("\(cPlace): applicant \(quoted(id)) chose \(quoted(name)), which is not a program of the input")
                }
                guard chosen.insert(p).inserted else {
                    throw InputError("\(cPlace): applicant \(quoted(id)) chose program \(quoted(name)) twice")
                }
                guard own != nil || score != nil else {
                    throw InputError("\(cPlace): the choice of \(quoted(name)) gives no score and applicant \(quoted(id)) has no \"score\"")
                }
                choices.append(p)
                choiceScores.append(own)
            }
            applicants.append(
                .init(id: id, score: score, documentAverage: average, quota: quota, outOfCompetition: ooc, choices: choices, choiceScores: choiceScores))
        }
        return Allocation.Instance(categories: categories, programs: programs, applicants: applicants)
    }

    /// The result as the contract writes it: every applicant and every program of the input, in input order.
    package static func encode(_ result: Allocation.Result, of instance: Allocation.Instance) -> [UInt8] {
        encode(result, of: Allocation.Flat(instance))
    }

    package static func encode(_ result: Allocation.Result, of flat: Allocation.Flat) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(flat.applicantIDBytes.count * 2 + flat.applicantCount * 12 + flat.programCount * 72 + 64)
        func put(_ s: StaticString) { out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount)) }
        func put(_ n: Int) {
            if n < 0 { out.append(UInt8(ascii: "-")) }
            var v = n.magnitude
            let first = out.count
            repeat {
                out.append(UInt8(truncatingIfNeeded: 0x30 + v % 10))
                v /= 10
            } while v > 0
            out[first...].reverse()
        }
        func id(_ buffer: [UInt8], _ start: [Int32], _ i: Int) {
            let bytes = buffer[Int(start[i])..<Int(start[i + 1])]
            // Plain ASCII ids (all of them, in practice) are copied as they are; others are escaped.
            if bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) {
                out.append(0x22)
                out.append(contentsOf: bytes)
                out.append(0x22)
            } else {
                StrictJSON.quote(bytes: bytes, into: &out)
            }
        }
        put("{\n  \"assignments\": {")
        for a in 0..<flat.applicantCount {
            put(a == 0 ? "\n    " : ",\n    ")
            id(flat.applicantIDBytes, flat.applicantIDStart, a)
            put(": ")
            if let p = result.assignments[a] {
                id(flat.programIDBytes, flat.programIDStart, Int(p))
            } else {
                put("null")
            }
        }
        put(flat.applicantCount == 0 ? "},\n  \"programs\": {" : "\n  },\n  \"programs\": {")
        for p in 0..<flat.programCount {
            let o = result.programs[p]
            put(p == 0 ? "\n    " : ",\n    ")
            id(flat.programIDBytes, flat.programIDStart, p)
            switch o.status {
            case .formed: put(": {\"status\": \"formed\", \"admitted\": ")
            case .notFormed: put(": {\"status\": \"notFormed\", \"admitted\": ")
            case .empty: put(": {\"status\": \"empty\", \"admitted\": ")
            }
            put(o.admitted)
            put(", \"freeSeats\": ")
            put(o.freeSeats)
            put("}")
        }
        put(flat.programCount == 0 ? "}\n}\n" : "\n  }\n}\n")
        return out
    }

    /// An instance in the contract's input form (for the benchmark, to time the command as a whole).
    package static func encode(_ instance: Allocation.Instance) -> [UInt8] {
        func decimal(_ h: Int) -> String { "\(h / 100).\(h % 100 < 10 ? "0" : "")\(h % 100)" }
        var out: [UInt8] = []
        out.append(contentsOf: Array("{\"programs\": [".utf8))
        for (i, p) in instance.programs.enumerated() {
            if i > 0 { out.append(contentsOf: Array(",\n".utf8)) }
            out.append(contentsOf: Array("{\"id\": ".utf8))
            StrictJSON.quote(p.id, into: &out)
            out.append(contentsOf: Array(", \"seats\": \(p.seats), \"minGroupSize\": \(p.minGroupSize), \"quotas\": [".utf8))
            for (j, q) in p.quotas.enumerated() {
                if j > 0 { out.append(contentsOf: Array(", ".utf8)) }
                out.append(contentsOf: Array("{\"category\": ".utf8))
                StrictJSON.quote(instance.categories[q.category], into: &out)
                out.append(contentsOf: Array(", \"seats\": \(q.seats)}".utf8))
            }
            out.append(contentsOf: Array("]}".utf8))
        }
        out.append(contentsOf: Array("],\n\"applicants\": [".utf8))
        for (i, a) in instance.applicants.enumerated() {
            if i > 0 { out.append(contentsOf: Array(",\n".utf8)) }
            out.append(contentsOf: Array("{\"id\": ".utf8))
            StrictJSON.quote(a.id, into: &out)
            if let score = a.score { out.append(contentsOf: Array(", \"score\": \"\(decimal(score))\"".utf8)) }
            out.append(contentsOf: Array(", \"documentAverage\": \"\(decimal(a.documentAverage))\"".utf8))
            if let q = a.quota {
                out.append(contentsOf: Array(", \"quota\": ".utf8))
                StrictJSON.quote(instance.categories[q], into: &out)
            }
            if a.outOfCompetition { out.append(contentsOf: Array(", \"outOfCompetition\": true".utf8)) }
            out.append(contentsOf: Array(", \"choices\": [".utf8))
            for (j, c) in a.choices.enumerated() {
                if j > 0 { out.append(contentsOf: Array(", ".utf8)) }
                if let own = a.choiceScores[j] {
                    out.append(contentsOf: Array("{\"program\": ".utf8))
                    StrictJSON.quote(instance.programs[Int(c)].id, into: &out)
                    out.append(contentsOf: Array(", \"score\": \"\(decimal(own))\"}".utf8))
                } else {
                    StrictJSON.quote(instance.programs[Int(c)].id, into: &out)
                }
            }
            out.append(contentsOf: Array("]}".utf8))
        }
        out.append(contentsOf: Array("]}\n".utf8))
        return out
    }

    /// A score or average of the form `digits[.d[d]]`, in hundredths.
    package static func hundredths(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        var i = 0
        var whole = 0
        while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) {
            let (m, o1) = whole.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int(bytes[i] - UInt8(ascii: "0")))
            if o1 || o2 || s > Int.max / 100 { return nil }
            whole = s
            i += 1
        }
        guard i > 0 else { return nil }
        var fraction = 0
        if i < bytes.count {
            guard bytes[i] == UInt8(ascii: "."), i + 1 < bytes.count, bytes.count - i - 1 <= 2 else { return nil }
            let digits = bytes[(i + 1)...]
            guard digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
            fraction = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) } * (digits.count == 1 ? 10 : 1)
        }
        return whole * 100 + fraction
    }

    // MARK: Reading helpers

    static func quoted(_ s: String) -> String {
        var out: [UInt8] = []
        StrictJSON.quote(s, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func wrongType(_ v: StrictJSON, _ place: String, expected: String) -> InputError {
        InputError("\(place): expected \(expected), found \(v.typeName)")
    }

    static func object(_ v: StrictJSON, _ place: String) throws(InputError) -> [(key: String, value: StrictJSON)] {
        guard case .object(let members) = v else { throw wrongType(v, place, expected: "an object") }
        return members
    }

    static func array(_ v: StrictJSON, _ place: String) throws(InputError) -> [StrictJSON] {
        guard case .array(let items) = v else { throw wrongType(v, place, expected: "an array") }
        return items
    }

    static func member(_ o: [(key: String, value: StrictJSON)], _ name: String) -> StrictJSON? {
        o.first { $0.key.utf8.elementsEqual(name.utf8) }?.value
    }

    static func required(_ o: [(key: String, value: StrictJSON)], _ name: String, in place: String) throws(InputError) -> StrictJSON {
        guard let v = member(o, name), v != .null else { throw InputError("\(place): the required field \"\(name)\" is missing") }
        return v
    }

    static func nonEmptyString(_ v: StrictJSON, _ place: String) throws(InputError) -> String {
        guard case .string(let s) = v else { throw wrongType(v, place, expected: "a string") }
        guard !s.isEmpty else { throw InputError("\(place): must not be empty") }
        return s
    }

    static func integer(_ v: StrictJSON, _ place: String, minimum: Int) throws(InputError) -> Int {
        guard case .number(let text) = v else { throw wrongType(v, place, expected: "an integer") }
        guard text.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            throw InputError("\(place): expected an integer, found \(text)")
        }
        guard let n = Int(text), n <= Int(Int32.max) else { throw InputError("\(place): \(text) is out of range") }
        guard n >= minimum else { throw InputError("\(place): \(text) is out of range (at least \(minimum))") }
        return n
    }

    static func optionalInteger(
        _ o: [(key: String, value: StrictJSON)], _ name: String, in place: String, minimum: Int
    ) throws(InputError) -> Int? {
        guard let v = member(o, name), v != .null else { return nil }
        return try integer(v, "\(place).\(name)", minimum: minimum)
    }

    static func decimal(_ v: StrictJSON, _ place: String) throws(InputError) -> Int {
        guard case .string(let text) = v else { throw wrongType(v, place, expected: "a string such as \"4.57\"") }
        guard let h = hundredths(text) else {
            throw InputError("\(place): \(quoted(text)) is not of the form digits[.d[d]] (such as \"4\", \"4.5\", \"4.57\")")
        }
        return h
    }
}
