import BilimCore
import Testing

/// Worked examples derived by hand from spec/allocation.md.
@Suite struct AllocationExampleTests {
    /// Reads a small instance written in the contract's JSON, runs it, and returns applicant id → program id.
    func allocate(_ json: String) throws -> (assignments: [String: String], programs: [String: Allocation.ProgramOutcome]) {
        let instance = try AllocationJSON.decode(Array(json.utf8))
        let result = Allocation.run(instance)
        var a: [String: String] = [:]
        for (i, p) in result.assignments.enumerated() { a[instance.applicants[i].id] = p.map { instance.programs[Int($0)].id } ?? "-" }
        var p: [String: Allocation.ProgramOutcome] = [:]
        for (i, o) in result.programs.enumerated() { p[instance.programs[i].id] = o }
        return (a, p)
    }

    @Test("priority: higher score, then the document average, then a quota category before none, then the smaller id by bytes (003 §61)")
    func priority() throws {
        let r = try allocate(
            #"""
            {"programs": [{"id": "P1", "seats": 3, "minGroupSize": 0}],
             "applicants": [
               {"id": "A", "score": "4.5", "documentAverage": "4.00", "choices": ["P1"]},
               {"id": "B", "score": "4.50", "documentAverage": "4.2", "choices": ["P1"]},
               {"id": "C", "score": "4.50", "documentAverage": "4.20", "quota": "rural", "choices": ["P1"]},
               {"id": "D", "score": "4.6", "documentAverage": "3", "choices": ["P1"]},
               {"id": "A9", "score": "4.5", "documentAverage": "4", "choices": ["P1"]},
               {"id": "A10", "score": "4.5", "documentAverage": "4", "choices": ["P1"]}]}
            """#)
        // D (4.60) first; C and B tie on score and average, C holds a category; then A, A10, A9 tie entirely and
        // "A" < "A10" < "A9" by bytes.
        #expect(r.assignments == ["D": "P1", "C": "P1", "B": "P1", "A": "-", "A10": "-", "A9": "-"])
        let r2 = try allocate(
            #"""
            {"programs": [{"id": "P1", "seats": 5, "minGroupSize": 0}],
             "applicants": [
               {"id": "A", "score": "4.5", "documentAverage": "4.00", "choices": ["P1"]},
               {"id": "A9", "score": "4.5", "documentAverage": "4", "choices": ["P1"]},
               {"id": "A10", "score": "4.5", "documentAverage": "4", "choices": ["P1"]},
               {"id": "Z", "score": "3", "documentAverage": "5", "choices": ["P1"]},
               {"id": "Y", "score": "3", "documentAverage": "5", "choices": ["P1"]},
               {"id": "X", "score": "2.99", "documentAverage": "5", "choices": ["P1"]}]}
            """#)
        #expect(r2.assignments == ["A": "P1", "A10": "P1", "A9": "P1", "Y": "P1", "Z": "P1", "X": "-"])
    }

    @Test("the score belongs to each choice (003 §54): X scores 4.75 for the pedagogical program and 4.00 for the worker one, and takes the pedagogical place from Y's 4.50, where one score for all choices would have left X out")
    func perChoiceScore() throws {
        // Grades kazakh 5, math 4, biology 3: PED (kazakh + math, its exam mark 5) scores ((5 + 4) / 2 + 5) / 2 = 4.75,
        // WRK (math) 4.00. X wants WRK first.
        let json = #"""
            {"defaultMinGroupSize": 0,
             "programs": [{"id": "PED", "seats": 1}, {"id": "WRK", "seats": 1}],
             "applicants": [
               {"id": "X", "documentAverage": "4", "choices": [{"program": "WRK", "score": "4.00"}, {"program": "PED", "score": "4.75"}]},
               {"id": "Y", "score": "4.50", "documentAverage": "4", "choices": ["PED"]},
               {"id": "Z", "score": "4.50", "documentAverage": "4", "choices": ["WRK"]}]}
            """#
        let r = try allocate(json)
        #expect(r.assignments == ["X": "PED", "Y": "-", "Z": "WRK"])
        // With X's first choice's score for every choice, as the old rule had it, X loses both places.
        let one = try allocate(json.replacing(#""score": "4.75""#, with: #""score": "4.00""#))
        #expect(one.assignments == ["X": "-", "Y": "PED", "Z": "WRK"])
        // The forms may be mixed, and a choice's own score wins over the applicant's.
        let mixed = try allocate(
            #"""
            {"defaultMinGroupSize": 0, "programs": [{"id": "P", "seats": 1}],
             "applicants": [{"id": "A", "score": "3", "documentAverage": "4", "choices": [{"program": "P", "score": "5"}]},
                            {"id": "B", "score": "4", "documentAverage": "4", "choices": ["P"]}]}
            """#)
        #expect(mixed.assignments == ["A": "P", "B": "-"])
        // Written back, the instance keeps each choice's own score and reads the same.
        let instance = try AllocationJSON.decode(Array(json.utf8))
        #expect(try AllocationJSON.decode(AllocationJSON.encode(instance)) == instance)
    }

    @Test("reserved places first, in the program's order, then open places by priority; unfilled reserves become open (003 §26) (003 §61)")
    func reserves() throws {
        // seats 3, disability 1, rural 1: D1 and R1 take the reserves although three others score higher; one
        // open seat goes to N1.
        let r = try allocate(
            #"""
            {"programs": [{"id": "P1", "seats": 3, "minGroupSize": 0,
                           "quotas": [{"category": "disability", "seats": 1}, {"category": "rural", "seats": 1}]}],
             "applicants": [
               {"id": "N1", "score": "5", "documentAverage": "5", "choices": ["P1"]},
               {"id": "N2", "score": "4.9", "documentAverage": "5", "choices": ["P1"]},
               {"id": "N3", "score": "4.8", "documentAverage": "5", "choices": ["P1"]},
               {"id": "R1", "score": "3", "documentAverage": "3", "quota": "rural", "choices": ["P1"]},
               {"id": "D1", "score": "3.5", "documentAverage": "3", "quota": "disability", "choices": ["P1"]}]}
            """#)
        #expect(r.assignments == ["N1": "P1", "N2": "-", "N3": "-", "R1": "P1", "D1": "P1"])
        // Nobody of the category: its place is an open place.
        let open = try allocate(
            #"""
            {"programs": [{"id": "P1", "seats": 3, "minGroupSize": 0, "quotas": [{"category": "disability", "seats": 1}]}],
             "applicants": [
               {"id": "N1", "score": "5", "documentAverage": "5", "choices": ["P1"]},
               {"id": "N2", "score": "4.9", "documentAverage": "5", "choices": ["P1"]},
               {"id": "N3", "score": "4.8", "documentAverage": "5", "choices": ["P1"]},
               {"id": "N4", "score": "4.7", "documentAverage": "5", "choices": ["P1"]}]}
            """#)
        #expect(open.assignments == ["N1": "P1", "N2": "P1", "N3": "P1", "N4": "-"])
        // Two of the category for one reserved place: the better takes it, the other competes for open places.
        let two = try allocate(
            #"""
            {"programs": [{"id": "P1", "seats": 2, "minGroupSize": 0, "quotas": [{"category": "rural", "seats": 1}]}],
             "applicants": [
               {"id": "N1", "score": "5", "documentAverage": "5", "choices": ["P1"]},
               {"id": "R1", "score": "3", "documentAverage": "3", "quota": "rural", "choices": ["P1"]},
               {"id": "R2", "score": "4", "documentAverage": "3", "quota": "rural", "choices": ["P1"]}]}
            """#)
        #expect(two.assignments == ["N1": "P1", "R2": "P1", "R1": "-"])
    }

    @Test("out of competition: taken first while seats remain, never on a reserved place, even with a category (003 §3)")
    func outOfCompetition() throws {
        // seats 2, rural 1: O1 (out of competition, also rural) takes the first seat as out of competition; the rural
        // place still goes to R1; N1, the best score, is left out.
        let r = try allocate(
            #"""
            {"programs": [{"id": "P1", "seats": 2, "minGroupSize": 0, "quotas": [{"category": "rural", "seats": 1}]}],
             "applicants": [
               {"id": "N1", "score": "5", "documentAverage": "5", "choices": ["P1"]},
               {"id": "R1", "score": "4", "documentAverage": "4", "quota": "rural", "choices": ["P1"]},
               {"id": "O1", "score": "3", "documentAverage": "3", "quota": "rural", "outOfCompetition": true, "choices": ["P1"]}]}
            """#)
        #expect(r.assignments == ["N1": "-", "R1": "P1", "O1": "P1"])
        // More out-of-competition applicants than seats: the better of them.
        let many = try allocate(
            #"""
            {"programs": [{"id": "P1", "seats": 1, "minGroupSize": 0}],
             "applicants": [
               {"id": "O1", "score": "3", "documentAverage": "3", "outOfCompetition": true, "choices": ["P1"]},
               {"id": "O2", "score": "4", "documentAverage": "3", "outOfCompetition": true, "choices": ["P1"]},
               {"id": "N1", "score": "5", "documentAverage": "5", "outOfCompetition": false, "choices": ["P1"]}]}
            """#)
        #expect(many.assignments == ["O1": "-", "O2": "P1", "N1": "-"])
        // Seats short after step 1: the first listed category gets its place, the next gets none.
        let short = try allocate(
            #"""
            {"programs": [{"id": "P1", "seats": 2, "minGroupSize": 0,
                           "quotas": [{"category": "disability", "seats": 1}, {"category": "rural", "seats": 1}]}],
             "applicants": [
               {"id": "O1", "score": "2", "documentAverage": "2", "outOfCompetition": true, "choices": ["P1"]},
               {"id": "R1", "score": "4.9", "documentAverage": "4", "quota": "rural", "choices": ["P1"]},
               {"id": "D1", "score": "3", "documentAverage": "3", "quota": "disability", "choices": ["P1"]}]}
            """#)
        #expect(short.assignments == ["O1": "P1", "R1": "-", "D1": "P1"])
    }

    @Test("deferred acceptance: a rejected applicant goes on to the next choice, and a reserve can start the chain")
    func chains() throws {
        let r = try allocate(
            #"""
            {"defaultMinGroupSize": 0,
             "programs": [{"id": "P1", "seats": 1}, {"id": "P2", "seats": 1}],
             "applicants": [
               {"id": "A", "score": "5", "documentAverage": "5", "choices": ["P1"]},
               {"id": "B", "score": "4.5", "documentAverage": "5", "choices": ["P1", "P2"]},
               {"id": "C", "score": "4", "documentAverage": "5", "choices": ["P2"]},
               {"id": "E", "score": "5", "documentAverage": "5", "choices": []}]}
            """#)
        #expect(r.assignments == ["A": "P1", "B": "P2", "C": "-", "E": "-"])
        let q = try allocate(
            #"""
            {"defaultMinGroupSize": 0,
             "programs": [{"id": "P1", "seats": 2, "quotas": [{"category": "rural", "seats": 1}]}, {"id": "P2", "seats": 2}],
             "applicants": [
               {"id": "N1", "score": "5", "documentAverage": "5", "choices": ["P1"]},
               {"id": "N2", "score": "4.9", "documentAverage": "5", "choices": ["P1", "P2"]},
               {"id": "R1", "score": "3", "documentAverage": "3", "quota": "rural", "choices": ["P1"]}]}
            """#)
        #expect(q.assignments == ["N1": "P1", "N2": "P2", "R1": "P1"])
    }

    @Test("groups that do not form close one at a time, fewest admitted first, then the smaller id; a group that fills as another closes forms (003 §63)")
    func groupsThatDoNotForm() throws {
        // After the matching: P1 holds 2, P2 1, P3 1, all under 3. P2 and P3 tie at 1: P2 (smaller id) closes, b1
        // moves to P3 (2). P1 and P3 tie at 2: P1 closes, a1 and a2 move to P3, which now holds 4 and forms.
        // Closing every group under its minimum at once would have closed all three.
        let json = #"""
            {"defaultMinGroupSize": 3,
             "programs": [{"id": "P1", "seats": 5}, {"id": "P2", "seats": 5}, {"id": "P3", "seats": 5},
                          {"id": "P4", "seats": 5, "minGroupSize": 0}, {"id": "P5", "seats": 2, "minGroupSize": 15},
                          {"id": "P6", "seats": 4, "minGroupSize": null}],
             "applicants": [
               {"id": "a1", "score": "5", "documentAverage": "5", "choices": ["P1", "P3"]},
               {"id": "a2", "score": "4.9", "documentAverage": "5", "choices": ["P1", "P3"]},
               {"id": "b1", "score": "4.8", "documentAverage": "5", "choices": ["P2", "P3"]},
               {"id": "c1", "score": "4", "documentAverage": "5", "quota": null, "choices": ["P3"]},
               {"id": "e1", "score": "3", "documentAverage": "3", "choices": ["P4"]},
               {"id": "s1", "score": "3", "documentAverage": "3", "choices": ["P5"]},
               {"id": "s2", "score": "3", "documentAverage": "3", "choices": ["P5"]}]}
            """#
        let r = try allocate(json)
        #expect(r.assignments == ["a1": "P3", "a2": "P3", "b1": "P3", "c1": "P3", "e1": "P4", "s1": "-", "s2": "-"])
        #expect(r.programs["P1"] == .init(status: .notFormed, admitted: 0, freeSeats: 5))
        #expect(r.programs["P2"] == .init(status: .notFormed, admitted: 0, freeSeats: 5))
        #expect(r.programs["P3"] == .init(status: .formed, admitted: 4, freeSeats: 1))
        // Exempt from the minimum (arts and culture, health care): one is enough.
        #expect(r.programs["P4"] == .init(status: .formed, admitted: 1, freeSeats: 4))
        // Fewer seats than its minimum: can never form.
        #expect(r.programs["P5"] == .init(status: .notFormed, admitted: 0, freeSeats: 2))
        #expect(r.programs["P6"] == .init(status: .empty, admitted: 0, freeSeats: 4))

        // The contract's output, exactly.
        let instance = try AllocationJSON.decode(Array(json.utf8))
        let text = String(decoding: AllocationJSON.encode(Allocation.run(instance), of: instance), as: UTF8.self)
        #expect(
            text == """
                {
                  "assignments": {
                    "a1": "P3",
                    "a2": "P3",
                    "b1": "P3",
                    "c1": "P3",
                    "e1": "P4",
                    "s1": null,
                    "s2": null
                  },
                  "programs": {
                    "P1": {"status": "notFormed", "admitted": 0, "freeSeats": 5},
                    "P2": {"status": "notFormed", "admitted": 0, "freeSeats": 5},
                    "P3": {"status": "formed", "admitted": 4, "freeSeats": 1},
                    "P4": {"status": "formed", "admitted": 1, "freeSeats": 4},
                    "P5": {"status": "notFormed", "admitted": 0, "freeSeats": 2},
                    "P6": {"status": "empty", "admitted": 0, "freeSeats": 4}
                  }
                }

                """)
    }

    @Test("ids are compared by their UTF-8 bytes: é precomposed and e with a combining accent are two different programs")
    func bytesNotCharacters() throws {
        let json = "{\"programs\": [{\"id\": \"P\\u00e9\", \"seats\": 1, \"minGroupSize\": 0}, {\"id\": \"Pe\\u0301\", \"seats\": 1, \"minGroupSize\": 0}],"
            + "\"applicants\": [{\"id\": \"x\", \"score\": \"4\", \"documentAverage\": \"4\", \"choices\": [\"Pe\\u0301\"]},"
            + "{\"id\": \"y\", \"score\": \"5\", \"documentAverage\": \"4\", \"choices\": [\"P\\u00e9\"]}]}"
        let instance = try AllocationJSON.decode(Array(json.utf8))
        #expect(instance.programs.map { Array($0.id.utf8) } == [Array("P\u{e9}".utf8), Array("Pe\u{301}".utf8)])
        let result = Allocation.run(instance)
        // Each applicant gets the program it chose, not the one that looks the same.
        #expect(result.assignments == [1, 0])
    }

    @Test("scores as exact hundredths: digits with up to two decimals, nothing else")
    func scores() {
        #expect(AllocationJSON.hundredths("4") == 400)
        #expect(AllocationJSON.hundredths("4.5") == 450)
        #expect(AllocationJSON.hundredths("4.57") == 457)
        #expect(AllocationJSON.hundredths("0.05") == 5)
        #expect(AllocationJSON.hundredths("04.50") == 450)
        for bad in ["4.", ".5", "4.567", "-1", "1e2", "", " 4", "4 ", "4,5", "٤", "+4", "99999999999999999999"] {
            #expect(AllocationJSON.hundredths(bad) == nil, "\(bad)")
        }
    }

    @Test("bad input is refused with a message that names the place", arguments: [
        (#"{"programs": [], "applicants": [{"id": "A", "score": "4", "documentAverage": "4", "choices": ["P9"]}]}"#, "not a program of the input"),
        (#"{"programs": [{"id": "P1", "seats": 1}], "applicants": [{"id": "A", "score": "4", "documentAverage": "4", "choices": ["P1", "P1"]}]}"#, "twice"),
        (#"{"programs": [{"id": "P1", "seats": 1}, {"id": "P1", "seats": 2}], "applicants": []}"#, "program id \"P1\" appears twice"),
        (#"{"programs": [], "applicants": [{"id": "A", "score": "4", "documentAverage": "4", "choices": []}, {"id": "A", "score": "4", "documentAverage": "4", "choices": []}]}"#, "applicant id \"A\" appears twice"),
        (#"{"programs": [{"id": "P1", "seats": 3, "quotas": [{"category": "rural", "seats": 1}, {"category": "rural", "seats": 1}]}], "applicants": []}"#, "listed twice"),
        (#"{"programs": [{"id": "P1", "seats": 1, "quotas": [{"category": "rural", "seats": 2}]}], "applicants": []}"#, "reserves 2 places but has only 1 seats"),
        (#"{"programs": [], "applicants": [{"id": "A", "score": "4.567", "documentAverage": "4", "choices": []}]}"#, "applicants[0].score"),
        (#"{"programs": [], "applicants": [{"id": "A", "score": 4.5, "documentAverage": "4", "choices": []}]}"#, "expected a string"),
        (#"{"programs": [{"id": "P1", "seats": 1}], "applicants": [{"id": "A", "documentAverage": "4", "choices": ["P1"]}]}"#,
         "applicants[0].choices[0]: the choice of \"P1\" gives no score and applicant \"A\" has no \"score\""),
        (#"{"programs": [{"id": "P1", "seats": 1}], "applicants": [{"id": "A", "documentAverage": "4", "choices": [{"program": "P1", "score": "4", "rank": 1}]}]}"#,
         "applicants[0].choices[0]: the key \"rank\" is not one of \"program\", \"score\""),
        (#"{"programs": [{"id": "P1", "seats": 1}], "applicants": [{"id": "A", "score": "4", "documentAverage": "4", "choices": [{"program": "P1"}]}]}"#,
         "applicants[0].choices[0]: the required field \"score\" is missing"),
        (#"{"programs": [{"id": "P1", "seats": 1}], "applicants": [{"id": "A", "score": "4", "documentAverage": "4", "choices": [{"program": "P1", "score": null}]}]}"#,
         "applicants[0].choices[0]: the required field \"score\" is missing"),
        (#"{"programs": [{"id": "P1", "seats": 1}], "applicants": [{"id": "A", "documentAverage": "4", "choices": [{"score": "4"}]}]}"#,
         "applicants[0].choices[0]: the required field \"program\" is missing"),
        (#"{"programs": [{"id": "P1", "seats": 1}], "applicants": [{"id": "A", "documentAverage": "4", "choices": [{"program": "P1", "score": "4.567"}]}]}"#,
         "applicants[0].choices[0].score"),
        (#"{"programs": [{"id": "P1", "seats": 1}], "applicants": [{"id": "A", "score": "4", "documentAverage": "4", "choices": [7]}]}"#,
         "applicants[0].choices[0]: expected a program id or an object {\"program\", \"score\"}, found a number"),
        (#"{"programs": [{"id": "P1", "seats": 1}], "applicants": [{"id": "A", "documentAverage": "4", "choices": [{"program": "P1", "score": "4"}, {"program": "P1", "score": "5"}]}]}"#,
         "chose program \"P1\" twice"),
        (#"{"programs": [], "applicants": [{"id": "A", "score": "4", "documentAverage": "4", "choices": []}], "programs": []}"#, "appears twice in one object"),
        (#"{"programs": [{"id": "P1", "seats": 0}], "applicants": []}"#, "out of range"),
        (#"{"programs": [{"id": "P1", "seats": 1.0}], "applicants": []}"#, "expected an integer"),
        (#"{"programs": [{"id": "P1", "seats": 1e1}], "applicants": []}"#, "expected an integer"),
        (#"{"programs": [{"id": "P1", "seats": "1"}], "applicants": []}"#, "expected an integer"),
        (#"{"programs": [{"id": "P1", "seats": 1, "minGroupSize": -1}], "applicants": []}"#, "out of range"),
        (#"{"defaultMinGroupSize": true, "programs": [], "applicants": []}"#, "expected an integer"),
        (#"{"programs": [{"id": "", "seats": 1}], "applicants": []}"#, "must not be empty"),
        (#"{"programs": [], "applicants": [{"id": "A", "score": "4", "documentAverage": "4", "quota": "", "choices": []}]}"#, "must not be empty"),
        (#"{"programs": [], "applicants": [{"id": "A", "score": "4", "documentAverage": "4", "outOfCompetition": "yes", "choices": []}]}"#, "true or false"),
        (#"{"programs": {}, "applicants": []}"#, "expected an array"),
        (#"{"programs": [], "applicants": [] "#, "invalid JSON"),
        (#"[]"#, "expected an object"),
    ])
    func refused(_ json: String, _ message: String) {
        do {
            _ = try AllocationJSON.decode(Array(json.utf8))
            Issue.record("accepted: \(json)")
        } catch {
            #expect(error.description.contains(message), "\(error.description)")
        }
    }
}
