import BilimCore
import Foundation
import SQLKit

/// A region's reference of the subjects by specialty (`SpecialtySubjects`).
package struct SpecialtyRepository: Sendable {
    let db: any SQLDatabase

    package init(db: any SQLDatabase) { self.db = db }

    /// The reference: specialty key → subjects, in their general form.
    package func subjects(region: String) async throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        for row in try await db.select().columns("specialty", "subjects").from("specialty_subjects").where("region_code", .equal, region).all() {
            out[try row.decode(column: "specialty", as: String.self)] =
                (try? JSONDecoder().decode([String].self, from: Data(try row.decode(column: "subjects", as: String.self).utf8))) ?? []
        }
        return out
    }

    /// Adds a specialty's list where the region has none (two requests at once: the first one's stays).
    package func add(region: String, specialty: String, subjects: [String], source: String, by: String?, at: String) async throws {
        try await db.insert(into: "specialty_subjects").columns("region_code", "specialty", "subjects", "source", "updated_by", "updated_at")
            .values(SQLBind(region), SQLBind(specialty), SQLBind(Self.json(subjects)), SQLBind(source), SQLBind(by), SQLBind(at))
            .ignoringConflicts(with: ["region_code", "specialty"]).run()
    }

    /// Replaces a specialty's list, with the change recorded.
    package func correct(
        region: String, specialty: String, before: [String]?, subjects: [String], reason: String, by: String, at: String, changeId: String
    ) async throws {
        if before == nil {
            try await add(region: region, specialty: specialty, subjects: subjects, source: "department", by: by, at: at)
        } else {
            try await db.update("specialty_subjects").set("subjects", to: Self.json(subjects)).set("source", to: "department")
                .set("updated_by", to: by).set("updated_at", to: at).where("region_code", .equal, region).where("specialty", .equal, specialty).run()
        }
        try await db.insert(into: "specialty_subject_changes")
            .columns("id", "region_code", "specialty", "subjects_before", "subjects_after", "reason", "changed_by", "changed_at")
            .values(
                SQLBind(changeId), SQLBind(region), SQLBind(specialty), SQLBind(before.map(Self.json)), SQLBind(Self.json(subjects)), SQLBind(reason),
                SQLBind(by), SQLBind(at)
            ).run()
    }

    /// The corrections of a specialty, oldest first.
    package func changes(region: String, specialty: String) async throws -> [(before: String?, after: String, reason: String, by: String, at: String)] {
        try await db.select().columns("subjects_before", "subjects_after", "reason", "changed_by", "changed_at").from("specialty_subject_changes")
            .where("region_code", .equal, region).where("specialty", .equal, specialty).orderBy("changed_at").orderBy("id").all()
            .map {
                (
                    try $0.decode(column: "subjects_before", as: String?.self), try $0.decode(column: "subjects_after", as: String.self),
                    try $0.decode(column: "reason", as: String.self), try $0.decode(column: "changed_by", as: String.self),
                    try $0.decode(column: "changed_at", as: String.self)
                )
            }
    }

    static func json(_ list: [String]) -> String { String(decoding: (try? JSONEncoder().encode(list)) ?? Data("[]".utf8), as: UTF8.self) }
}
