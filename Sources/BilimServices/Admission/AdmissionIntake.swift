import BilimCore
import BilimStore
import Foundation
import SQLKit

/// An application for admission to TVET as the portal takes it (003 §12) (003 Annex 1 item 8).
package struct AdmissionApplicationInput: Sendable, Decodable {
    package var applicantIIN: String
    package var documentId: String
    /// Program codes, most wanted first.
    package var choices: [String]
    package var quotaCategory: String?
    package var outOfCompetition: Bool?
    /// Codes of the documents attached: `medical-075u`, `photo-3x4`, `disability-031u`, `quota-document`,
    /// `status-document` (out of competition).
    package var documents: [String]
    package var dormitory: Bool?
    package var meals: Bool?
    package var consent: Bool
    /// The language of the signed notice; the caller's when left out.
    package var language: Language?

    package init(
        applicantIIN: String, documentId: String, choices: [String], quotaCategory: String? = nil, outOfCompetition: Bool? = nil,
        documents: [String], dormitory: Bool? = nil, meals: Bool? = nil, consent: Bool, language: Language? = nil
    ) {
        self.language = language
        self.applicantIIN = applicantIIN
        self.documentId = documentId
        self.choices = choices
        self.quotaCategory = quotaCategory
        self.outOfCompetition = outOfCompetition
        self.documents = documents
        self.dormitory = dormitory
        self.meals = meals
        self.consent = consent
    }
}

extension AdmissionApplicationInput {
    /// What the applicant confirms by a one-time code or an EDS (003 Annex 1 item 8).
    package var content: ConfirmedContent {
        ConfirmedContent(
            service: ServiceID.s4.rawValue, applicantIIN: applicantIIN, documentId: documentId, documents: Set(documents).sorted(),
            consent: consent, choices: choices, quotaCategory: quotaCategory, outOfCompetition: outOfCompetition ?? false,
            dormitory: dormitory ?? false, meals: meals ?? false)
    }
}

/// Takes admission applications on the portal: every check before anything is written, then one transaction.
package struct AdmissionIntake: Sendable {
    package let deps: ServiceDependencies

    package init(_ deps: ServiceDependencies) { self.deps = deps }

    /// The documents every portal application carries (003 Annex 1 item 8): the medical certificate 075-U and the
    /// 3×4 photo; the education document comes from the registry.
    package static let required = ["medical-075u", "photo-3x4"]

    /// The base a registry document gives: a basic secondary certificate admits to programs on that base; a general
    /// secondary certificate, a TVET or post-secondary diploma, to programs on the general secondary base.
    static func base(of kind: String) -> EducationBase {
        kind == "basic-secondary-certificate" ? .basicSecondary : .generalSecondary
    }

    /// The portal codes of the attached documents, as the service passport names them.
    static let passportCodes = [
        "medical-075u": "medical-certificate-075u", "photo-3x4": "photo", "disability-031u": "medical-social-expertise-031u",
        "status-document": "special-category-status-document",
    ]

    package func apply(_ a: AdmissionApplicationInput, by actor: Actor, confirmation: ConfirmationProof?) async throws -> AdmissionApplicationRow {
        guard actor.role == .applicant, CaseAccess.canApply(actor, for: a.applicantIIN) else { throw DomainError(.forbidden, field: "applicantIIN") }
        guard a.consent else { throw DomainError(.consentMissing, field: "consent", ref: "003 Annex 1 item 9") }
        try ChoiceCheck.check(a.choices)
        let db = deps.database.sql
        let year = deps.today.year
        guard let doc = try await DocumentRegistryRepository(db: db).document(id: a.documentId), doc.holderIin == a.applicantIIN else {
            throw DomainError(.documentNotHolders, field: "documentId")
        }
        let grades = Dictionary(
            try await DocumentRegistryRepository(db: db).grades(documentId: doc.id).map { ($0.subject, $0.gradeHundredths) },
            uniquingKeysWith: { a, _ in a })
        let base = Self.base(of: doc.kind)
        let programIds = try await checkChoices(a.choices, base: base, grades: grades)
        let documents = Set(a.documents)
        for code in Self.required where !documents.contains(code) {
            throw DomainError(.fieldRequired, field: "documents.\(code)", ref: "003 Annex 1 item 8")
        }
        let repo = AdmissionRepository(db: db)
        if let category = a.quotaCategory {
            guard try await repo.quotaCategories().contains(where: { $0.code == category }) else {
                throw DomainError(.requestInvalid, field: "quotaCategory", ["field": "quotaCategory"])
            }
            guard documents.contains("quota-document") else {
                throw DomainError(.admissionQuotaDocumentMissing, field: "documents.quota-document", ref: "003 Annex 1 item 8", ["category": category])
            }
            if category == "disability", !documents.contains("disability-031u") {
                throw DomainError(.fieldRequired, field: "documents.disability-031u", ref: "003 Annex 1 item 8")
            }
        }
        if a.outOfCompetition == true, !documents.contains("status-document") {
            throw DomainError(.admissionQuotaDocumentMissing, field: "documents.status-document", ref: "003 §3", ["category": "out-of-competition"])
        }
        let now = Instant.text(deps.clock.now())
        let row = AdmissionApplicationRow(
            id: deps.ids.make(), year: year, applicantIin: a.applicantIIN, channel: Channel.portal.rawValue, documentId: doc.id,
            base: base.rawValue, quotaCategory: a.quotaCategory, outOfCompetition: a.outOfCompetition == true ? 1 : 0,
            dormitory: a.dormitory == true ? 1 : 0, meals: a.meals == true ? 1 : 0,
            documents: String(decoding: try JSONEncoder().encode(documents.sorted()), as: UTF8.self), status: "submitted",
            consentAt: now, submittedBy: actor.userId, createdAt: now)
        if try await repo.application(year: year, applicantIIN: a.applicantIIN) != nil {
            throw DomainError(.admissionAlreadyApplied, field: "applicantIIN", ref: "003 §12", ["year": String(year)])
        }
        // Confirmed by a one-time code or an EDS over exactly this content (003 Annex 1 item 8).
        let confirmed = try await ApplicationConfirmation(deps).verify(confirmation, content: a.content, actor: actor)
        let ids = programIds
        let first = try await repo.program(year: year, code: a.choices.first ?? "")
        let issuer = try await first.asyncMap { try await ReferenceRepository(db: db).organization(id: $0.organizationId) } ?? nil
        let userLanguage = try await ReferenceRepository(db: db).user(id: actor.userId).flatMap { Language(rawValue: $0.language) }
        let language = a.language ?? userLanguage ?? .kk
        let passport = deps.passports.current(.s4, on: deps.today)
        let taken = documents.sorted().map { code in
            let passportCode = Self.passportCodes[code] ?? code
            return ResultContent.Taken(code: code, name: passport?.documents.first { $0.code == passportCode }?.name[language] ?? code)
        }
        let clockNow = deps.clock.now()
        let ids2 = deps.ids
        let resultDay = AdmissionSchedule.publicationDay(base: base, year: year)
        try await deps.database.transaction { db in
            // One application per applicant and year; checked again inside the transaction. (003 §12)
            if try await AdmissionRepository(db: db).application(year: year, applicantIIN: a.applicantIIN) != nil {
                throw DomainError(.admissionAlreadyApplied, field: "applicantIIN", ref: "003 §12", ["year": String(year)])
            }
            try await AdmissionRepository(db: db).insert(row, choices: ids)
            // The signed notice of acceptance in the cabinet, with the day the result can be received (003 §16).
            let signing = DocumentSigning(db: db, ids: ids2, now: clockNow)
            let number = try await signing.number("E")
            let content = ResultContent(
                number: number, kind: "receipt", issuedAt: Instant.text(clockNow), issuer: issuer?.name[language] ?? "", caseNumber: row.id,
                service: ServiceID.s4.rawValue, registeredOn: deps.today.iso, deadline: resultDay.iso, documents: taken,
                statement: DocumentSigning.equivalenceStatement[language])
            try await signing.issue(number: number, kind: "receipt", payload: content, type: "bilim-result+jwt", caseId: nil, holderIIN: a.applicantIIN)
            try await ApplicationConfirmation.recordAdmission(confirmed, applicationId: row.id, notice: number, now: clockNow, db: db)
        }
        return row
    }

    /// Each choice must be a loaded program of the year on the applicant's base, inside its window for the day, in
    /// one region, and the grades must cover its subjects. Returns the programs' ids in order. (003 §12)
    /// - Parameter organization: at a college's desk, its own programs only (003 §12: the college takes the
    ///   applications to its programs); nil on the portal.
    func checkChoices(_ choices: [String], base: EducationBase, grades: [String: Int], organization: String? = nil) async throws -> [String] {
        try ChoiceCheck.check(choices)
        let year = deps.today.year
        let repo = AdmissionRepository(db: deps.database.sql)
        var windows = try await repo.windows(year: year)
        if windows.isEmpty { windows = AdmissionTrack.defaultWindows(year: year) }
        var programIds: [String] = []
        var region: String?
        for code in choices {
            guard let p = try await repo.program(year: year, code: code) else { throw DomainError(.admissionProgramClosed, field: "choices", ref: "003 §12", ["program": code]) }
            // The region's department runs its competition (003 §54): one application competes in one region.
            guard region == nil || region == p.regionCode else { throw DomainError(.admissionChoicesAcrossRegions, field: "choices", ref: "003 §54") }
            region = p.regionCode
            if let organization, p.organizationId != organization {
                throw DomainError(.admissionProgramNotOwn, field: "choices", ref: "003 §12", ["program": code])
            }
            guard p.base == base.rawValue else {
                throw DomainError(.admissionProgramWrongBase, field: "choices", ref: "003 §12", ["program": code, "base": base.rawValue])
            }
            let track = AdmissionTrack.of(
                level: ProgramLevel(rawValue: p.level) ?? .midLevel, base: base, form: StudyForm(rawValue: p.studyForm) ?? .fullTime,
                funding: Funding(rawValue: p.funding) ?? .stateOrder, exam: EntranceExam(rawValue: p.exam) ?? .none,
                pedagogical: p.pedagogical != 0)
            try AdmissionWindow.check(track, on: deps.today, windows: windows)
            // The document's grades must cover the program's subjects, for the score. (003 §54)
            let subjects = (try? JSONDecoder().decode([String].self, from: Data(p.subjects.utf8))) ?? []
            let missing = subjects.filter { grades[$0] == nil }
            guard missing.isEmpty else {
                throw DomainError(.admissionGradesMissing, field: "documentId", ref: "003 §54", ["subjects": missing.joined(separator: ", ")])
            }
            programIds.append(p.id)
        }
        return programIds
    }
}
