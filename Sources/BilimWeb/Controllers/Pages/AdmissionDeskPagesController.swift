import BilimCore
import BilimServices
import BilimStore
import Foundation
import HTTPTypes
import Hummingbird

/// The college's desk for graduates of foreign institutions (003 §12): the form, then the printable receipt of
/// acceptance (003 Annex 1 item 8) or of refusal (003 §18) (003 Annex 1 item 9) at `/receipts/{number}`.
struct AdmissionDeskPagesController {
    let dependencies: ServiceDependencies
    let renderer: Renderer

    func add(to router: Router<BilimRequestContext>) {
        router.behind(.providerStaff, dependencies)
            .get("/admission/desk", use: form)
            .post("/admission/desk", use: submit)
    }

    /// The documents of the service passport taken at the college, and the quota proof.
    static let documents = [
        "application", "education-document-original", "photo", "medical-certificate-075u", "medical-social-expertise-031u",
        "special-category-status-document", "digital-identity-document", "foreigner-status-document", "quota-document",
    ]
    static let grounds = ["unreliable-documents", "non-compliant-documents", "court-ban"]

    struct Option {
        let value: String
        let label: String
        let selected: Bool
    }

    struct Field {
        let name: String
        let label: String
        let value: String
    }

    struct Check {
        let name: String
        let label: String
        let checked: Bool
    }

    struct Page {
        let page: PageChrome
        let heading: String
        let iin: String
        let country: String
        let number: String
        let issuedOn: String
        let validUntil: String
        let bases: [Option]
        let grades: [Field]
        let choices: [AdmissionApplicantPagesController.Choice]
        let quotas: [Option]
        let statuses: [Option]
        let documents: [Check]
        let grounds: [Check]
        let outOfCompetition: Bool
        let dormitory: Bool
        let meals: Bool
        let consent: Bool
        let errors: [FieldError]
        let hasErrors: Bool
    }


    @Sendable func form(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        return try await render(actor, [:], errors: [], context: context)
    }

    func render(_ actor: Actor, _ f: [String: String], errors: [FieldError], context: BilimRequestContext, status: HTTPResponse.Status = .ok)
        async throws -> Response
    {
        let lang = context.language
        let t = renderer.text
        let db = dependencies.database.sql
        let programs = try await AdmissionRepository(db: db).programs(year: dependencies.today.year, region: actor.regionCode ?? "")
        // The subjects the region's programs score on: the list the commission grades a foreign document by (003 §62).
        let subjects = Set(programs.flatMap { (try? JSONDecoder().decode([String].self, from: Data($0.subjects.utf8))) ?? [] }).sorted()
        let choices = (1...4).map { i in
            AdmissionApplicantPagesController.Choice(
                name: "choice\(i)", label: t("admission_choice_\(i)", lang),
                options: [.init(value: "", label: "—", selected: (f["choice\(i)"] ?? "").isEmpty)]
                    + programs.map { .init(value: $0.code, label: "\($0.code) — \($0.specialty), \($0.qualification) · \(t("base_\($0.base)", lang))", selected: f["choice\(i)"] == $0.code) })
        }
        let quotas = [Option(value: "", label: t("admission_quota_none", lang), selected: (f["quota"] ?? "").isEmpty)]
            + (try await AdmissionRepository(db: db).quotaCategories()).map { Option(value: $0.code, label: t("quota_\($0.code)", lang), selected: f["quota"] == $0.code) }
        let statuses = [Option(value: "", label: t("admission_desk_citizen", lang), selected: (f["foreignerStatus"] ?? "").isEmpty)]
            + AdmissionDeskIntake.foreignerStatuses.map { Option(value: $0, label: t("admission_status_doc_\($0)", lang), selected: f["foreignerStatus"] == $0) }
        let heading = t("admission_desk_title", lang)
        return renderer.html(
            "admission-desk",
            Page(
                page: PageChrome(title: heading, context: context, text: t, path: "/admission/desk"), heading: heading, iin: f["iin"] ?? "",
                country: f["country"] ?? "", number: f["number"] ?? "", issuedOn: f["issuedOn"] ?? "", validUntil: f["validUntil"] ?? "",
                bases: EducationBase.allCases.map { Option(value: $0.rawValue, label: t("base_\($0.rawValue)", lang), selected: f["base"] == $0.rawValue) },
                grades: subjects.map { Field(name: "grade_\($0)", label: CorrectionPagesController.subjectName($0, text: t, lang: lang), value: f["grade_\($0)"] ?? "") },
                choices: choices, quotas: quotas, statuses: statuses,
                documents: Self.documents.map { Check(name: "doc_\($0)", label: t("doc_\($0)", lang), checked: f["doc_\($0)"] == "1") },
                grounds: Self.grounds.map { Check(name: "ground_\($0)", label: t("admission_ground_\($0)", lang), checked: f["ground_\($0)"] == "1") },
                outOfCompetition: f["outOfCompetition"] == "1", dormitory: f["dormitory"] == "1", meals: f["meals"] == "1", consent: f["consent"] == "1",
                errors: errors, hasErrors: !errors.isEmpty),
            status: status)
    }

    @Sendable func submit(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let f = try await Forms.fields(request: request, context: context)
        let lang = context.language
        var grades: [String: String] = [:]
        for (k, v) in f where k.hasPrefix("grade_") && !v.trimmingSpaces.isEmpty { grades[String(k.dropFirst("grade_".count))] = v.trimmingSpaces }
        guard let issued = CivilDate(iso: (f["issuedOn"] ?? "").trimmingSpaces), let base = EducationBase(rawValue: f["base"] ?? "") else {
            let field = CivilDate(iso: (f["issuedOn"] ?? "").trimmingSpaces) == nil ? "issuedOn" : "base"
            return try await render(
                actor, f, errors: [.init(field: field, message: DomainError(.fieldRequired).message(in: lang))], context: context, status: .unprocessableContent)
        }
        let input = DeskAdmissionInput(
            applicantIIN: (f["iin"] ?? "").trimmingSpaces,
            document: .init(country: f["country"] ?? "", number: f["number"] ?? "", issuedOn: issued, base: base, grades: grades),
            choices: (1...4).compactMap { f["choice\($0)"].flatMap { $0.isEmpty ? nil : $0 } },
            quotaCategory: (f["quota"] ?? "").isEmpty ? nil : f["quota"], outOfCompetition: f["outOfCompetition"] == "1",
            foreignerStatus: (f["foreignerStatus"] ?? "").isEmpty ? nil : f["foreignerStatus"],
            documents: Self.documents.filter { f["doc_\($0)"] == "1" }, identityDocumentValidUntil: CivilDate(iso: (f["validUntil"] ?? "").trimmingSpaces),
            dormitory: f["dormitory"] == "1", meals: f["meals"] == "1", consent: f["consent"] == "1",
            refusalGrounds: Self.grounds.filter { f["ground_\($0)"] == "1" }, language: lang)
        do {
            let outcome = try await AdmissionDeskIntake(dependencies).apply(input, by: actor)
            return .redirect(to: "/receipts/\(outcome.receipt.number)", type: .normal)
        } catch let error as DomainError where error.code.category == .validation || error.code.category == .conflict || error.code.category == .notFound {
            let message = error.message(in: lang) + (error.ref.map { " \($0)" } ?? "")
            let field = error.field.map { $0 == "applicantIIN" ? "iin" : $0.hasPrefix("document.grades.") ? "grade_" + $0.dropFirst("document.grades.".count) : $0 == "choices" ? "choice1" : $0 } ?? "iin"
            return try await render(actor, f, errors: [.init(field: field, message: message)], context: context, status: ErrorMiddleware.status(error.code.category))
        }
    }
}
