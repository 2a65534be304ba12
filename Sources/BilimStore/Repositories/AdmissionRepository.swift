import BilimCore
import Foundation
import SQLKit

/// An admission program as stored: one competition group of a region's year.
package struct AdmissionProgramRow: Codable, Sendable, Hashable {
    package var id: String
    package var year: Int
    package var regionCode: String
    package var code: String
    package var organizationId: String
    package var specialty: String
    package var qualification: String
    package var base: String
    package var language: String
    package var studyForm: String
    package var funding: String
    package var level: String
    package var exam: String
    package var pedagogical: Int
    package var seats: Int
    package var rural: Int
    package var minGroupSize: Int
    /// The compulsory and profile subjects, as a JSON array.
    package var subjects: String
    package var importId: String
    package var createdAt: String

    package init(
        id: String, year: Int, regionCode: String, code: String, organizationId: String, specialty: String, qualification: String, base: String, language: String, studyForm: String, funding: String, level: String, exam: String, pedagogical: Int, seats: Int, rural: Int, minGroupSize: Int, subjects: String, importId: String, createdAt: String
    ) {
        self.id = id
        self.year = year
        self.regionCode = regionCode
        self.code = code
        self.organizationId = organizationId
        self.specialty = specialty
        self.qualification = qualification
        self.base = base
        self.language = language
        self.studyForm = studyForm
        self.funding = funding
        self.level = level
        self.exam = exam
        self.pedagogical = pedagogical
        self.seats = seats
        self.rural = rural
        self.minGroupSize = minGroupSize
        self.subjects = subjects
        self.importId = importId
        self.createdAt = createdAt
    }
}

/// A file of programs loaded (or refused) for a region, with its line errors.
package struct AdmissionImportRow: Codable, Sendable, Hashable {
    package var id: String
    package var year: Int
    package var regionCode: String
    package var filename: String
    package var lines: Int
    package var done: Int
    /// `loaded` or `refused`.
    package var status: String
    /// JSON: `[{"line": 3, "code": "import.value", "field": "seats", "arguments": {…}}]`.
    package var errors: String
    package var createdBy: String
    package var createdAt: String
    package var finishedAt: String?

    package init(
        id: String, year: Int, regionCode: String, filename: String, lines: Int, done: Int, status: String, errors: String, createdBy: String, createdAt: String, finishedAt: String?
    ) {
        self.id = id
        self.year = year
        self.regionCode = regionCode
        self.filename = filename
        self.lines = lines
        self.done = done
        self.status = status
        self.errors = errors
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.finishedAt = finishedAt
    }
}

package struct AdmissionRepository: Sendable {
    package let db: any SQLDatabase

    package init(db: any SQLDatabase) { self.db = db }

    /// Loads the shipped quota categories once; later edits in the table are kept.
    /// Adds the shipped categories that are missing. Two imports may run this at once: a category the other
    /// request inserted first is left as it is (`ON CONFLICT DO NOTHING`), never an error.
    package func ensureQuotaCategories(_ catalog: [QuotaCategory]) async throws {
        for (i, c) in catalog.enumerated() {
            let exists = try await db.select().column("code").from("quota_categories").where("code", .equal, c.code).first() != nil
            if exists { continue }
            try await db.insert(into: "quota_categories").columns("code", "position", "share_basis_points", "rural_only", "source")
                .values(SQLBind(c.code), SQLBind(i), SQLBind(c.shareBasisPoints), SQLBind(c.ruralOnly ? 1 : 0), SQLBind(c.source))
                .ignoringConflicts(with: "code").run()
        }
    }

    package func quotaCategories() async throws -> [QuotaCategory] {
        try await db.select().columns("code", "share_basis_points", "rural_only", "source").from("quota_categories").orderBy("position")
            .all().map {
                QuotaCategory(
                    code: try $0.decode(column: "code", as: String.self), shareBasisPoints: try $0.decode(column: "share_basis_points", as: Int.self),
                    ruralOnly: try $0.decode(column: "rural_only", as: Int.self) != 0, source: try $0.decode(column: "source", as: String.self))
            }
    }

    /// The application windows of a year, when stored.
    package func windows(year: Int) async throws -> [AdmissionTrack: ClosedRange<CivilDate>] {
        var out: [AdmissionTrack: ClosedRange<CivilDate>] = [:]
        for row in try await db.select().columns("track", "opens", "closes").from("admission_windows").where("year", .equal, year).all() {
            guard let track = AdmissionTrack(rawValue: try row.decode(column: "track", as: String.self)),
                let opens = CivilDate(iso: try row.decode(column: "opens", as: String.self)),
                let closes = CivilDate(iso: try row.decode(column: "closes", as: String.self)), opens <= closes
            else { continue }
            out[track] = opens...closes
        }
        return out
    }

    package func setWindows(year: Int, _ windows: [AdmissionTrack: ClosedRange<CivilDate>]) async throws {
        try await db.delete(from: "admission_windows").where("year", .equal, year).run()
        for (track, range) in windows.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            try await db.insert(into: "admission_windows").columns("year", "track", "opens", "closes")
                .values(SQLBind(year), SQLBind(track.rawValue), SQLBind(range.lowerBound.iso), SQLBind(range.upperBound.iso)).run()
        }
    }

    /// The TVET organizations of a region: the programs a department may load.
    package func tvetOrganizations(region: String) async throws -> Set<String> {
        Set(
            try await db.select().column("id").from("organizations").where("region_code", .equal, region)
                .where("kind", .equal, OrganizationKind.tvet.rawValue).all().map { try $0.decode(column: "id", as: String.self) })
    }

    package func programCodes(year: Int) async throws -> Set<String> {
        Set(try await db.select().column("code").from("admission_programs").where("year", .equal, year).all().map { try $0.decode(column: "code", as: String.self) })
    }

    /// The natural keys (`ProgramDraft.naturalKey`) of the year's programs.
    package func programKeys(year: Int) async throws -> Set<String> {
        Set(
            try await db.select().columns("organization_id", "specialty", "qualification", "base", "language", "study_form", "funding")
                .from("admission_programs").where("year", .equal, year).all()
                .map { r in
                    ProgramDraft.naturalKey(
                        organization: try r.decode(column: "organization_id", as: String.self), specialty: try r.decode(column: "specialty", as: String.self),
                        qualification: try r.decode(column: "qualification", as: String.self), base: try r.decode(column: "base", as: String.self),
                        language: try r.decode(column: "language", as: String.self), form: try r.decode(column: "study_form", as: String.self),
                        funding: try r.decode(column: "funding", as: String.self))
                })
    }

    package func insert(_ row: AdmissionProgramRow, quotas: [(code: String, seats: Int)]) async throws {
        try await db.insert(into: "admission_programs").row(row).run()
        for (i, q) in quotas.enumerated() {
            try await db.insert(into: "admission_program_quotas").columns("program_id", "position", "category", "seats")
                .values(SQLBind(row.id), SQLBind(i), SQLBind(q.code), SQLBind(q.seats)).run()
        }
    }

    package func programs(year: Int, region: String) async throws -> [AdmissionProgramRow] {
        try await db.select().column("*").from("admission_programs").where("year", .equal, year).where("region_code", .equal, region)
            .orderBy("code").all().map { try $0.model(AdmissionProgramRow.self) }
    }

    /// Every program of the year, for the applicant to choose from.
    package func programs(year: Int) async throws -> [AdmissionProgramRow] {
        try await db.select().column("*").from("admission_programs").where("year", .equal, year).orderBy("code").all()
            .map { try $0.model(AdmissionProgramRow.self) }
    }

    package func quotas(programId: String) async throws -> [(code: String, seats: Int)] {
        try await db.select().columns("category", "seats").from("admission_program_quotas").where("program_id", .equal, programId)
            .orderBy("position").all().map { (try $0.decode(column: "category", as: String.self), try $0.decode(column: "seats", as: Int.self)) }
    }

    package func insert(_ row: AdmissionImportRow) async throws {
        try await db.insert(into: "admission_imports").row(row).run()
    }

    package func importRow(id: String) async throws -> AdmissionImportRow? {
        try await db.select().column("*").from("admission_imports").where("id", .equal, id).first()
            .map { try $0.model(AdmissionImportRow.self) }
    }

    package func count(_ table: String, year: Int) async throws -> Int {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).where("year", .equal, year).first()?
            .decode(column: "n", as: Int.self) ?? 0
    }
}

/// A stored competition run: its input and output exactly as the contract writes them.
package struct AdmissionRunRow: Codable, Sendable, Hashable {
    package var id: String
    package var year: Int
    package var regionCode: String
    package var input: String
    package var inputSha256: String
    package var output: String
    package var outputSha256: String
    package var applicants: Int
    package var programs: Int
    package var admitted: Int
    package var notFormed: Int
    package var wallMs: Int
    package var createdBy: String
    package var createdAt: String
    /// `input` (the contract's JSON as given) or `applications` (built from the stored applications).
    package var source: String

    package init(
        id: String, year: Int, regionCode: String, input: String, inputSha256: String, output: String, outputSha256: String,
        applicants: Int, programs: Int, admitted: Int, notFormed: Int, wallMs: Int, createdBy: String, createdAt: String,
        source: String = "input"
    ) {
        self.source = source
        self.id = id
        self.year = year
        self.regionCode = regionCode
        self.input = input
        self.inputSha256 = inputSha256
        self.output = output
        self.outputSha256 = outputSha256
        self.applicants = applicants
        self.programs = programs
        self.admitted = admitted
        self.notFormed = notFormed
        self.wallMs = wallMs
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}

extension AdmissionRepository {
    /// Stores a run's explanations, `(applicant id, JSON)`, in batches of 500 rows; a second call for the same
    /// applicant keeps the first (explanations of a run never change).
    package func insertExplanations(runId: String, _ rows: [(String, String)]) async throws {
        var start = 0
        while start < rows.count {
            let end = min(start + 500, rows.count)
            let q = db.insert(into: "admission_explanations").columns("run_id", "applicant_id", "explanation")
            for (applicant, json) in rows[start..<end] { q.values(SQLBind(runId), SQLBind(applicant), SQLBind(json)) }
            try await q.ignoringConflicts(with: ["run_id", "applicant_id"]).run()
            start = end
        }
    }

    package func explanationCount(runId: String) async throws -> Int {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("admission_explanations")
            .where("run_id", .equal, runId).first(decodingColumn: "n", as: Int.self) ?? 0
    }

    package func explanation(runId: String, applicantId: String) async throws -> String? {
        try await db.select().column("explanation").from("admission_explanations").where("run_id", .equal, runId)
            .where("applicant_id", .equal, applicantId).first(decodingColumn: "explanation", as: String.self)
    }

    package func insert(_ run: AdmissionRunRow) async throws {
        try await db.insert(into: "admission_runs").row(run).run()
    }

    /// A region's runs of a year, newest first, without their input and output.
    package func runs(year: Int, region: String) async throws -> [AdmissionRunRow] {
        try await db.select()
            .columns("id", "year", "region_code", "input_sha256", "output_sha256", "applicants", "programs", "admitted", "not_formed", "wall_ms")
            .columns("created_by", "created_at", "source")
            .column(SQLLiteral.string(""), as: "input").column(SQLLiteral.string(""), as: "output")
            .from("admission_runs").where("year", .equal, year).where("region_code", .equal, region)
            .orderBy("created_at", .descending).orderBy("id", .descending).all().map { try $0.model(AdmissionRunRow.self) }
    }

    package func run(id: String) async throws -> AdmissionRunRow? {
        try await db.select().column("*").from("admission_runs").where("id", .equal, id).first().map { try $0.model(AdmissionRunRow.self) }
    }
}

/// An admission application as stored.
package struct AdmissionApplicationRow: Codable, Sendable, Hashable {
    package var id: String
    package var year: Int
    package var applicantIin: String
    package var channel: String
    package var documentId: String
    package var base: String
    package var quotaCategory: String?
    package var outOfCompetition: Int
    package var dormitory: Int
    package var meals: Int
    /// JSON array of the codes of the documents attached.
    package var documents: String
    package var status: String
    package var consentAt: String
    package var submittedBy: String
    package var createdAt: String

    package init(
        id: String, year: Int, applicantIin: String, channel: String, documentId: String, base: String, quotaCategory: String?,
        outOfCompetition: Int, dormitory: Int, meals: Int, documents: String, status: String, consentAt: String, submittedBy: String,
        createdAt: String
    ) {
        self.id = id
        self.year = year
        self.applicantIin = applicantIin
        self.channel = channel
        self.documentId = documentId
        self.base = base
        self.quotaCategory = quotaCategory
        self.outOfCompetition = outOfCompetition
        self.dormitory = dormitory
        self.meals = meals
        self.documents = documents
        self.status = status
        self.consentAt = consentAt
        self.submittedBy = submittedBy
        self.createdAt = createdAt
    }
}

extension AdmissionRepository {
    package func program(year: Int, code: String) async throws -> AdmissionProgramRow? {
        try await db.select().column("*").from("admission_programs").where("year", .equal, year).where("code", .equal, code).first()
            .map { try $0.model(AdmissionProgramRow.self) }
    }

    package func application(year: Int, applicantIIN: String) async throws -> AdmissionApplicationRow? {
        try await db.select().column("*").from("admission_applications").where("year", .equal, year)
            .where("applicant_iin", .equal, applicantIIN).first().map { try $0.model(AdmissionApplicationRow.self) }
    }

    package func insert(_ row: AdmissionApplicationRow, choices: [String]) async throws {
        try await db.insert(into: "admission_applications").row(row).run()
        for (i, p) in choices.enumerated() {
            try await db.insert(into: "admission_choices").columns("application_id", "position", "program_id")
                .values(SQLBind(row.id), SQLBind(i + 1), SQLBind(p)).run()
        }
    }

    /// The program codes an application chose, in order.
    package func choices(applicationId: String) async throws -> [String] {
        try await db.select().column(SQLColumn("code", table: "admission_programs")).from("admission_choices")
            .join("admission_programs", on: SQLColumn("program_id", table: "admission_choices"), .equal, SQLColumn("id", table: "admission_programs"))
            .where(SQLColumn("application_id", table: "admission_choices"), .equal, SQLBind(applicationId))
            .orderBy(SQLColumn("position", table: "admission_choices")).all().map { try $0.decode(column: "code", as: String.self) }
    }
}
