import BilimCore
import BilimStore
import Crypto
import Foundation

/// The education contract as the applicant reads it before signing.
package struct ContractView: Encodable, Sendable {
    package let applicationId: String
    package let language: String
    package let text: String
    package let textSha256: String
    package let due: String
    /// `pending`, `signed` or `expired`.
    package let status: String
}

/// The admitted applicant's electronic contract on educational services: read, then signed by a one-time code or an
/// EDS over its exact text like an application, within 3 calendar days of the result, and an SMS about the signing
/// (003 §12).
package struct AdmissionContracts: Sendable {
    package let deps: ServiceDependencies

    package init(_ deps: ServiceDependencies) { self.deps = deps }

    /// The contract's text in `language`, for the applicant (or their parent) to read.
    package func contract(_ applicationId: String, language: Language, by actor: Actor) async throws -> ContractView {
        let (_, result, contract) = try await terms(applicationId, language: language, by: actor)
        let text = contract.text(in: language)
        return ContractView(
            applicationId: applicationId, language: language.rawValue, text: text, textSha256: Self.sha256(text),
            due: contract.due.iso, status: result.contractStatus ?? "pending")
    }

    /// Starts the signing: a one-time code by SMS or the exact text to sign with an EDS, over the contract's text in
    /// `language`. Refused once signed, expired or past its term.
    package func prepareSigning(
        _ applicationId: String, method: String, language: Language, by actor: Actor, gateway: any SMSGateway
    ) async throws -> PreparedConfirmation {
        let (app, result, contract) = try await terms(applicationId, language: language, by: actor)
        try await checkOpen(result, due: contract.due)
        return try await ApplicationConfirmation(deps).prepare(
            content(app, contract.text(in: language)), method: method, actor: actor, gateway: gateway,
            what: "шартқа қол қою коды / код подписания договора")
    }

    /// Signs the contract with the proof over its text in `language`; the text, the proof and the time are kept, and
    /// an SMS and a cabinet message tell the applicant it is signed (003 §12).
    package func sign(
        _ applicationId: String, language: Language, confirmation: ConfirmationProof?, by actor: Actor
    ) async throws -> AdmissionResultView {
        let (app, result, contract) = try await terms(applicationId, language: language, by: actor)
        try await checkOpen(result, due: contract.due)
        let text = contract.text(in: language)
        let content = content(app, text)
        let confirmed = try await ApplicationConfirmation(deps).verify(confirmation, content: content, actor: actor)
        let now = deps.clock.now()
        let results = AdmissionResults(deps)
        let method =
            confirmed.method == "eds"
            ? LocalizedText(kk: "ЭЦҚ", ru: "ЭЦП", en: "EDS") : LocalizedText(kk: "бір реттік код", ru: "одноразовый код", en: "one-time code")
        let program = "\(contract.specialty) — \(contract.qualification)"
        let today = deps.today
        try await deps.database.transaction { db in
            let repo = AdmissionOutcomeRepository(db: db)
            guard try await repo.setContract(applicationId: app.id, from: "pending", to: "signed", signedAt: Instant.text(now)) else {
                throw DomainError(.admissionContractSigned, field: "applicationId", ref: "003 §12")
            }
            try await ApplicationConfirmation.spend(confirmed, now: now, db: db)
            try await repo.insert(
                ContractSignatureRow(
                    applicationId: app.id, method: confirmed.method, contractText: text, contentSha256: confirmed.contentSha256,
                    content: String(decoding: confirmed.content, as: UTF8.self), challengeId: confirmed.challengeId,
                    certificateSerial: confirmed.certificateSerial, certificatePem: confirmed.certificatePEM, signature: confirmed.signature,
                    signedAt: Instant.text(now)))
            try await results.notify(
                .contractSigned, application: app, users: ReferenceRepository(db: db), db: db, now: now,
                arguments: ["program": program, "signed": today.dotted], localized: ["method": method])
        }
        guard let signed = try await AdmissionOutcomeRepository(db: deps.database.sql).result(applicationId: app.id) else {
            throw DomainError(.internalError)
        }
        return try await results.view(signed)
    }

    // MARK: Parts

    func content(_ app: AdmissionApplicationRow, _ text: String) -> ConfirmedContent {
        ConfirmedContent(
            service: ServiceID.s4.rawValue, applicantIIN: app.applicantIin, documentId: app.id, reason: "education-contract", consent: true,
            contractSha256: Self.sha256(text))
    }

    static func sha256(_ text: String) -> String { SHA256.hash(data: Data(text.utf8)).hex }

    func checkOpen(_ r: AdmissionResultRow, due: CivilDate) async throws {
        switch r.contractStatus {
        case "signed": throw DomainError(.admissionContractSigned, field: "applicationId", ref: "003 §12")
        case "expired": throw DomainError(.admissionContractExpired, field: "applicationId", ref: "003 §12", ["due": due.iso])
        default: break
        }
        guard AdmissionSchedule.contractOpen(due: due, on: deps.today) else {
            _ = try await AdmissionResults(deps).expireOverdue()
            throw DomainError(.admissionContractExpired, field: "applicationId", ref: "003 §12", ["due": due.iso])
        }
    }

    /// The application (the actor's own), its result with a place, and the contract's terms.
    func terms(_ applicationId: String, language: Language, by actor: Actor) async throws -> (AdmissionApplicationRow, AdmissionResultRow, EducationContract) {
        let results = AdmissionResults(deps)
        let app = try await results.own(applicationId, by: actor)
        let db = deps.database.sql
        let repo = AdmissionOutcomeRepository(db: db)
        guard let r = try await repo.result(applicationId: app.id), let programId = r.programId, let dueText = r.contractDue,
            let due = CivilDate(iso: dueText), let published = CivilDate(iso: r.publishedOn),
            let program = try await repo.program(id: programId)
        else { throw DomainError(.admissionNotAdmitted, field: "applicationId", ref: "003 §12") }
        let college = try await ReferenceRepository(db: db).organization(id: program.organizationId)
        let person = try await deps.identity.person(iin: app.applicantIin)
        let name = person.flatMap { try? PersonName(surname: $0.surname, givenName: $0.givenName, patronymic: $0.patronymic) }?.full ?? ""
        let contract = EducationContract(
            applicationId: app.id, applicantName: name, applicantIIN: app.applicantIin, college: college?.name[language] ?? program.organizationId,
            programCode: program.code, specialty: program.specialty, qualification: program.qualification, studyForm: program.studyForm,
            instructionLanguage: program.language, year: r.year, publishedOn: published, due: due)
        return (app, r, contract)
    }
}
