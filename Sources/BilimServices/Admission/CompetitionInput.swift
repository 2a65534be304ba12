import BilimCore
import BilimStore
import Foundation

/// The competition's input built from what is stored: the region's state-order programs with their reserves, and
/// every application choosing among them, scored from the registry's grades and the colleges' exam results
/// (003 §48) (003 §54). Each applicant's id in the input is the application's id.
package struct CompetitionInput: Sendable {
    package let deps: ServiceDependencies

    package init(_ deps: ServiceDependencies) { self.deps = deps }

    package func build(year: Int, region: String, progress: (@Sendable (Int, Int) async -> Void)? = nil) async throws -> Allocation.Instance {
        let db = deps.database.sql
        let repo = AdmissionRepository(db: db)
        let outcomes = AdmissionOutcomeRepository(db: db)
        let categories = try await repo.quotaCategories().map(\.code)
        let categoryIndex = Dictionary(uniqueKeysWithValues: categories.enumerated().map { ($1, $0) })
        // Only state-order places are allocated by the competition; paid places are not (003 §54).
        let rows = try await repo.programs(year: year, region: region).filter { $0.funding == Funding.stateOrder.rawValue }
        var programs: [Allocation.Program] = []
        var index: [String: Int32] = [:]
        var scoring: [String: ApplicantScoring.ChoiceProgram] = [:]
        for p in rows {
            let quotas = try await repo.quotas(programId: p.id).compactMap { q in
                categoryIndex[q.code].map { Allocation.Quota(category: $0, seats: q.seats) }
            }
            index[p.id] = Int32(programs.count)
            programs.append(Allocation.Program(id: p.code, seats: p.seats, quotas: quotas, minGroupSize: p.minGroupSize))
            scoring[p.id] = .init(
                code: p.id, subjects: (try? JSONDecoder().decode([String].self, from: Data(p.subjects.utf8))) ?? [],
                exam: EntranceExam(rawValue: p.exam) ?? .none, organization: p.organizationId)
        }
        let applications = try await outcomes.applications(year: year, region: region)
        var grades: [String: [String: Int]] = [:]
        for g in try await outcomes.grades(documentIds: Array(Set(applications.map(\.application.documentId)))) {
            grades[g.documentId, default: [:]][g.subject] = g.gradeHundredths
        }
        var exams: [String: [String: ApplicantScoring.ExamResult]] = [:]
        for e in try await outcomes.exams(year: year, region: region) {
            let marks = e.marks.flatMap { try? JSONDecoder().decode([Int].self, from: Data($0.utf8)) } ?? []
            let result = ApplicantScoring.ExamResult(marks: marks, psychometricPassed: e.psychometricPassed.map { $0 != 0 })
            exams[e.applicationId, default: [:]][e.programId] = result
            // The organization's exam serves its other programs with the same kind of exam (003 §54), when entered.
            if let program = scoring[e.programId], !marks.isEmpty || e.psychometricPassed != nil {
                exams[e.applicationId, default: [:]][program.examKey] = exams[e.applicationId]?[program.examKey] ?? result
            }
        }
        var applicants: [Allocation.Applicant] = []
        for (n, a) in applications.enumerated() {
            if n % 500 == 0 { await progress?(n, applications.count) }
            let document = grades[a.application.documentId] ?? [:]
            let scored = ApplicantScoring.score(
                grades: document, allGrades: document.values.sorted(), choices: a.programIds.compactMap { scoring[$0] },
                exams: exams[a.application.id] ?? [:])
            // Each choice carries its own score (003 §54); the applicant has none of their own.
            let kept = zip(scored.choices, scored.scores).compactMap { code, score in index[code].map { ($0, score) } }
            applicants.append(
                Allocation.Applicant(
                    id: a.application.id, score: nil, documentAverage: scored.documentAverage,
                    quota: a.application.quotaCategory.flatMap { categoryIndex[$0] }, outOfCompetition: a.application.outOfCompetition != 0,
                    choices: kept.map(\.0), choiceScores: kept.map(\.1)))
        }
        return Allocation.Instance(categories: categories, programs: programs, applicants: applicants)
    }
}

/// How far a run on the applications has got, for the department's progress bar.
package enum RunProgress {
    package static let shared = ProgressBoard<State>(kept: 100)

    package enum State: Sendable, Equatable {
        /// Scoring the applications: done of total.
        case scoring(done: Int, total: Int)
        case allocating
        case finished(runId: String)
        case failed
    }
}

extension CompetitionRuns {
    /// The region's competition on its stored applications; the input snapshot is stored as the contract writes it.
    /// With a progress id, how far it has got can be read from `RunProgress` while it runs.
    package func runOnApplications(by actor: Actor, progressId: String? = nil) async throws -> CompetitionRunSummary {
        let region = try department(actor)
        let id = progressId.flatMap { $0.isEmpty || $0.count > 64 ? nil : $0 }
        let owner = actor.userId
        do {
            let instance = try await CompetitionInput(deps).build(year: deps.today.year, region: region) { done, total in
                if let id { await RunProgress.shared.set(id, owner: owner, .scoring(done: done, total: total)) }
            }
            if let id { await RunProgress.shared.set(id, owner: owner, .allocating) }
            let summary = try await run(input: AllocationJSON.encode(instance), by: actor, source: "applications")
            if let id { await RunProgress.shared.set(id, owner: owner, .finished(runId: summary.id)) }
            return summary
        } catch {
            if let id { await RunProgress.shared.set(id, owner: owner, .failed) }
            throw error
        }
    }
}
