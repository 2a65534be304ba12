import Foundation
import Testing

/// `bilim admission allocate` as spec/allocation.md's command-line contract states it.
@Suite struct AdmissionAllocateTests {
    static let instance = #"""
        {"defaultMinGroupSize": null,
         "programs": [{"id": "P1", "seats": 2, "quotas": [{"category": "rural", "seats": 1}], "minGroupSize": 0},
                      {"id": "P2", "seats": 20}],
         "applicants": [
           {"id": "N1", "score": "5", "documentAverage": "5", "choices": ["P1"]},
           {"id": "N2", "score": "4.9", "documentAverage": "5", "quota": null, "outOfCompetition": null, "choices": ["P1", "P2"]},
           {"id": "R1", "score": "3", "documentAverage": "3", "quota": "rural", "choices": ["P1"]}]}
        """#

    @Test("allocates the instance and writes the result; a group under its minimum does not form (003 §54) (003 §63)")
    func allocates() throws {
        let dir = try CLI.tempDir()
        let input = dir.appendingPathComponent("in.json")
        let output = dir.appendingPathComponent("out.json")
        try Data(Self.instance.utf8).write(to: input)
        let r = try CLI.run(["admission", "allocate", "--input", input.path, "--output", output.path])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any])
        let assignments = try #require(json["assignments"] as? [String: Any])
        #expect(assignments["N1"] as? String == "P1" && assignments["R1"] as? String == "P1")
        #expect(assignments["N2"] is NSNull)  // P2 had one applicant, under the default minimum of 15
        let programs = try #require(json["programs"] as? [String: [String: Any]])
        #expect(programs["P1"]?["status"] as? String == "formed" && programs["P1"]?["admitted"] as? Int == 2)
        #expect(programs["P2"]?["status"] as? String == "notFormed" && programs["P2"]?["freeSeats"] as? Int == 20)
    }

    @Test("a choice may carry its own score: {\"program\", \"score\"} objects and program ids mixed, the applicant's score optional (003 §54)")
    func perChoice() throws {
        let dir = try CLI.tempDir()
        let input = dir.appendingPathComponent("in.json")
        let output = dir.appendingPathComponent("out.json")
        try Data(
            #"""
            {"defaultMinGroupSize": 0, "programs": [{"id": "PED", "seats": 1}, {"id": "WRK", "seats": 1}],
             "applicants": [
               {"id": "X", "documentAverage": "4", "choices": [{"program": "WRK", "score": "4.00"}, {"program": "PED", "score": "4.75"}]},
               {"id": "Y", "score": "4.50", "documentAverage": "4", "choices": ["PED"]},
               {"id": "Z", "score": "4.50", "documentAverage": "4", "choices": ["WRK"]}]}
            """#.utf8
        ).write(to: input)
        let r = try CLI.run(["admission", "allocate", "--input", input.path, "--output", output.path])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any])
        let assignments = try #require(json["assignments"] as? [String: Any])
        #expect(assignments["X"] as? String == "PED" && assignments["Z"] as? String == "WRK" && assignments["Y"] is NSNull)
    }

    @Test("bad input: a clear message on standard error, exit 2, and no output file", arguments: [
        (#"{"programs": [], "applicants": [{"id": "A", "score": "4.", "documentAverage": "4", "choices": []}]}"#, "applicants[0].score"),
        (#"{"programs": [{"id": "P1", "seats": 1, "seats": 2}], "applicants": []}"#, "appears twice"),
        (#"{"programs": [{"id": "P1", "seats": 1}], "applicants": [{"id": "A", "score": "4", "documentAverage": "4", "choices": ["P2"]}]}"#, "not a program"),
        ("not json", "invalid JSON"),
        (#"{"programs": [{"id": "P1", "seats": 1}], "applicants": [{"id": "A", "documentAverage": "4", "choices": ["P1"]}]}"#, "gives no score"),
        (#"{"programs": [{"id": "P1", "seats": 1}], "applicants": [{"id": "A", "documentAverage": "4", "choices": [{"program": "P1", "score": "4", "x": 1}]}]}"#, "the key \"x\" is not one of"),
    ])
    func refuses(_ json: String, _ message: String) throws {
        let dir = try CLI.tempDir()
        let input = dir.appendingPathComponent("in.json")
        let output = dir.appendingPathComponent("out.json")
        try Data(json.utf8).write(to: input)
        let r = try CLI.run(["admission", "allocate", "--input", input.path, "--output", output.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test("a missing input file or option is a usage error, exit 2")
    func usage() throws {
        let dir = try CLI.tempDir()
        let missing = try CLI.run(["admission", "allocate", "--input", dir.appendingPathComponent("none.json").path, "--output", dir.appendingPathComponent("o.json").path])
        #expect(missing.status == 2 && missing.stderr.contains("cannot read"))
        let noOutput = try CLI.run(["admission", "allocate", "--input", "x.json"])
        #expect(noOutput.status == 2)
    }
}
