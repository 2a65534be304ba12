import BilimCore
import BilimStore
import Foundation
import SQLKit

/// An application taken at the college from a graduate of a foreign institution (003 §12) (003 Annex 1 item 8).
package struct DeskAdmissionInput: Sendable, Decodable {
    /// The foreign education document. Its base and grades are the admission commission's recognition decision
    /// (003 §62), named by `recognition`; the desk types no grade.
    package struct ForeignDocument: Sendable, Decodable {
        /// ISO 3166 alpha-2 code of the issuing country.
        package var country: String
        package var number: String
        package var issuedOn: CivilDate
        package var base: EducationBase
        /// The id of the commission's adopted decision recognizing this document (`POST …/meetings/{id}/decisions`
        /// with a `recognition`).
        package var recognition: String

        package init(country: String, number: String, issuedOn: CivilDate, base: EducationBase, recognition: String) {
            self.country = country
            self.number = number
            self.issuedOn = issuedOn
            self.base = base
            self.recognition = recognition
        }
    }

    package var applicantIIN: String
    package var document: ForeignDocument
    package var choices: [String]
    package var quotaCategory: String?
    package var outOfCompetition: Bool?
    /// For foreigners and stateless persons: `residence-permit`, `stateless-certificate`, `refugee-certificate`,
    /// `asylum-seeker-certificate` or `kandas-certificate`.
    package var foreignerStatus: String?
    /// Codes of the documents of the service passport handed over.
    package var documents: [String]
    package var identityDocumentValidUntil: CivilDate?
    package var dormitory: Bool?
    package var meals: Bool?
    package var consent: Bool
    /// A refusal on the grounds of 003 Annex 1 item 9 the staff member found: untrue documents, non-compliance, a
    /// court verdict depriving the applicant of the right.
    package var refusalGrounds: [String]?
    /// The language the receipt is printed in.
    package var language: Language?

    package init(
        applicantIIN: String, document: ForeignDocument, choices: [String], quotaCategory: String? = nil, outOfCompetition: Bool? = nil,
        foreignerStatus: String? = nil, documents: [String], identityDocumentValidUntil: CivilDate? = nil, dormitory: Bool? = nil,
        meals: Bool? = nil, consent: Bool, refusalGrounds: [String]? = nil, language: Language? = nil
    ) {
        self.applicantIIN = applicantIIN
        self.document = document
        self.choices = choices
        self.quotaCategory = quotaCategory
        self.outOfCompetition = outOfCompetition
        self.foreignerStatus = foreignerStatus
        self.documents = documents
        self.identityDocumentValidUntil = identityDocumentValidUntil
        self.dormitory = dormitory
        self.meals = meals
        self.consent = consent
        self.refusalGrounds = refusalGrounds
        self.language = language
    }
}

extension DeskAdmissionInput {
    /// What the applicant confirms at the desk with a one-time code to their own registered phone or their EDS: the
    /// college, the recognized document, the choices and the requests.
    package func content(college: String) -> ConfirmedContent {
        ConfirmedContent(
            service: ServiceID.s4.rawValue, applicantIIN: applicantIIN.trimmingSpaces, providerId: college, documentId: document.recognition,
            documents: Set(documents).sorted(), consent: consent, choices: choices, quotaCategory: quotaCategory,
            outOfCompetition: outOfCompetition ?? false, dormitory: dormitory ?? false, meals: meals ?? false)
    }
}

package struct DeskAdmissionOutcome: Sendable {
    package let application: AdmissionApplicationRow?
    /// Annex 3 on acceptance, Annex 2 on refusal.
    package let receipt: ReceiptRow
}

/// The college channel: every check, then either the application with its recognized document and the receipt of
/// acceptance listing the documents and the staff member, or a motivated refusal receipt, in one transaction.
package struct AdmissionDeskIntake: Sendable {
    package let deps: ServiceDependencies

    package init(_ deps: ServiceDependencies) { self.deps = deps }

    /// The status documents of foreigners and stateless persons (003 Annex 1 item 8).
    package static let foreignerStatuses = [
        "residence-permit", "stateless-certificate", "refugee-certificate", "asylum-seeker-certificate", "kandas-certificate",
    ]

    /// - Parameter confirmation: the applicant's own proof over `a.content(college:)`, asked for only when the
    ///   application is to be registered (a refusal receipt needs none).
    package func apply(_ a: DeskAdmissionInput, by actor: Actor, confirmation: ConfirmationProof?) async throws -> DeskAdmissionOutcome {
        let db = deps.database.sql
        guard actor.role == .providerStaff, let college = actor.organizationId,
            try await ReferenceRepository(db: db).organization(id: college)?.kind == OrganizationKind.tvet.rawValue
        else { throw DomainError(.forbidden) }
        let today = deps.today
        // Colleges register applicants by 26 August (003 §53).
        let closes = AdmissionSchedule.registrationDeadline(year: today.year)
        guard today <= closes else { throw DomainError(.admissionRegistrationClosed, ref: "003 §53", ["closes": closes.iso]) }
        let iin = try IIN(a.applicantIIN, today: today)
        guard let person = try await deps.identity.person(iin: iin.digits) else {
            throw DomainError(.identityNotFound, field: "applicantIIN", ref: "003 Annex 1 item 8")
        }
        guard let passport = deps.passports.current(.s4, on: today) else { throw DomainError(.serviceNotFound) }
        let language = a.language ?? .kk
        // A refusal on the grounds of 003 Annex 1 item 9: nothing is registered but the receipt.
        if let grounds = a.refusalGrounds, !grounds.isEmpty {
            let known = Set(passport.refusalGrounds.map(\.code))
            for (i, g) in grounds.enumerated() where !known.contains(g) {
                throw DomainError(.requestInvalid, field: "refusalGrounds[\(i)]", ["field": "refusalGrounds[\(i)]"])
            }
            return DeskAdmissionOutcome(application: nil, receipt: try await receipt("refusal", a, college, actor, missing: [], grounds: grounds, language))
        }
        var conditions = Set<String>()
        if a.quotaCategory == "disability" { conditions.insert("medical-social-expertise-031u") }
        if a.outOfCompetition == true { conditions.insert("special-category-status-document") }
        if a.foreignerStatus != nil { conditions.insert("foreigner-status-document") }
        if let status = a.foreignerStatus, !Self.foreignerStatuses.contains(status) {
            throw DomainError(.requestInvalid, field: "foreignerStatus", ["field": "foreignerStatus"])
        }
        let verdict = IntakeCheck.check(
            IntakePackage(
                channel: .office, documents: Set(a.documents), applicableConditions: conditions, consent: a.consent,
                identityDocumentValidUntil: a.identityDocumentValidUntil),
            passport: passport, today: today)
        var missing: [String] = []
        if case .refused(let m, let expired, _) = verdict { missing = m + (expired ? ["expired-identity-document"] : []) }
        if a.quotaCategory != nil, !a.documents.contains("quota-document") { missing.append("quota-document") }
        // An incomplete or expired package, or no consent: the motivated refusal of Annex 2 (003 §18) (003 Annex 1 item 9).
        if !missing.isEmpty || !a.consent {
            let grounds = a.consent ? [] : ["no-personal-data-consent"]
            return DeskAdmissionOutcome(application: nil, receipt: try await receipt("refusal", a, college, actor, missing: missing, grounds: grounds, language))
        }
        if let category = a.quotaCategory, try await !AdmissionRepository(db: db).quotaCategories().contains(where: { $0.code == category }) {
            throw DomainError(.requestInvalid, field: "quotaCategory", ["field": "quotaCategory"])
        }
        let country = a.document.country.trimmingSpaces.uppercased()
        guard country.count == 2, country.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw DomainError(.requestInvalid, field: "document.country", ["field": "document.country"])
        }
        let number = a.document.number.trimmingSpaces
        guard !number.isEmpty, number.count <= 40 else { throw DomainError(.fieldRequired, field: "document.number", ref: "003 Annex 1 item 8") }
        // The desk channel is for graduates of foreign institutions (003 §12): a person whose domestic document of
        // this level is in the registry applies with it (on the portal), and cannot be filed for here.
        let domesticKind = a.document.base == .basicSecondary ? "basic-secondary-certificate" : "general-secondary-certificate"
        if try await DocumentRegistryRepository(db: db).documents(holderIIN: iin.digits).contains(where: {
            $0.kind == domesticKind && $0.status == "valid" && !$0.series.hasPrefix("FOREIGN-")
        }) {
            throw DomainError(.admissionDomesticDocument, field: "applicantIIN", ref: "003 §12")
        }
        // One application a year: said before the applicant is asked for a code (and checked again as it is written).
        if try await AdmissionRepository(db: db).application(year: today.year, applicantIIN: iin.digits) != nil {
            throw DomainError(.admissionAlreadyApplied, field: "applicantIIN", ref: "003 §12", ["year": String(today.year)])
        }
        // The grades are the commission's, recorded as its adopted decision on this person's document (003 §62).
        guard let recognition = try await RecognitionRepository(db: db).adopted(decisionId: a.document.recognition),
            recognition.organizationId == college, recognition.applicantIin == iin.digits
        else { throw DomainError(.admissionRecognitionMissing, field: "document.recognition", ref: "003 §62") }
        guard recognition.usedBy == nil else {
            throw DomainError(.admissionRecognitionUsed, field: "document.recognition", ref: "003 §62")
        }
        guard recognition.base == a.document.base.rawValue else {
            throw DomainError(.admissionRecognitionMismatch, field: "document.base", ref: "003 §62")
        }
        let grades = try JSONDecoder().decode([String: Int].self, from: Data(recognition.grades.utf8))
        let programIds = try await AdmissionIntake(deps).checkChoices(
            a.choices, base: a.document.base, grades: grades, organization: college)
        // Every check has passed: now the applicant's own confirmation, by a code to their registered phone or
        // their EDS, over exactly this content. 003 §12 only sends foreign graduates to the college; that the
        // applicant, not the staff member, confirms is this project's rule (issue 12), so that a desk cannot file
        // for anyone it likes.
        let confirmed = try await ApplicationConfirmation(deps).verify(confirmation, content: a.content(college: college), actor: actor)
        let now = Instant.text(deps.clock.now())
        let documentId = deps.ids.make()
        let doc = EducationDocumentRow(
            id: documentId, kind: a.document.base == .basicSecondary ? "basic-secondary-certificate" : "general-secondary-certificate",
            series: "FOREIGN-\(country)", number: "\(number)/\(documentId)", issueDate: a.document.issuedOn, organizationId: college,
            holderIin: iin.digits, holderName: [person.surname, person.givenName, person.patronymic].compactMap { $0 }.joined(separator: " "),
            specialty: nil, qualification: nil, duplicateOf: nil, createdAt: deps.clock.now())
        let row = AdmissionApplicationRow(
            id: deps.ids.make(), year: today.year, applicantIin: iin.digits, channel: Channel.office.rawValue, documentId: documentId,
            base: a.document.base.rawValue, quotaCategory: a.quotaCategory, outOfCompetition: a.outOfCompetition == true ? 1 : 0,
            dormitory: a.dormitory == true ? 1 : 0, meals: a.meals == true ? 1 : 0,
            documents: String(decoding: try JSONEncoder().encode(Set(a.documents).sorted()), as: UTF8.self), status: "submitted",
            consentAt: now, submittedBy: actor.userId, createdAt: now)
        let staff = actor
        let receiptId = deps.ids.make()
        let year = today.year
        let clockNow = deps.clock.now()
        let gradeRows = grades.sorted(by: { $0.key < $1.key }).map { GradeRow(documentId: documentId, subject: $0.key, gradeHundredths: $0.value) }
        let receipt = try await deps.database.transaction { db -> ReceiptRow in
            if try await AdmissionRepository(db: db).application(year: year, applicantIIN: iin.digits) != nil {
                throw DomainError(.admissionAlreadyApplied, field: "applicantIIN", ref: "003 §12", ["year": String(year)])
            }
            // The foreign document's digital record, recognized by the college's commission (003 §12) (003 §62).
            try await DocumentRegistryRepository(db: db).insert(doc, grades: gradeRows)
            try await db.insert(into: "foreign_education_documents")
                .columns("document_id", "country", "original_number", "recognized_by", "recognized_at", "decision_id")
                .values(SQLBind(documentId), SQLBind(country), SQLBind(number), SQLBind(staff.userId), SQLBind(now), SQLBind(recognition.decisionId))
                .run()
            guard try await RecognitionRepository(db: db).use(decisionId: recognition.decisionId, applicationId: row.id) else {
                throw DomainError(.admissionRecognitionUsed, field: "document.recognition", ref: "003 §62")
            }
            try await AdmissionRepository(db: db).insert(row, choices: programIds)
            // The receipt of acceptance lists the documents taken and the staff member (003 Annex 1 item 8).
            let receipt = try await ReceiptRepository(db: db).issue(
                kind: "acceptance", id: receiptId, service: .s4, channel: .office, caseId: nil, officeId: college, applicantIIN: iin.digits,
                documents: Set(a.documents).sorted(), missing: [], staffUserId: staff.userId, language: language, now: clockNow, year: year)
            try await ApplicationConfirmation.recordAdmission(confirmed, applicationId: row.id, notice: receipt.number, now: clockNow, db: db)
            return receipt
        }
        return DeskAdmissionOutcome(application: row, receipt: receipt)
    }

    func receipt(
        _ kind: String, _ a: DeskAdmissionInput, _ college: String, _ actor: Actor, missing: [String], grounds: [String], _ language: Language
    ) async throws -> ReceiptRow {
        let id = deps.ids.make()
        let now = deps.clock.now()
        let year = deps.today.year
        return try await deps.database.transaction { db in
            try await ReceiptRepository(db: db).issue(
                kind: kind, id: id, service: .s4, channel: .office, caseId: nil, officeId: college, applicantIIN: a.applicantIIN,
                documents: Set(a.documents).sorted(), missing: missing, staffUserId: actor.userId, language: language, now: now, year: year,
                grounds: grounds)
        }
    }
}
