import BilimCore
import BilimStore
import Foundation

package struct ExamRegistrationInput: Sendable, Decodable {
    package var applicationId: String
    /// The program's code.
    package var program: String
    /// What an applicant with a disability asked for (003 §38).
    package var accommodations: [String]?

    package init(applicationId: String, program: String, accommodations: [String]? = nil) {
        self.applicationId = applicationId
        self.program = program
        self.accommodations = accommodations
    }
}

package struct ExamMarksInput: Sendable, Decodable {
    package var applicationId: String
    package var program: String
    /// Special or creative exam marks, as `digits[.d[d]]` from 1 to 5.
    package var marks: [String]?
    /// For medical programs: `passed` or `failed`.
    package var psychometric: String?

    package init(applicationId: String, program: String, marks: [String]? = nil, psychometric: String? = nil) {
        self.applicationId = applicationId
        self.program = program
        self.marks = marks
        self.psychometric = psychometric
    }
}

/// Special and creative exams and psychometric testing (003 §32), held and marked by the college that runs the
/// program, whose results go to the competition (003 §48).
package struct AdmissionExams: Sendable {
    package let deps: ServiceDependencies

    package init(_ deps: ServiceDependencies) { self.deps = deps }

    /// The program, if the actor works at the college that runs it.
    func program(_ code: String, for actor: Actor) async throws -> AdmissionProgramRow {
        guard actor.role == .providerStaff || actor.role == .commissionMember else { throw DomainError(.forbidden) }
        guard let p = try await AdmissionRepository(db: deps.database.sql).program(year: deps.today.year, code: code) else {
            throw DomainError(.admissionProgramClosed, field: "program", ref: "003 §12", ["program": code])
        }
        guard p.organizationId == actor.organizationId else { throw DomainError(.forbidden, field: "program") }
        return p
    }

    /// Registers an applicant who chose the program for its exam, with the accommodations asked for.
    package func register(_ input: ExamRegistrationInput, by actor: Actor) async throws -> AdmissionExamRow {
        let p = try await program(input.program, for: actor)
        guard p.exam != EntranceExam.none.rawValue else {
            throw DomainError(.admissionExamNotNeeded, field: "program", ref: "003 §32", ["program": p.code])
        }
        let repo = AdmissionOutcomeRepository(db: deps.database.sql)
        guard let application = try await repo.application(id: input.applicationId), application.year == deps.today.year else {
            throw DomainError(.pageNotFound, field: "applicationId")
        }
        let chosen = try await AdmissionRepository(db: deps.database.sql).choices(applicationId: application.id)
        guard chosen.contains(p.code) else { throw DomainError(.admissionNotChosen, field: "program", ref: "003 §32", ["program": p.code]) }
        var accommodations: [ExamAccommodation] = []
        for (i, a) in (input.accommodations ?? []).enumerated() {
            guard let value = ExamAccommodation(rawValue: a) else {
                throw DomainError(.requestInvalid, field: "accommodations[\(i)]", ["field": "accommodations[\(i)]"])
            }
            if !accommodations.contains(value) { accommodations.append(value) }
        }
        let documents = (try? JSONDecoder().decode([String].self, from: Data(application.documents.utf8))) ?? []
        // Accommodations are for applicants with a disability, proved by the 031-U conclusion (003 §38).
        guard accommodations.isEmpty || documents.contains("disability-031u") else {
            throw DomainError(.admissionAccommodationUnproved, field: "accommodations", ref: "003 §38")
        }
        if let existing = try await repo.exam(applicationId: application.id, programId: p.id) { return existing }
        let row = AdmissionExamRow(
            applicationId: application.id, programId: p.id,
            accommodations: String(decoding: try JSONEncoder().encode(accommodations.map(\.rawValue)), as: UTF8.self),
            registeredBy: actor.userId, registeredAt: Instant.text(deps.clock.now()))
        try await repo.insert(row)
        return row
    }

    /// Enters the exam's marks or the psychometric test's outcome for a registered applicant (003 §48).
    package func enterMarks(_ input: ExamMarksInput, by actor: Actor) async throws -> AdmissionExamRow {
        let p = try await program(input.program, for: actor)
        let repo = AdmissionOutcomeRepository(db: deps.database.sql)
        guard try await repo.exam(applicationId: input.applicationId, programId: p.id) != nil else {
            throw DomainError(.admissionExamNotRegistered, field: "applicationId", ref: "003 §48")
        }
        var marks: String?
        var passed: Int?
        if p.exam == EntranceExam.psychometric.rawValue {
            // Pass or fail only: it gates the competition and adds nothing to the score (003 §32).
            guard input.marks == nil, let outcome = input.psychometric, outcome == "passed" || outcome == "failed" else {
                throw DomainError(.requestInvalid, field: "psychometric", ["field": "psychometric (passed | failed)"])
            }
            passed = outcome == "passed" ? 1 : 0
        } else {
            guard input.psychometric == nil, let given = input.marks, !given.isEmpty else {
                throw DomainError(.fieldRequired, field: "marks", ref: "003 §54")
            }
            var values: [Int] = []
            for (i, m) in given.enumerated() {
                do { values.append(try CompetitiveScore.mark(m)) } catch {
                    throw DomainError(.admissionScoreMalformed, field: "marks[\(i)]", ref: "003 §54", ["value": String(m.prefix(20))])
                }
            }
            marks = String(decoding: try JSONEncoder().encode(values), as: UTF8.self)
        }
        try await repo.enterMarks(
            applicationId: input.applicationId, programId: p.id, marks: marks, psychometricPassed: passed, by: actor.userId,
            at: Instant.text(deps.clock.now()))
        guard let row = try await repo.exam(applicationId: input.applicationId, programId: p.id) else { throw DomainError(.internalError) }
        return row
    }
}
