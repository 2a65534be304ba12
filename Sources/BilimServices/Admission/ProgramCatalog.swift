import BilimCore
import BilimStore
import Foundation
import Logging
import SQLKit

/// A programs file refused: every line error; nothing was loaded.
package struct ProgramImportRefused: Error, Sendable {
    package let importId: String
    package let errors: [ProgramImportCheck.LineError]

    package init(importId: String, errors: [ProgramImportCheck.LineError]) {
        self.importId = importId
        self.errors = errors
    }
}

package struct ProgramImportOutcome: Encodable, Sendable {
    package let importId: String
    package let year: Int
    package let region: String
    package let programs: Int
    package let reservedPlaces: Int
}

/// How far a programs file being loaded has got.
package enum ImportProgress {
    package static let shared = ProgressBoard<State>(kept: 500)

    package enum State: Sendable {
        case running(done: Int, total: Int)
        case loaded(ProgramImportOutcome)
        case refused([ProgramImportCheck.LineError])
        /// Stopped by something other than the file (the database went away): nothing was loaded; try again.
        case failed
    }
}

/// The education department's programs for its region: loaded from a file whole or not at all, with their
/// state-order places and the reserves the quota categories give them (003 §3) (003 §63).
package struct ProgramCatalog: Sendable {
    package let deps: ServiceDependencies

    package init(_ deps: ServiceDependencies) { self.deps = deps }

    /// The year whose admission is being prepared.
    package var year: Int { deps.today.year }

    /// Checks every line, then loads every program in one transaction; one bad line refuses the file.
    package func load(csv: String, filename: String, by actor: Actor, importId: String? = nil) async throws -> ProgramImportOutcome {
        guard actor.role == .educationDepartment, let region = actor.regionCode else { throw DomainError(.forbidden, field: "file") }
        let id = importId.flatMap { $0.isEmpty || $0.count > 64 ? nil : $0 } ?? deps.ids.make()
        let progress = ImportProgress.shared
        let year = self.year
        let repo = AdmissionRepository(db: deps.database.sql)
        try await repo.ensureQuotaCategories(try ShippedData.quotaCategories())
        let organizations = try await repo.tvetOrganizations(region: region)
        let specialties = SpecialtyRepository(db: deps.database.sql)
        let reference = try await Self.reference(region: region, deps: deps)
        func check() async throws -> ([ProgramDraft], [ProgramImportCheck.LineError], [String: [String]]) {
            ProgramImportCheck.check(
                csv, organizations: organizations, existingCodes: try await repo.programCodes(year: year),
                existingKeys: try await repo.programKeys(year: year), specialties: reference)
        }
        func refuse(_ errors: [ProgramImportCheck.LineError]) async -> ProgramImportRefused {
            await progress.set(id, owner: actor.userId, .refused(errors))
            deps.logger.notice("programs file refused", metadata: ["lines": .string("\(Set(errors.map(\.line)).count)")])
            return ProgramImportRefused(importId: id, errors: errors)
        }
        let (drafts, errors, learned) = try await check()
        guard errors.isEmpty else { throw await refuse(errors) }
        await progress.set(id, owner: actor.userId, .running(done: 0, total: drafts.count))
        let catalog = try await repo.quotaCategories()
        let now = deps.clock.now()
        let outcome: ProgramImportOutcome
        do {
            outcome = try await insert(drafts, id: id, year: year, region: region, filename: filename, by: actor, catalog: catalog, now: now)
        } catch where Database.isUniqueViolation(error) {
            // Another file with the same programs committed while this one was loading: its lines now collide, and
            // are refused one by one, as if they had been there from the start.
            let (_, collisions, _) = try await check()
            throw await refuse(collisions.isEmpty ? [.init(line: 1, error: DomainError(.concurrentChange, field: "file"))] : collisions)
        } catch {
            await progress.set(id, owner: actor.userId, .failed)
            throw error
        }
        // A specialty's list first given in this file joins the region's reference.
        for (key, list) in learned.sorted(by: { $0.key < $1.key }) {
            try await specialties.add(
                region: region, specialty: key, subjects: list, source: "programs file \(String(filename.prefix(100)))", by: actor.userId,
                at: Instant.text(now))
        }
        await progress.set(id, owner: actor.userId, .loaded(outcome))
        return outcome
    }

    /// The region's reference of subjects by specialty, seeded from the shipped lists where the region has none.
    static func reference(region: String, deps: ServiceDependencies) async throws -> [String: [String]] {
        let repo = SpecialtyRepository(db: deps.database.sql)
        var known = try await repo.subjects(region: region)
        let shipped = try ShippedData.specialtySubjects()
        let now = Instant.text(deps.clock.now())
        for list in shipped.lists where known[list.specialty] == nil {
            try await repo.add(region: region, specialty: list.specialty, subjects: list.subjects, source: "shipped: \(shipped.source.prefix(200))", by: nil, at: now)
            known[list.specialty] = list.subjects
        }
        return known
    }

    private func insert(
        _ drafts: [ProgramDraft], id: String, year: Int, region: String, filename: String, by actor: Actor, catalog: [QuotaCategory],
        now: Date
    ) async throws -> ProgramImportOutcome {
        let progress = ImportProgress.shared
        let ids = deps.ids
        // The stored import has an id of the server's: the client's `id` names only its progress, and may be used again.
        let rowId = ids.make()
        return try await deps.database.transaction { db in
            let repo = AdmissionRepository(db: db)
            var reserved = 0
            for (i, d) in drafts.enumerated() {
                let quotas = QuotaCategory.reserves(seats: d.seats, rural: d.rural, catalog: catalog)
                reserved += quotas.reduce(0) { $0 + $1.seats }
                let subjects = String(decoding: try JSONEncoder().encode(d.subjects), as: UTF8.self)
                try await repo.insert(
                    AdmissionProgramRow(
                        id: ids.make(), year: year, regionCode: region, code: d.code, organizationId: d.organizationId,
                        specialty: d.specialty, qualification: d.qualification, base: d.base.rawValue, language: d.language.rawValue,
                        studyForm: d.form.rawValue, funding: d.funding.rawValue, level: d.level.rawValue, exam: d.exam.rawValue,
                        pedagogical: d.pedagogical ? 1 : 0, seats: d.seats, rural: d.rural ? 1 : 0, minGroupSize: d.minGroupSize,
                        subjects: subjects, importId: rowId, createdAt: Instant.text(now)),
                    quotas: quotas)
                if i % 200 == 199 { await progress.set(id, owner: actor.userId, .running(done: i + 1, total: drafts.count)) }
            }
            try await repo.insert(
                AdmissionImportRow(
                    id: rowId, year: year, regionCode: region, filename: String(filename.prefix(200)), lines: drafts.count,
                    done: drafts.count, status: "loaded", errors: "[]", createdBy: actor.userId, createdAt: Instant.text(now),
                    finishedAt: Instant.text(now)))
            return ProgramImportOutcome(importId: id, year: year, region: region, programs: drafts.count, reservedPlaces: reserved)
        }
    }
}
