import BilimCore
import BilimStore
import Crypto
import Foundation

package struct CompetitionRunSummary: Encodable, Sendable {
    package let id: String
    package let year: Int
    package let region: String
    package let applicants: Int
    package let programs: Int
    package let admitted: Int
    package let notFormed: Int
    package let inputSha256: String
    package let outputSha256: String
    package let wallMs: Int
    package let createdAt: String
    /// `applications` for a run built from the stored applications, `input` for one given as JSON.
    package let source: String

    init(_ r: AdmissionRunRow) {
        id = r.id
        year = r.year
        region = r.regionCode
        applicants = r.applicants
        programs = r.programs
        admitted = r.admitted
        notFormed = r.notFormed
        inputSha256 = r.inputSha256
        outputSha256 = r.outputSha256
        wallMs = r.wallMs
        createdAt = r.createdAt
        source = r.source
    }
}

package struct RerunComparison: Encodable, Sendable {
    package let id: String
    /// The rerun gave byte for byte the stored output.
    package let identical: Bool
    package let storedSha256: String
    package let rerunSha256: String
    /// Applicants whose assignment differs (empty when identical).
    package let changedApplicants: [String]
}

/// The region's competition, run by its education department (003 §54) (003 §55): the allocation of
/// spec/allocation.md on an input snapshot, stored with its output so that it can be rerun, compared and explained.
package struct CompetitionRuns: Sendable {
    package let deps: ServiceDependencies

    package init(_ deps: ServiceDependencies) { self.deps = deps }

    func department(_ actor: Actor) throws(DomainError) -> String {
        guard actor.role == .educationDepartment, let region = actor.regionCode else { throw DomainError(.forbidden) }
        return region
    }

    static func decode(_ bytes: [UInt8]) throws(DomainError) -> Allocation.Instance {
        do { return try AllocationJSON.decode(bytes) } catch {
            throw DomainError(.admissionInputInvalid, field: "input", ref: "003 §54", ["detail": String(error.description.prefix(500))])
        }
    }

    package func run(input bytes: [UInt8], by actor: Actor, source: String = "input") async throws -> CompetitionRunSummary {
        let region = try department(actor)
        let instance = try Self.decode(bytes)
        let clock = ContinuousClock()
        var result: Allocation.Result?
        let wall = clock.measure { result = Allocation.run(instance) }
        guard let result else { throw DomainError(.internalError) }
        let output = AllocationJSON.encode(result, of: instance)
        let (s, atto) = wall.components
        let row = AdmissionRunRow(
            id: deps.ids.make(), year: deps.today.year, regionCode: region, input: String(decoding: bytes, as: UTF8.self),
            inputSha256: SHA256.hash(data: bytes).hex, output: String(decoding: output, as: UTF8.self),
            outputSha256: SHA256.hash(data: output).hex, applicants: instance.applicants.count, programs: instance.programs.count,
            admitted: result.assignments.compactMap { $0 }.count,
            notFormed: result.programs.filter { $0.status == .notFormed }.count, wallMs: Int(s) * 1000 + Int(atto / 1_000_000_000_000_000),
            createdBy: actor.userId, createdAt: Instant.text(deps.clock.now()), source: source)
        let explanations = try Self.explanations(instance, result)
        try await deps.database.transaction { db in
            try await AdmissionRepository(db: db).insert(row)
            try await AdmissionRepository(db: db).insertExplanations(runId: row.id, explanations)
        }
        return CompetitionRunSummary(row)
    }

    /// A run of the actor's region.
    package func find(_ id: String, by actor: Actor) async throws -> AdmissionRunRow {
        let region = try department(actor)
        guard let row = try await AdmissionRepository(db: deps.database.sql).run(id: id), row.regionCode == region else {
            throw DomainError(.pageNotFound)
        }
        return row
    }

    package func summary(_ id: String, by actor: Actor) async throws -> CompetitionRunSummary {
        CompetitionRunSummary(try await find(id, by: actor))
    }

    /// Runs the stored input again and compares with the stored output.
    package func rerun(_ id: String, by actor: Actor) async throws -> RerunComparison {
        let row = try await find(id, by: actor)
        let instance = try Self.decode(Array(row.input.utf8))
        let output = AllocationJSON.encode(Allocation.run(instance), of: instance)
        let sha = SHA256.hash(data: output).hex
        var changed: [String] = []
        if sha != row.outputSha256 {
            let before = try? StrictJSON.parse(Array(row.output.utf8))
            let after = try? StrictJSON.parse(output)
            func assignments(_ j: StrictJSON?) -> [(key: String, value: StrictJSON)] {
                guard case .object(let top)? = j, case .object(let a)? = top.first(where: { $0.key == "assignments" })?.value else { return [] }
                return a
            }
            let old = assignments(before)
            for (i, pair) in assignments(after).enumerated() where i >= old.count || old[i].value != pair.value {
                changed.append(pair.key)
            }
        }
        return RerunComparison(id: id, identical: sha == row.outputSha256, storedSha256: row.outputSha256, rerunSha256: sha, changedApplicants: changed)
    }

    /// Why an applicant got what they got in a run, choice by choice: read as stored with the run.
    package func explanation(_ id: String, applicant: String, by actor: Actor) async throws -> AllocationExplanation {
        let row = try await find(id, by: actor)
        guard let e = try await Self.storedExplanation(row, applicant: applicant, deps: deps) else { throw DomainError(.pageNotFound) }
        return e
    }

    /// Every applicant's explanation of a run, as `(applicant id, JSON)` rows to store with it.
    static func explanations(_ instance: Allocation.Instance, _ result: Allocation.Result) throws -> [(String, String)] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try zip(instance.applicants, AllocationExplanation.all(instance, result)).map { applicant, e in
            (applicant.id, String(decoding: try encoder.encode(e), as: UTF8.self))
        }
    }

    /// The stored explanation of an applicant in a run. A run stored before explanations were (none is found for
    /// any of its applicants) is explained once, and stored, on the first reading; after that it is only read.
    static func storedExplanation(_ run: AdmissionRunRow, applicant: String, deps: ServiceDependencies) async throws -> AllocationExplanation? {
        let repo = AdmissionRepository(db: deps.database.sql)
        if let json = try await repo.explanation(runId: run.id, applicantId: applicant) {
            return try JSONDecoder().decode(AllocationExplanation.self, from: Data(json.utf8))
        }
        guard try await repo.explanationCount(runId: run.id) == 0 else { return nil }
        let instance = try decode(Array(run.input.utf8))
        guard instance.applicants.contains(where: { $0.id.utf8.elementsEqual(applicant.utf8) }) else { return nil }
        let rows = try explanations(instance, Allocation.run(instance))
        try await repo.insertExplanations(runId: run.id, rows)
        return try rows.first { $0.0.utf8.elementsEqual(applicant.utf8) }.map {
            try JSONDecoder().decode(AllocationExplanation.self, from: Data($0.1.utf8))
        }
    }
}
