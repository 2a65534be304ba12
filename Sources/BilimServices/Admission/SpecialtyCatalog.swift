import BilimCore
import BilimStore
import Foundation
import SQLKit

/// A correction of one specialty's subjects by the region's education department.
package struct SpecialtyCorrection: Sendable, Decodable {
    package var specialty: String
    package var subjects: [String]
    package var reason: String

    package init(specialty: String, subjects: [String], reason: String) {
        self.specialty = specialty
        self.subjects = subjects
        self.reason = reason
    }
}

package struct SpecialtyEntry: Sendable, Encodable {
    package let specialty: String
    package let subjects: [String]
    package let source: String
}

/// The region's reference of subjects by specialty (003 §54; Annex 5 is not in the seeds): read, and corrected by the
/// department. A correction applies at once to the year's programs of that specialty, so the next run scores by it.
package struct SpecialtyCatalog: Sendable {
    package let deps: ServiceDependencies

    package init(_ deps: ServiceDependencies) { self.deps = deps }

    /// The department's region, as for its runs.
    func region(_ actor: Actor) throws(DomainError) -> String { try CompetitionRuns(deps).department(actor) }

    package func list(by actor: Actor) async throws -> [SpecialtyEntry] {
        let region = try region(actor)
        _ = try await ProgramCatalog.reference(region: region, deps: deps)
        return try await deps.database.sql.select().columns("specialty", "subjects", "source").from("specialty_subjects")
            .where("region_code", .equal, region).orderBy("specialty").all()
            .map {
                SpecialtyEntry(
                    specialty: try $0.decode(column: "specialty", as: String.self),
                    subjects: (try? JSONDecoder().decode([String].self, from: Data(try $0.decode(column: "subjects", as: String.self).utf8))) ?? [],
                    source: try $0.decode(column: "source", as: String.self))
            }
    }

    /// Returns how many of the year's programs now score by the corrected list.
    package func correct(_ c: SpecialtyCorrection, by actor: Actor) async throws -> Int {
        let region = try region(actor)
        let key = SpecialtySubjects.key(c.specialty)
        let subjects = c.subjects.map(\.trimmingSpaces)
        let reason = c.reason.trimmingSpaces
        guard !key.isEmpty, key.count <= 300, (1...10).contains(subjects.count), Set(subjects).count == subjects.count,
            subjects.allSatisfy({ !$0.isEmpty && $0.count <= 60 }), !reason.isEmpty, reason.count <= 1000
        else { throw DomainError(.specialtySubjectsInvalid, field: "subjects", ref: "003 §54") }
        let before = try await ProgramCatalog.reference(region: region, deps: deps)[key]
        let year = deps.today.year
        let now = Instant.text(deps.clock.now())
        let changeId = deps.ids.make()
        return try await deps.database.transaction { db in
            try await SpecialtyRepository(db: db).correct(
                region: region, specialty: key, before: before, subjects: subjects, reason: reason, by: actor.userId, at: now, changeId: changeId)
            var changed = 0
            for p in try await AdmissionRepository(db: db).programs(year: year, region: region) where SpecialtySubjects.key(p.specialty) == key {
                let resolved = SpecialtySubjects.resolve(subjects, language: Language(rawValue: p.language) ?? .kk)
                try await db.update("admission_programs").set("subjects", to: String(decoding: try JSONEncoder().encode(resolved), as: UTF8.self))
                    .where("id", .equal, p.id).run()
                changed += 1
            }
            return changed
        }
    }
}
