/// The TVET admission competition, exactly as `spec/allocation.md` fixes it (003 §54) (003 §55) (003 §61) (003 §63):
/// applicant-proposing deferred acceptance with the "reserved seats first, then open seats" choice rule, then groups
/// that do not form closed one at a time. Deterministic; no I/O.
package enum Allocation {
    /// A competition group funded by the state order.
    package struct Program: Sendable, Hashable {
        package var id: String
        package var seats: Int
        /// Reserved places per quota category (an index into `Instance.categories`), in the program's listed order.
        package var quotas: [Quota]
        package var minGroupSize: Int

        package init(id: String, seats: Int, quotas: [Quota] = [], minGroupSize: Int = 15) {
            self.id = id
            self.seats = seats
            self.quotas = quotas
            self.minGroupSize = minGroupSize
        }
    }

    package struct Quota: Sendable, Hashable {
        package var category: Int
        package var seats: Int

        package init(category: Int, seats: Int) {
            self.category = category
            self.seats = seats
        }
    }

    package struct Applicant: Sendable, Hashable {
        package var id: String
        /// The applicant's competitive score, in hundredths, for every choice that gives none of its own; optional.
        package var score: Int?
        /// The average of all grades of the education document, in hundredths.
        package var documentAverage: Int
        /// The quota category (an index into `Instance.categories`), if any.
        package var quota: Int?
        package var outOfCompetition: Bool
        /// Program indices, most wanted first, distinct.
        package var choices: [Int32]
        /// Each choice's own competitive score, in hundredths (003 §54: the score belongs to the pair applicant ×
        /// program), or nil where the applicant's `score` serves. As long as `choices`.
        package var choiceScores: [Int?]

        package init(
            id: String, score: Int?, documentAverage: Int, quota: Int? = nil, outOfCompetition: Bool = false, choices: [Int32],
            choiceScores: [Int?] = []
        ) {
            self.id = id
            self.score = score
            self.documentAverage = documentAverage
            self.quota = quota
            self.outOfCompetition = outOfCompetition
            self.choices = choices
            self.choiceScores = choices.indices.map { $0 < choiceScores.count ? choiceScores[$0] : nil }
        }

        /// The competitive score for the `j`-th choice: its own, else the applicant's (a valid instance has one).
        @inline(__always) package func score(forChoice j: Int) -> Int { choiceScores[j] ?? score ?? 0 }

        /// The competitive score for a program among the choices.
        package func score(for program: Int32) -> Int? { choices.firstIndex(of: program).map(score(forChoice:)) }
    }

    package struct Instance: Sendable, Hashable {
        package var categories: [String]
        package var programs: [Program]
        package var applicants: [Applicant]

        package init(categories: [String], programs: [Program], applicants: [Applicant]) {
            self.categories = categories
            self.programs = programs
            self.applicants = applicants
        }
    }

    package enum Status: String, Sendable, Hashable, Codable {
        case formed
        case notFormed
        case empty
    }

    package struct ProgramOutcome: Sendable, Hashable {
        package var status: Status
        package var admitted: Int
        package var freeSeats: Int

        package init(status: Status, admitted: Int, freeSeats: Int) {
            self.status = status
            self.admitted = admitted
            self.freeSeats = freeSeats
        }
    }

    package struct Result: Sendable, Hashable {
        /// Per applicant (input order): the program index admitted to, or nil.
        package var assignments: [Int32?]
        /// Per program (input order).
        package var programs: [ProgramOutcome]
        /// Programs closed for not forming a group, in the order they were closed.
        package var closed: [Int32]
    }

    /// Runs the competition. The instance is assumed valid (see `AllocationInput` for the checks).
    package static func run(_ instance: Instance) -> Result { run(Flat(instance)) }

    /// Runs the competition on a flat instance (the national run reads its input straight into one).
    package static func run(_ flat: Flat) -> Result {
        var engine = Engine(flat)
        engine.propose()
        engine.closeGroupsThatDoNotForm()
        return engine.result()
    }
}
