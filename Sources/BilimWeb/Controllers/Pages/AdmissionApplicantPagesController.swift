import BilimCore
import BilimServices
import BilimStore
import SQLKit
import Foundation
import HTTPTypes
import Hummingbird

/// TVET admission (S4) for the applicant: one application a year with up to four choices, confirmed by a one-time
/// code or an EDS (003 §12) (003 Annex 1 item 8); then the result, the contract to sign within 3 days, and the
/// dormitory and meals decisions.
struct AdmissionApplicantPagesController {
    let dependencies: ServiceDependencies
    let renderer: Renderer
    let gateway: any SMSGateway

    func add(to router: Router<BilimRequestContext>) {
        router.behind(.applicant, dependencies)
            .get("/admission", use: overview)
            .get("/admission/apply", use: form)
            .post("/admission/apply", use: submit)
    }

    static let attachments = ["medical-075u", "photo-3x4", "disability-031u", "quota-document", "status-document"]

    struct Option {
        let value: String
        let label: String
        let selected: Bool
    }

    struct Choice {
        let name: String
        let label: String
        let options: [Option]
    }

    struct Check {
        let name: String
        let label: String
        let checked: Bool
    }

    /// What the form holds between its steps.
    struct Values {
        var document = ""
        var choices = ["", "", "", ""]
        var quota = ""
        var outOfCompetition = false
        var attached: Set<String> = []
        var dormitory = false
        var meals = false
        var consent = false

        init() {}

        init(_ f: [String: String]) {
            document = f["document"] ?? ""
            choices = (1...4).map { f["choice\($0)"] ?? "" }
            quota = f["quota"] ?? ""
            outOfCompetition = f["outOfCompetition"] == "1"
            attached = Set(AdmissionApplicantPagesController.attachments.filter { f["doc_\($0)"] == "1" })
            dormitory = f["dormitory"] == "1"
            meals = f["meals"] == "1"
            consent = f["consent"] == "1"
        }

        var hidden: [ApplyController.Hidden] {
            [.init(name: "document", value: document), .init(name: "quota", value: quota)]
                + choices.enumerated().map { .init(name: "choice\($0.offset + 1)", value: $0.element) }
                + attached.sorted().map { .init(name: "doc_\($0)", value: "1") }
                + [("outOfCompetition", outOfCompetition), ("dormitory", dormitory), ("meals", meals), ("consent", consent)]
                .map { .init(name: $0.0, value: $0.1 ? "1" : "0") }
        }

        func input(holder: String, language: Language) -> AdmissionApplicationInput {
            AdmissionApplicationInput(
                applicantIIN: holder, documentId: document, choices: choices.filter { !$0.isEmpty }, quotaCategory: quota.isEmpty ? nil : quota,
                outOfCompetition: outOfCompetition, documents: attached.sorted(), dormitory: dormitory, meals: meals, consent: consent, language: language)
        }
    }

    struct FormPage {
        let page: PageChrome
        let heading: String
        let documents: [Option]
        let hasDocuments: Bool
        let choices: [Choice]
        let quotas: [Option]
        let attachments: [Check]
        let outOfCompetition: Bool
        let dormitory: Bool
        let meals: Bool
        let consent: Bool
        let errors: [FieldError]
        let hasErrors: Bool
    }


    @Sendable func form(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        return try await formPage(actor, Values(), errors: [], context: context)
    }

    func formPage(_ actor: Actor, _ v: Values, errors: [FieldError], context: BilimRequestContext, status: HTTPResponse.Status = .ok) async throws
        -> Response
    {
        let lang = context.language
        let t = renderer.text
        let db = dependencies.database.sql
        var documents: [Option] = []
        for iin in [actor.personIIN].compactMap({ $0 }) + actor.childrenIINs.sorted() {
            for d in try await DocumentRegistryRepository(db: db).documents(holderIIN: iin) where d.status == "valid" {
                documents.append(
                    .init(value: d.id, label: "\(d.holderName) — \(t("document_\(d.kind)", lang)), \(d.series) № \(d.number)", selected: d.id == v.document))
            }
        }
        let programs = try await AdmissionRepository(db: db).programs(year: dependencies.today.year)
        var names: [String: String] = [:]
        for org in Set(programs.map(\.organizationId)) { names[org] = try await ReferenceRepository(db: db).organization(id: org)?.name[lang] ?? org }
        let choices = (0..<4).map { i in
            Choice(
                name: "choice\(i + 1)", label: t("admission_choice_\(i + 1)", lang),
                options: [Option(value: "", label: "—", selected: v.choices[i].isEmpty)]
                    + programs.map {
                        Option(
                            value: $0.code,
                            label: "\($0.code) — \($0.specialty), \($0.qualification) · \(names[$0.organizationId] ?? "") · \(t("base_\($0.base)", lang))",
                            selected: $0.code == v.choices[i])
                    })
        }
        let quotas = [Option(value: "", label: t("admission_quota_none", lang), selected: v.quota.isEmpty)]
            + (try await AdmissionRepository(db: db).quotaCategories()).map { Option(value: $0.code, label: t("quota_\($0.code)", lang), selected: $0.code == v.quota) }
        let heading = t("admission_apply_title", lang)
        return renderer.html(
            "admission-apply",
            FormPage(
                page: PageChrome(title: heading, context: context, text: t, path: "/admission/apply"), heading: heading, documents: documents,
                hasDocuments: !documents.isEmpty, choices: choices, quotas: quotas,
                attachments: Self.attachments.map { Check(name: "doc_\($0)", label: t("admission_doc_\($0)", lang), checked: v.attached.contains($0)) },
                outOfCompetition: v.outOfCompetition, dormitory: v.dormitory, meals: v.meals, consent: v.consent, errors: errors,
                hasErrors: !errors.isEmpty),
            status: status)
    }

    /// The form's field an error belongs to.
    static func field(_ error: DomainError) -> String {
        guard let f = error.field else { return "document" }
        if f.hasPrefix("documents.") { return "doc_" + f.dropFirst("documents.".count) }
        switch f {
        case "choices": return "choice1"
        case "quotaCategory": return "quota"
        case "documentId", "applicantIIN": return "document"
        default: return f
        }
    }

    @Sendable func submit(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let fields = try await Forms.fields(request: request, context: context)
        let v = Values(fields)
        let lang = context.language
        let step = fields["step"] ?? ""
        if step == "edit" { return try await formPage(actor, v, errors: [], context: context) }
        // The applicant is the document's holder: the parent themselves or their child.
        guard let doc = try await DocumentRegistryRepository(db: dependencies.database.sql).document(id: v.document),
            CaseAccess.canApply(actor, for: doc.holderIin)
        else {
            return try await formPage(
                actor, v, errors: [.init(field: "document", message: DomainError(.fieldRequired).message(in: lang))], context: context,
                status: .unprocessableContent)
        }
        let input = v.input(holder: doc.holderIin, language: lang)
        let intake = AdmissionIntake(dependencies)
        if let method = ConfirmStep.method(preparing: step) {
            do {
                let prepared = try await ApplicationConfirmation(dependencies).prepare(input.content, method: method, actor: actor, gateway: gateway)
                return try await checkPage(v, input: input, holder: doc, context: context, confirm: ConfirmStep.state(prepared))
            } catch let error as DomainError where error.code.category != .unavailable {
                return try await checkPage(
                    v, input: input, holder: doc, context: context, codeError: error.message(in: lang), status: ErrorMiddleware.status(error.code.category))
            }
        }
        do {
            // Every check runs before the confirmation: without a proof, a valid application stops at "confirm".
            let proof = ConfirmStep.steps.contains(step) ? ConfirmStep.proof(step: step, fields: fields) : nil
            _ = try await intake.apply(input, by: actor, confirmation: proof)
            return .redirect(to: "/admission?created=1", type: .normal)
        } catch let error as DomainError where error.code == .confirmationRequired && !ConfirmStep.steps.contains(step) {
            return try await checkPage(v, input: input, holder: doc, context: context)
        } catch let error as DomainError where ConfirmStep.isConfirmationFailure(error.code) {
            return try await checkPage(
                v, input: input, holder: doc, context: context, confirm: ConfirmStep.retry(after: error.code, step: step, fields: fields),
                codeError: error.message(in: lang), status: ErrorMiddleware.status(error.code.category))
        } catch let error as DomainError where error.code.category != .unavailable {
            let message = error.message(in: lang) + (error.ref.map { " \($0)" } ?? "")
            return try await formPage(
                actor, v, errors: [.init(field: Self.field(error), message: message)], context: context, status: ErrorMiddleware.status(error.code.category))
        }
    }

    func checkPage(
        _ v: Values, input: AdmissionApplicationInput, holder: EducationDocumentRow, context: BilimRequestContext,
        confirm: ConfirmStep.State = .choosing, codeError: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let lang = context.language
        let t = renderer.text
        let yes = t("apply_yes", lang)
        let no = t("apply_no", lang)
        let heading = t("apply_check_title", lang)
        var answers: [ApplyController.Answer] = [
            .init(label: t("apply_for", lang), value: holder.holderName),
            .init(label: t("apply_document", lang), value: "\(holder.series) № \(holder.number)"),
        ]
        for (i, c) in input.choices.enumerated() { answers.append(.init(label: t("admission_choice_\(i + 1)", lang), value: c)) }
        answers += [
            .init(label: t("admission_quota", lang), value: input.quotaCategory.map { t("quota_\($0)", lang) } ?? t("admission_quota_none", lang)),
            .init(label: t("admission_out_of_competition", lang), value: v.outOfCompetition ? yes : no),
            .init(label: t("admission_attached", lang), value: input.documents.map { t("admission_doc_\($0)", lang) }.joined(separator: "; ")),
            .init(label: t("admission_dormitory", lang), value: v.dormitory ? yes : no),
            .init(label: t("admission_meals", lang), value: v.meals ? yes : no),
            .init(label: t("apply_consent", lang), value: v.consent ? yes : no),
        ]
        let model = ApplyController.CheckPage(
            page: PageChrome(title: heading, context: context, text: t, path: "/admission/apply"), action: "/admission/apply", heading: heading,
            answers: answers, hidden: v.hidden, confirm: ConfirmStep(action: "/admission/apply", confirm), codeError: codeError,
            hasCodeError: codeError != nil)
        return renderer.html("apply-check", model, status: status)
    }

    // MARK: The applications and their results

    struct Item {
        let id: String
        let person: String
        let choices: [String]
        let notice: String
        let hasNotice: Bool
        let resultText: String
        let hasResult: Bool
        let score: String
        let contractDue: String
        let contractText: String
        let canSign: Bool
        let dormitory: String
        let meals: String
        let why: [String]
        let hasWhy: Bool
    }

    struct OverviewPage {
        let page: PageChrome
        let heading: String
        let notice: String?
        let hasNotice: Bool
        let error: String?
        let hasError: Bool
        let items: [Item]
        let hasItems: Bool
    }

    @Sendable func overview(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let q = request.uri.queryParameters
        let notice = q["created"] != nil ? "admission_created" : q["signed"] != nil ? "admission_contract_signed" : nil
        return try await overviewPage(actor, context: context, notice: notice, error: nil)
    }

    func overviewPage(_ actor: Actor, context: BilimRequestContext, notice: String?, error: String?, status: HTTPResponse.Status = .ok) async throws
        -> Response
    {
        let lang = context.language
        let t = renderer.text
        let db = dependencies.database.sql
        let repo = AdmissionRepository(db: db)
        var items: [Item] = []
        for iin in [actor.personIIN].compactMap({ $0 }) + actor.childrenIINs.sorted() {
            guard let a = try await repo.application(year: dependencies.today.year, applicantIIN: iin) else { continue }
            let person = try await ReferenceRepository(db: db).person(iin: iin).map { "\($0.surname) \($0.givenName)" } ?? iin
            let noticeNumber = try await db.select().column("notice_number").from("admission_confirmations").where("application_id", .equal, a.id)
                .first()?.decode(column: "notice_number", as: String.self)
            let result = try await AdmissionResults(dependencies).result(a.id, by: actor)
            let resultText: String
            if let r = result {
                resultText = r.admitted
                    ? t("admission_result_admitted", lang).replacing("{program}", with: r.program ?? "").replacing("{choice}", with: String(r.choice ?? 0))
                    : t("admission_result_not_admitted", lang)
            } else {
                let day = AdmissionSchedule.publicationDay(base: EducationBase(rawValue: a.base) ?? .generalSecondary, year: a.year)
                resultText = t("admission_result_pending", lang).replacing("{date}", with: day.iso)
            }
            let why = try await reasons(a.id, actor: actor, lang: lang)
            items.append(
                Item(
                    id: a.id, person: person, choices: try await choiceNames(a.id, year: a.year, lang: lang), notice: noticeNumber ?? "",
                    hasNotice: noticeNumber != nil, resultText: resultText, hasResult: result?.admitted == true, score: result?.score ?? "",
                    contractDue: result?.contractDue ?? "", contractText: t("admission_contract_\(result?.contractStatus ?? "pending")", lang),
                    canSign: result?.contractStatus == "pending", dormitory: AdmissionMessage.supportState(result?.dormitory ?? (a.dormitory != 0 ? "requested" : nil))[lang],
                    meals: AdmissionMessage.supportState(result?.meals ?? (a.meals != 0 ? "requested" : nil))[lang], why: why, hasWhy: !why.isEmpty))
        }
        let heading = t("admission_title", lang)
        return renderer.html(
            "admission",
            OverviewPage(
                page: PageChrome(title: heading, context: context, text: t, path: "/admission"), heading: heading,
                notice: notice.map { t($0, lang) }, hasNotice: notice != nil, error: error, hasError: error != nil, items: items,
                hasItems: !items.isEmpty),
            status: status)
    }

    /// The result explained choice by choice; a choice that did not take part in the competition (no exam result, or
    /// the psychometric test not passed) says so.
    func reasons(_ applicationId: String, actor: Actor, lang: Language) async throws -> [String] {
        guard let e = try await AdmissionResults(dependencies).explanation(applicationId, by: actor) else { return [] }
        let t = renderer.text
        let repo = AdmissionRepository(db: dependencies.database.sql)
        let year = dependencies.today.year
        var out: [String] = []
        for (i, code) in try await repo.choices(applicationId: applicationId).enumerated() {
            let head = t("admission_choice_\(i + 1)", lang) + " (\(code)): "
            guard let c = e.choices.first(where: { $0.program.utf8.elementsEqual(code.utf8) }) else {
                out.append(head + t("admission_why_left_out", lang))
                continue
            }
            // Each choice has its own score, from that program's subjects (003 §54).
            let subjects = try await repo.program(year: year, code: code).map { p in
                ((try? JSONDecoder().decode([String].self, from: Data(p.subjects.utf8))) ?? [])
                    .map { CorrectionPagesController.subjectName($0, text: t, lang: lang) }.joined(separator: ", ")
            } ?? ""
            let own = t("admission_why_score", lang).replacing("{score}", with: c.scoreText).replacing("{subjects}", with: subjects)
            let text = t("admission_why_\(c.outcome.rawValue)", lang)
            out.append(head + own + (c.lastAdmittedScoreText.map { text.replacing("{score}", with: $0) } ?? text))
        }
        return out
    }

    func choiceNames(_ applicationId: String, year: Int, lang: Language) async throws -> [String] {
        let repo = AdmissionRepository(db: dependencies.database.sql)
        var out: [String] = []
        for code in try await repo.choices(applicationId: applicationId) {
            guard let p = try await repo.program(year: year, code: code) else { out.append(code); continue }
            let college = try await ReferenceRepository(db: dependencies.database.sql).organization(id: p.organizationId)?.name[lang] ?? p.organizationId
            out.append("\(p.code) — \(p.specialty), \(p.qualification) · \(college)")
        }
        return out
    }
}
