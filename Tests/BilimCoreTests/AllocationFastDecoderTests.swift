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
}
