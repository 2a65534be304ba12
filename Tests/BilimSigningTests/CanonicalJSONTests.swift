import BilimSigning
import Foundation
import Testing

@Suite struct CanonicalJSONTests {
    struct Sample: Encodable {
        var zeta = 1
        var alpha = "a/b"
        var middle: [String] = ["x"]
    }

    @Test func sortsKeysAndLeavesSlashesUnescaped() throws {
        let json = String(decoding: try CanonicalJSON.encode(Sample()), as: UTF8.self)
        #expect(json == #"{"alpha":"a/b","middle":["x"],"zeta":1}"#)
    }

    @Test func equalValuesGiveEqualBytes() throws {
        #expect(try CanonicalJSON.encode(["b": 2, "a": 1]) == CanonicalJSON.encode(["a": 1, "b": 2]))
    }
}
