import BilimCore
import Foundation
import SQLKit

/// An applicant's registration for one program's exam, with the marks the college entered (003 §32) (003 §48).
package struct AdmissionExamRow: Codable, Sendable, Hashable {
    package var applicationId: String
    package var programId: String
    /// JSON array of `ExamAccommodation` values (003 §38).
    package var accommodations: String
    package var registeredBy: String
    package var registeredAt: String
    /// JSON array of marks in hundredths, for special and creative exams.
    package var marks: String?
    package var psychometricPassed: Int?
    package var enteredBy: String?
    package var enteredAt: String?

    package init(
        applicationId: String, programId: String, accommodations: String, registeredBy: String, registeredAt: String,
        marks: String? = nil, psychometricPassed: Int? = nil, enteredBy: String? = nil, enteredAt: String? = nil
    ) {
        self.applicationId = applicationId
        self.programId = programId
        self.accommodations = accommodations
        self.registeredBy = registeredBy
        self.registeredAt = registeredAt
        self.marks = marks
        self.psychometricPassed = psychometricPassed
        self.enteredBy = enteredBy
        self.enteredAt = enteredAt
    }
}

/// A commission meeting (003 §6): its members, who was present, and the reference of its recording or minutes, kept
/// until `retainUntil`.
package struct CommissionMeetingRow: Codable, Sendable, Hashable {
    package var id: String
    package var organizationId: String
    package var kind: String
    package var final: Int
    package var heldOn: String
    /// JSON: `[{"person": "…", "role": "chair"}]`.
    package var members: String
    /// JSON array of the persons present.
    package var present: String
    package var recordRef: String
    package var retainUntil: String
    package var createdBy: String
    package var createdAt: String

    package init(
        id: String, organizationId: String, kind: String, final: Int, heldOn: String, members: String, present: String, recordRef: String,
        retainUntil: String, createdBy: String, createdAt: String
    ) {
        self.id = id
        self.organizationId = organizationId
        self.kind = kind
        self.final = final
        self.heldOn = heldOn
        self.members = members
        self.present = present
        self.recordRef = recordRef
        self.retainUntil = retainUntil
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}

package struct CommissionDecisionRow: Codable, Sendable, Hashable {
    package var id: String
    package var meetingId: String
    package var subject: String
    /// JSON: `[{"person": "…", "vote": "yes"}]`.
    package var votes: String
    package var adopted: Int
    package var yes: Int
    package var no: Int
    package var chairDecided: Int
    package var decidedBy: String
    package var decidedAt: String

    package init(
        id: String, meetingId: String, subject: String, votes: String, adopted: Int, yes: Int, no: Int, chairDecided: Int, decidedBy: String,
        decidedAt: String
    ) {
        self.id = id
        self.meetingId = meetingId
        self.subject = subject
        self.votes = votes
        self.adopted = adopted
        self.yes = yes
        self.no = no
        self.chairDecided = chairDecided
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
    }
}

/// An education contract as signed: the exact text the applicant read and the one-time code's or the EDS's proof
/// over it (003 §12).
package struct ContractSignatureRow: Codable, Sendable, Hashable {
    package var applicationId: String
    package var method: String
    package var contractText: String
    package var contentSha256: String
    package var content: String
    package var challengeId: String
    package var certificateSerial: String?
    package var certificatePem: String?
    package var signature: String?
    package var signedAt: String

    package init(
        applicationId: String, method: String, contractText: String, contentSha256: String, content: String, challengeId: String,
        certificateSerial: String?, certificatePem: String?, signature: String?, signedAt: String
    ) {
        self.applicationId = applicationId
        self.method = method
        self.contractText = contractText
        self.contentSha256 = contentSha256
        self.content = content
        self.challengeId = challengeId
        self.certificateSerial = certificateSerial
        self.certificatePem = certificatePem
        self.signature = signature
        self.signedAt = signedAt
    }
}

/// An applicant's published result (003 §64), the education contract that follows it (003 §12), and the dormitory
/// and meals decisions.
package struct AdmissionResultRow: Codable, Sendable, Hashable {
    package var applicationId: String
    package var runId: String
    package var year: Int
    package var regionCode: String
    package var base: String
    package var programId: String?
    package var choicePosition: Int?
    package var score: Int
    package var publishedOn: String
    package var contractDue: String?
    /// `pending`, `signed` or `expired`; nil when not admitted.
    package var contractStatus: String?
    package var contractSignedAt: String?
    /// `requested`, `granted` or `refused`; nil when not asked for.
    package var dormitory: String?
    package var meals: String?
    package var supportDecidedBy: String?
    package var supportDecidedAt: String?

    package init(
        applicationId: String, runId: String, year: Int, regionCode: String, base: String, programId: String?, choicePosition: Int?,
        score: Int, publishedOn: String, contractDue: String?, contractStatus: String?, contractSignedAt: String? = nil,
        dormitory: String?, meals: String?, supportDecidedBy: String? = nil, supportDecidedAt: String? = nil
    ) {
        self.applicationId = applicationId
        self.runId = runId
        self.year = year
        self.regionCode = regionCode
        self.base = base
        self.programId = programId
        self.choicePosition = choicePosition
        self.score = score
        self.publishedOn = publishedOn
        self.contractDue = contractDue
        self.contractStatus = contractStatus
        self.contractSignedAt = contractSignedAt
        self.dormitory = dormitory
        self.meals = meals
        self.supportDecidedBy = supportDecidedBy
        self.supportDecidedAt = supportDecidedAt
    }
}

/// An application with its choices (program ids, in order), for building a run.
package struct AdmissionApplicationChoices: Sendable, Hashable {
    package var application: AdmissionApplicationRow
    package var programIds: [String]
}

package struct AdmissionOutcomeRepository: Sendable {
    package let db: any SQLDatabase

    package init(db: any SQLDatabase) { self.db = db }

    // MARK: Exams

    package func exam(applicationId: String, programId: String) async throws -> AdmissionExamRow? {
        try await db.select().column("*").from("admission_exams").where("application_id", .equal, applicationId)
            .where("program_id", .equal, programId).first().map { try $0.model(AdmissionExamRow.self) }
    }

    package func insert(_ row: AdmissionExamRow) async throws {
        try await db.insert(into: "admission_exams").row(row).run()
    }

    package func enterMarks(applicationId: String, programId: String, marks: String?, psychometricPassed: Int?, by: String, at: String)
        async throws
    {
        try await db.update("admission_exams").set("marks", to: marks).set("psychometric_passed", to: psychometricPassed)
            .set("entered_by", to: by).set("entered_at", to: at)
            .where("application_id", .equal, applicationId).where("program_id", .equal, programId).run()
    }

    /// The exams of a year's programs in a region.
    package func exams(year: Int, region: String) async throws -> [AdmissionExamRow] {
        try await db.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("admission_exams"))).from("admission_exams")
            .join("admission_programs", on: SQLColumn("program_id", table: "admission_exams"), .equal, SQLColumn("id", table: "admission_programs"))
            .where(SQLColumn("year", table: "admission_programs"), .equal, SQLBind(year))
            .where(SQLColumn("region_code", table: "admission_programs"), .equal, SQLBind(region))
            .all().map { try $0.model(AdmissionExamRow.self) }
    }

    // MARK: Commissions

    package func insert(_ row: CommissionMeetingRow) async throws {
        try await db.insert(into: "commission_meetings").row(row).run()
    }

    package func meeting(id: String) async throws -> CommissionMeetingRow? {
        try await db.select().column("*").from("commission_meetings").where("id", .equal, id).first().map { try $0.model(CommissionMeetingRow.self) }
    }

    package func insert(_ row: CommissionDecisionRow) async throws {
        try await db.insert(into: "commission_decisions").row(row).run()
    }

    package func decisions(meetingId: String) async throws -> [CommissionDecisionRow] {
        try await db.select().column("*").from("commission_decisions").where("meeting_id", .equal, meetingId).orderBy("decided_at")
            .orderBy("id").all().map { try $0.model(CommissionDecisionRow.self) }
    }

    /// Deletes the meetings (and their decisions) whose retention ended before `day`; returns their ids.
    package func purgeMeetings(retainedBefore day: String) async throws -> [String] {
        let ids = try await db.select().column("id").from("commission_meetings").where("retain_until", .lessThan, day).all()
            .map { try $0.decode(column: "id", as: String.self) }
        for id in ids {
            try await db.delete(from: "commission_decisions").where("meeting_id", .equal, id).run()
            try await db.delete(from: "commission_meetings").where("id", .equal, id).run()
        }
        return ids
    }

    // MARK: Building a run

    /// The year's applications with a choice among the region's programs, with those choices in order.
    package func applications(year: Int, region: String) async throws -> [AdmissionApplicationChoices] {
        let rows = try await db.select().column(SQLColumn("application_id", table: "admission_choices"))
            .column(SQLColumn("program_id", table: "admission_choices")).from("admission_choices")
            .join("admission_programs", on: SQLColumn("program_id", table: "admission_choices"), .equal, SQLColumn("id", table: "admission_programs"))
            .where(SQLColumn("year", table: "admission_programs"), .equal, SQLBind(year))
            .where(SQLColumn("region_code", table: "admission_programs"), .equal, SQLBind(region))
            .orderBy(SQLColumn("application_id", table: "admission_choices")).orderBy(SQLColumn("position", table: "admission_choices"))
            .all()
        var choices: [String: [String]] = [:]
        for r in rows { choices[try r.decode(column: "application_id", as: String.self), default: []].append(try r.decode(column: "program_id", as: String.self)) }
        guard !choices.isEmpty else { return [] }
        let apps = try await db.select().column("*").from("admission_applications").where("year", .equal, year)
            .where("id", .in, choices.keys.sorted()).orderBy("id").all().map { try $0.model(AdmissionApplicationRow.self) }
        return apps.map { AdmissionApplicationChoices(application: $0, programIds: choices[$0.id] ?? []) }
    }

    /// The grades of the given documents.
    package func grades(documentIds: [String]) async throws -> [GradeRow] {
        guard !documentIds.isEmpty else { return [] }
        var out: [GradeRow] = []
        // Bounded IN lists: SQLite allows 32,766 binds, PostgreSQL 65,535.
        for chunk in stride(from: 0, to: documentIds.count, by: 5000).map({ Array(documentIds[$0..<min($0 + 5000, documentIds.count)]) }) {
            out += try await db.select().column("*").from("document_grades").where("document_id", .in, chunk).all().map { try $0.model(GradeRow.self) }
        }
        return out
    }

    // MARK: Publication and results

    package func publication(year: Int, region: String, base: String) async throws -> String? {
        try await db.select().column("run_id").from("admission_publications").where("year", .equal, year).where("region_code", .equal, region)
            .where("base", .equal, base).first()?.decode(column: "run_id", as: String.self)
    }

    package func insertPublication(year: Int, region: String, base: String, runId: String, by: String, at: String) async throws {
        try await db.insert(into: "admission_publications").columns("year", "region_code", "base", "run_id", "published_by", "published_at")
            .values(SQLBind(year), SQLBind(region), SQLBind(base), SQLBind(runId), SQLBind(by), SQLBind(at)).run()
    }

    package func insert(_ row: AdmissionResultRow) async throws {
        try await db.insert(into: "admission_results").row(row).run()
    }

    package func result(applicationId: String) async throws -> AdmissionResultRow? {
        try await db.select().column("*").from("admission_results").where("application_id", .equal, applicationId).first()
            .map { try $0.model(AdmissionResultRow.self) }
    }

    package func insert(_ row: ContractSignatureRow) async throws {
        try await db.insert(into: "admission_contract_signatures").row(row).run()
    }

    package func contractSignature(applicationId: String) async throws -> ContractSignatureRow? {
        try await db.select().column("*").from("admission_contract_signatures").where("application_id", .equal, applicationId).first()
            .map { try $0.model(ContractSignatureRow.self) }
    }

    package func results(year: Int, region: String) async throws -> [AdmissionResultRow] {
        try await db.select().column("*").from("admission_results").where("year", .equal, year).where("region_code", .equal, region)
            .orderBy("application_id").all().map { try $0.model(AdmissionResultRow.self) }
    }

    /// Moves a contract from `from` to `to`; false when another request changed it first.
    package func setContract(applicationId: String, from: String, to: String, signedAt: String?) async throws -> Bool {
        let changed = try await db.update("admission_results").set("contract_status", to: to).set("contract_signed_at", to: signedAt)
            .where("application_id", .equal, applicationId).where("contract_status", .equal, from).returning("application_id").all()
        return !changed.isEmpty
    }

    /// The pending contracts whose last day to sign is before `day`.
    package func overdueContracts(before day: String) async throws -> [AdmissionResultRow] {
        try await db.select().column("*").from("admission_results").where("contract_status", .equal, "pending")
            .where("contract_due", .lessThan, day).orderBy("application_id").all().map { try $0.model(AdmissionResultRow.self) }
    }

    package func setSupport(applicationId: String, dormitory: String?, meals: String?, by: String, at: String) async throws {
        try await db.update("admission_results").set("dormitory", to: dormitory).set("meals", to: meals).set("support_decided_by", to: by)
            .set("support_decided_at", to: at).where("application_id", .equal, applicationId).run()
    }

    /// The organizations whose programs an application chose.
    package func choiceOrganizations(applicationId: String) async throws -> Set<String> {
        Set(
            try await db.select().column(SQLColumn("organization_id", table: "admission_programs")).from("admission_choices")
                .join("admission_programs", on: SQLColumn("program_id", table: "admission_choices"), .equal, SQLColumn("id", table: "admission_programs"))
                .where(SQLColumn("application_id", table: "admission_choices"), .equal, SQLBind(applicationId)).all()
                .map { try $0.decode(column: "organization_id", as: String.self) })
    }

    package func application(id: String) async throws -> AdmissionApplicationRow? {
        try await db.select().column("*").from("admission_applications").where("id", .equal, id).first().map { try $0.model(AdmissionApplicationRow.self) }
    }

    package func program(id: String) async throws -> AdmissionProgramRow? {
        try await db.select().column("*").from("admission_programs").where("id", .equal, id).first().map { try $0.model(AdmissionProgramRow.self) }
    }
}

/// An applicant who chose one of a college's programs that has an exam.
package struct ExamCandidate: Sendable, Hashable {
    package var applicationId: String
    package var applicantIin: String
    package var programId: String
    package var programCode: String
    package var exam: String
    package var position: Int
}

extension AdmissionOutcomeRepository {
    /// The year's applicants to a college's programs with special or creative exams or psychometric testing, by
    /// program and choice.
    package func examCandidates(year: Int, organizationId: String) async throws -> [ExamCandidate] {
        try await db.select()
            .column(SQLColumn("application_id", table: "admission_choices"))
            .column(SQLColumn("applicant_iin", table: "admission_applications"))
            .column(SQLColumn("id", table: "admission_programs"), as: "program_id")
            .column(SQLColumn("code", table: "admission_programs"))
            .column(SQLColumn("exam", table: "admission_programs"))
            .column(SQLColumn("position", table: "admission_choices"))
            .from("admission_choices")
            .join("admission_programs", on: SQLColumn("program_id", table: "admission_choices"), .equal, SQLColumn("id", table: "admission_programs"))
            .join("admission_applications", on: SQLColumn("application_id", table: "admission_choices"), .equal, SQLColumn("id", table: "admission_applications"))
            .where(SQLColumn("year", table: "admission_programs"), .equal, SQLBind(year))
            .where(SQLColumn("organization_id", table: "admission_programs"), .equal, SQLBind(organizationId))
            .where(SQLColumn("exam", table: "admission_programs"), .notEqual, SQLBind("none"))
            .orderBy(SQLColumn("code", table: "admission_programs")).orderBy(SQLColumn("applicant_iin", table: "admission_applications"))
            .all().map {
                ExamCandidate(
                    applicationId: try $0.decode(column: "application_id", as: String.self), applicantIin: try $0.decode(column: "applicant_iin", as: String.self),
                    programId: try $0.decode(column: "program_id", as: String.self), programCode: try $0.decode(column: "code", as: String.self),
                    exam: try $0.decode(column: "exam", as: String.self), position: try $0.decode(column: "position", as: Int.self))
            }
    }
}
