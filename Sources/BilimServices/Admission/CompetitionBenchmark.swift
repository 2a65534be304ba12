import BilimCore
import BilimStore
import Foundation

/// Stores a generated region as if its applicants had applied (programs, registry documents, applications), so that
/// `bilim bench competition` can time the run on stored applications: scoring from the database, allocation and
/// storage. Only for benchmarks; nothing here is checked the way intake checks it.
package struct CompetitionBenchmark: Sendable {
    package let deps: ServiceDependencies
    package static let region = "KZ-75"
    static let college = "org-almaty-college-1"

    package init(_ deps: ServiceDependencies) { self.deps = deps }

    /// Each applicant's document has their score as the mathematics grade (every program's one subject), and a
    /// second grade that makes the document's average the generated one (003 §61).
    package func store(_ instance: Allocation.Instance) async throws {
        _ = try await DemoData.seedIfEmpty(deps.database, clock: deps.clock)
        try await AdmissionRepository(db: deps.database.sql).ensureQuotaCategories(try ShippedData.quotaCategories())
        let year = deps.today.year
        let now = deps.clock.now()
        let stamp = Instant.text(now)
        try await deps.database.transaction { db in
            let repo = AdmissionRepository(db: db)
            for (i, p) in instance.programs.enumerated() {
                try await repo.insert(
                    AdmissionProgramRow(
                        id: "bench-p\(i)", year: year, regionCode: Self.region, code: p.id, organizationId: Self.college, specialty: "Bench \(p.id)",
                        qualification: "Bench", base: EducationBase.basicSecondary.rawValue, language: "kk", studyForm: StudyForm.fullTime.rawValue,
                        funding: Funding.stateOrder.rawValue, level: ProgramLevel.midLevel.rawValue, exam: EntranceExam.none.rawValue, pedagogical: 0,
                        seats: p.seats, rural: 0, minGroupSize: p.minGroupSize, subjects: "[\"mathematics\"]", importId: "bench", createdAt: stamp),
                    quotas: p.quotas.map { (instance.categories[$0.category], $0.seats) })
            }
            let registry = DocumentRegistryRepository(db: db)
            for (i, a) in instance.applicants.enumerated() {
                // One subject holds the score (the bench's programs all score on it): the first choice's.
                let score = a.choices.isEmpty ? (a.score ?? 300) : a.score(forChoice: 0)
                let iin = String(100_000_000_000 + i)
                let doc = "bench-d\(i)"
                try await registry.insert(
                    EducationDocumentRow(
                        id: doc, kind: "basic-secondary-certificate", series: "BENCH", number: String(i), issueDate: CivilDate(year: year, month: 6, day: 5)!,
                        organizationId: "org-almaty-school-1", holderIin: iin, holderName: "Bench", specialty: nil, qualification: nil, duplicateOf: nil,
                        createdAt: now),
                    grades: [
                        GradeRow(documentId: doc, subject: "mathematics", gradeHundredths: score),
                        GradeRow(documentId: doc, subject: "average", gradeHundredths: min(10_000, max(0, 2 * a.documentAverage - score))),
                    ])
                try await repo.insert(
                    AdmissionApplicationRow(
                        id: "bench-a\(i)", year: year, applicantIin: iin, channel: Channel.portal.rawValue, documentId: doc,
                        base: EducationBase.basicSecondary.rawValue, quotaCategory: a.quota.map { instance.categories[$0] },
                        outOfCompetition: a.outOfCompetition ? 1 : 0, dormitory: 0, meals: 0, documents: "[]", status: "submitted", consentAt: stamp,
                        submittedBy: "user-applicant", createdAt: stamp),
                    choices: a.choices.map { "bench-p\($0)" })
            }
        }
    }

    /// The department of the benchmark's region.
    package func department() async throws -> Actor {
        guard let user = try await ReferenceRepository(db: deps.database.sql).user(login: "department") else { throw DomainError(.forbidden) }
        return try await Actor.of(user, database: deps.database, today: deps.today)
    }
}
