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
    let gateway: any SMSGateway

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
        /// The commission's adopted recognitions not yet used (003 §62): the grades come from one of them.
        let recognitions: [Option]
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
        let open = try await RecognitionRepository(db: db).open(organizationId: actor.organizationId ?? "")
        let recognitions = [Option(value: "", label: "—", selected: (f["recognition"] ?? "").isEmpty)]
            + open.map { r in
                let grades = ((try? JSONDecoder().decode([String: Int].self, from: Data(r.grades.utf8))) ?? [:]).sorted { $0.key < $1.key }
                    .map { "\(CorrectionPagesController.subjectName($0.key, text: t, lang: lang)) \(AllocationExplanation.text($0.value))" }
                return Option(
                    value: r.decisionId, label: "\(r.applicantIin) · \(t("base_\(r.base)", lang)) · \(grades.joined(separator: ", "))",
                    selected: f["recognition"] == r.decisionId)
            }
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
                recognitions: recognitions,
                choices: choices, quotas: quotas, statuses: statuses,
                documents: Self.documents.map { Check(name: "doc_\($0)", label: t("doc_\($0)", lang), checked: f["doc_\($0)"] == "1") },
                grounds: Self.grounds.map { Check(name: "ground_\($0)", label: t("admission_ground_\($0)", lang), checked: f["ground_\($0)"] == "1") },
                outOfCompetition: f["outOfCompetition"] == "1", dormitory: f["dormitory"] == "1", meals: f["meals"] == "1", consent: f["consent"] == "1",
                errors: errors, hasErrors: !errors.isEmpty),
            status: status)
    }

    /// The fields the steps carry back and forth; the confirmation's own fields are not among them.
    static func hidden(_ f: [String: String]) -> [ApplyController.Hidden] {
        let own: Set<String> = ["_csrf", "step", "challengeId", "code", "certificate", "signature"]
        return f.filter { !own.contains($0.key) }.sorted { $0.key < $1.key }.map { .init(name: $0.key, value: $0.value) }
    }

    func input(_ f: [String: String], issued: CivilDate, base: EducationBase, lang: Language) -> DeskAdmissionInput {
        DeskAdmissionInput(
            applicantIIN: (f["iin"] ?? "").trimmingSpaces,
            document: .init(country: f["country"] ?? "", number: f["number"] ?? "", issuedOn: issued, base: base, recognition: f["recognition"] ?? ""),
            choices: (1...4).compactMap { f["choice\($0)"].flatMap { $0.isEmpty ? nil : $0 } },
            quotaCategory: (f["quota"] ?? "").isEmpty ? nil : f["quota"], outOfCompetition: f["outOfCompetition"] == "1",
            foreignerStatus: (f["foreignerStatus"] ?? "").isEmpty ? nil : f["foreignerStatus"],
            documents: Self.documents.filter { f["doc_\($0)"] == "1" }, identityDocumentValidUntil: CivilDate(iso: (f["validUntil"] ?? "").trimmingSpaces),
            dormitory: f["dormitory"] == "1", meals: f["meals"] == "1", consent: f["consent"] == "1",
            refusalGrounds: Self.grounds.filter { f["ground_\($0)"] == "1" }, language: lang)
    }

    /// The form, then "check the answers" with the applicant's own confirmation (a code to their registered phone,
    /// or their EDS), then the receipt (003 §12). A refusal needs no confirmation: nothing is registered.
    @Sendable func submit(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let f = try await Forms.fields(request: request, context: context)
        let lang = context.language
        let step = f["step"] ?? ""
        if step == "edit" { return try await render(actor, f, errors: [], context: context) }
        guard let issued = CivilDate(iso: (f["issuedOn"] ?? "").trimmingSpaces), let base = EducationBase(rawValue: f["base"] ?? "") else {
            let field = CivilDate(iso: (f["issuedOn"] ?? "").trimmingSpaces) == nil ? "issuedOn" : "base"
            return try await render(
                actor, f, errors: [.init(field: field, message: DomainError(.fieldRequired).message(in: lang))], context: context, status: .unprocessableContent)
        }
        let input = input(f, issued: issued, base: base, lang: lang)
        if let method = ConfirmStep.method(preparing: step) {
            do {
                let prepared = try await ApplicationConfirmation(dependencies).prepare(
                    input.content(college: actor.organizationId ?? ""), method: method, actor: actor, gateway: gateway)
                return try await checkPage(input, f, context: context, confirm: ConfirmStep.state(prepared))
            } catch let error as DomainError where error.code.category != .unavailable {
                return try await checkPage(input, f, context: context, codeError: error.message(in: lang), status: ErrorMiddleware.status(error.code.category))
            }
        }
        do {
            let proof = ConfirmStep.steps.contains(step) ? ConfirmStep.proof(step: step, fields: f) : nil
            let outcome = try await AdmissionDeskIntake(dependencies).apply(input, by: actor, confirmation: proof)
            return .redirect(to: "/receipts/\(outcome.receipt.number)", type: .normal)
        } catch let error as DomainError where error.code == .confirmationRequired && !ConfirmStep.steps.contains(step) {
            return try await checkPage(input, f, context: context)
        } catch let error as DomainError where ConfirmStep.isConfirmationFailure(error.code) {
            return try await checkPage(
                input, f, context: context, confirm: ConfirmStep.retry(after: error.code, step: step, fields: f), codeError: error.message(in: lang),
                status: ErrorMiddleware.status(error.code.category))
        } catch let error as DomainError where error.code.category == .validation || error.code.category == .conflict || error.code.category == .notFound {
            let message = error.message(in: lang) + (error.ref.map { " \($0)" } ?? "")
            let field = error.field.map { $0 == "applicantIIN" ? "iin" : $0 == "document.recognition" ? "recognition" : $0 == "choices" ? "choice1" : $0 } ?? "iin"
            return try await render(actor, f, errors: [.init(field: field, message: message)], context: context, status: ErrorMiddleware.status(error.code.category))
        }
    }

    /// What the applicant confirms, as they read it at the desk.
    func checkPage(
        _ input: DeskAdmissionInput, _ f: [String: String], context: BilimRequestContext, confirm: ConfirmStep.State = .choosing,
        codeError: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let lang = context.language
        let t = renderer.text
        let yes = t("apply_yes", lang)
        let no = t("apply_no", lang)
        let heading = t("apply_check_title", lang)
        let name = try await dependencies.identity.person(iin: input.applicantIIN).map { p in
            [p.surname, p.givenName, p.patronymic].compactMap { $0 }.joined(separator: " ")
        } ?? ""
        var answers: [ApplyController.Answer] = [
            .init(label: t("admission_desk_iin", lang), value: "\(input.applicantIIN) \(name)"),
            .init(label: t("admission_desk_document", lang), value: "\(input.document.country) \(input.document.number), \(input.document.issuedOn.iso)"),
        ]
        for (i, c) in input.choices.enumerated() { answers.append(.init(label: t("admission_choice_\(i + 1)", lang), value: c)) }
        answers += [
            .init(label: t("admission_quota", lang), value: input.quotaCategory.map { t("quota_\($0)", lang) } ?? t("admission_quota_none", lang)),
            .init(label: t("admission_out_of_competition", lang), value: input.outOfCompetition == true ? yes : no),
            .init(label: t("admission_desk_taken", lang), value: input.documents.map { t("doc_\($0)", lang) }.joined(separator: "; ")),
            .init(label: t("admission_dormitory", lang), value: input.dormitory == true ? yes : no),
            .init(label: t("admission_meals", lang), value: input.meals == true ? yes : no),
            .init(label: t("apply_consent", lang), value: input.consent ? yes : no),
        ]
        let model = ApplyController.CheckPage(
            page: PageChrome(title: heading, context: context, text: t, path: "/admission/desk"), action: "/admission/desk", heading: heading,
            answers: answers, hidden: Self.hidden(f), confirm: ConfirmStep(action: "/admission/desk", confirm), codeError: codeError,
            hasCodeError: codeError != nil)
        return renderer.html("apply-check", model, status: status)
    }
}
