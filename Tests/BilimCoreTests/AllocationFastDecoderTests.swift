import BilimCore
import Testing

/// The one-pass reader of the allocation input gives the same instance as the strict tree reader on everything it
/// accepts, and hands everything else to it, so that a refusal keeps its exact message.
@Suite struct AllocationFastDecoderTests {
    @Test("generated instances (one score, a score per choice, quotas, out of competition) read the same by both readers", arguments: [1, 2, 3] as [UInt64])
    func generated(_ seed: UInt64) throws {
        let instance = AllocationGenerator(applicants: 2000, programs: 150, regions: 3, seed: seed).make()
        let bytes = AllocationJSON.encode(instance)
        let read = try AllocationJSON.decode(bytes)
        #expect(AllocationJSON.acceptedInOnePass(bytes))
        #expect(try AllocationJSON.strictDecode(bytes) == read)
        // The same applicants, choices and scores as generated (the category list holds only the ones in use).
        #expect(read.applicants.map(\.id) == instance.applicants.map(\.id) && read.applicants.map(\.choices) == instance.applicants.map(\.choices))
        #expect(read.applicants.map(\.choiceScores) == instance.applicants.map(\.choiceScores) && read.applicants.map(\.score) == instance.applicants.map(\.score))
        #expect(Allocation.run(read).assignments == Allocation.run(instance).assignments)
    }

    @Test("unusual but valid input is read by the strict reader with the same meaning", arguments: [
        #"{"applicants": [{"id": "A", "score": "4", "documentAverage": "4", "choices": ["P"]}], "programs": [{"id": "P", "seats": 1}]}"#,
        #"{"programs": [{"id": "P\u00e9", "seats": 1, "quotas": null}], "applicants": [{"id": "A", "score": "4", "documentAverage": "4", "quota": null, "choices": ["P\u00e9"]}]}"#,
        #"{"programs": [{"id": "Pé", "seats": 1, "note": "x"}], "applicants": []}"#,
        #"{"defaultMinGroupSize": 3, "programs": [{"id": "P", "seats": 5}], "applicants": [], "comment": {"a": [1, 2]}}"#,
    ])
    func unusual(_ json: String) throws {
        let bytes = Array(json.utf8)
        #expect(!AllocationJSON.acceptedInOnePass(bytes))
        #expect(try AllocationJSON.decode(bytes) == AllocationJSON.strictDecode(bytes))
    }

    @Test("a late default minimum applies to the programs before it; the one-pass reader agrees")
    func lateDefault() throws {
        let bytes = Array(#"{"programs": [{"id": "P", "seats": 5}, {"id": "Q", "seats": 5, "minGroupSize": 1}], "applicants": [], "defaultMinGroupSize": 3}"#.utf8)
        #expect(AllocationJSON.acceptedInOnePass(bytes))
        let instance = try AllocationJSON.decode(bytes)
        #expect(instance == (try AllocationJSON.strictDecode(bytes)) && instance.programs.map(\.minGroupSize) == [3, 1])
    }

    @Test("every refusal is the strict reader's: mutated inputs give the same instance or the same message", arguments: 0..<300)
    func mutations(_ seed: Int) {
        var rng = AllocationGenerator.Random(seed: UInt64(seed) &+ 77)
        let instance = AllocationGenerator(applicants: 6, programs: 3, regions: 1, seed: UInt64(seed)).make()
        var bytes = AllocationJSON.encode(instance)
        let edits = ["\"", ",", "}", "]", "{", "0", "-", ".", "null", "\"P1\"", "\"score\": \"4\"", " ", "e5", "\\", "00", "\u{7F}"]
        for _ in 0..<(1 + rng.below(2)) {
            let at = rng.below(bytes.count)
            let text = Array(edits[rng.below(edits.count)].utf8)
            if rng.chance(500) { bytes.replaceSubrange(at..<min(bytes.count, at + 1), with: text) } else { bytes.insert(contentsOf: text, at: at) }
        }
        let fast = Result { () throws(AllocationJSON.InputError) in try AllocationJSON.decode(bytes) }
        let strict = Result { () throws(AllocationJSON.InputError) in try AllocationJSON.strictDecode(bytes) }
        switch (fast, strict) {
        case (.success(let a), .success(let b)): #expect(a == b)
        case (.failure(let a), .failure(let b)): #expect(a == b)
        default: Issue.record("the readers disagree on \(String(decoding: bytes, as: UTF8.self))")
        }
    }

    @Test("the flat instance the national run reads holds the same instance: both ways, from both readers, and the result is written the same")
    func flat() throws {
        var instance = AllocationGenerator(applicants: 3000, programs: 200, regions: 3, seed: 9).make()
        // Ids that need escaping and ids longer than the eight bytes the ranking's prefix holds, tied on everything else.
        instance.programs[0].id = "P \"квота\" \\ 1"
        instance.applicants[0].id = "A-very-long-id-0001"
        instance.applicants[1].id = "A-very-long-id-0000"
        instance.applicants[1].documentAverage = instance.applicants[0].documentAverage
        let flat = Allocation.Flat(instance)
        #expect(Allocation.Instance(flat) == instance)
        let bytes = AllocationJSON.encode(instance)
        #expect(try AllocationJSON.decodeFlat(bytes) == Allocation.Flat(AllocationJSON.strictDecode(bytes)))
        let result = Allocation.run(flat)
        #expect(result == Allocation.run(instance))
        let written = AllocationJSON.encode(result, of: flat)
        let text = String(decoding: written, as: UTF8.self)
        #expect(text.contains(#""P \"квота\" \\ 1""#) && text.contains(#""A-very-long-id-0000": "#))
        // The output is valid JSON with every applicant and program.
        guard case .object(let top) = try StrictJSON.parse(written), case .object(let assignments)? = top.first?.value else {
            Issue.record("the result is not an object of assignments")
            return
        }
        #expect(assignments.count == instance.applicants.count)
    }
}
