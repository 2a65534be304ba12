import BilimCore
import BilimServices
import BilimStore
import Foundation
import Hummingbird
import Mustache

/// The cases as pages: the applicant's applications and the staff's work queue, the case page with its timeline
/// and the actions its state allows.
struct CasePagesController {
    let dependencies: ServiceDependencies
    let renderer: Renderer

    func add(to router: Router<BilimRequestContext>) {
        router.behind(.signedIn, dependencies)
            .get("/cases", use: list)
            .get("/cases/{id}", use: show)
            .post("/cases/{id}/actions", use: act)
            .get("/cases/{id}/application", use: application)
    }

    @Sendable func list(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let lang = context.language
        let rows = try await CaseRepository(db: dependencies.database.sql).visible(to: actor)
        let heading = renderer.text(actor.role == .applicant ? "cases_title_applicant" : "cases_title_staff", lang)
        let lines = rows.map {
            CaseLine($0, text: renderer.text, lang: lang, today: dependencies.today, passports: dependencies.passports)
        }
        let page = PageChrome(title: heading, context: context, text: renderer.text, path: "/cases")
        return renderer.html(
            "cases",
            CasesPage(page: page, heading: heading, cases: lines, hasCases: !lines.isEmpty, isApplicant: actor.role == .applicant))
    }

    @Sendable func show(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let row = try await CaseWorkflow(dependencies).visibleCase(context.parameters.get("id") ?? "", to: actor)
        let created = request.uri.queryParameters["created"] != nil
        let done = request.uri.queryParameters["done"] != nil
        return try await page(row, actor: actor, context: context, created: created, done: done, errors: [])
    }

    func page(
        _ row: CaseRow, actor: Actor, context: BilimRequestContext, created: Bool, done: Bool, errors: [FieldError],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let lang = context.language
        let t = renderer.text
        let line = CaseLine(row, text: t, lang: lang, today: dependencies.today, passports: dependencies.passports)
        let workflow = CaseWorkflow(dependencies)
        let passport = try workflow.passport(for: row)
        let events = try await AuditChain(db: dependencies.database.sql).events(caseId: row.id).map { e in
            CasePage.Event(
                at: dependencies.localTime.minuteText(e.occurredAt),
                what: t("action_\(e.kind)", lang), who: Role(rawValue: e.actorRole)?.title[lang] ?? e.actorRole,
                reason: e.reason)
        }
        let decisionRows = try await DecisionRepository(db: dependencies.database.sql).decisions(caseId: row.id)
        let complaints = try await ComplaintRepository(db: dependencies.database.sql).forCase(row.id).map {
            CasePage.ComplaintLine(number: $0.number, state: t("complaint_state_\($0.state)", lang), reviewBy: $0.reviewBy, answer: $0.answer)
        }
        let decisions = decisionRows.map { d in
            CasePage.Decision(
                number: d.number, kind: t("decision_\(d.kind)", lang),
                grounds: d.groundCodes.isEmpty
                    ? nil
                    : d.groundCodes.map { code in passport.refusalGrounds.first { $0.code == code }?.text[lang] ?? code }
                        .joined(separator: "; "),
                status: t("decision_status_\(d.status)", lang))
        }
        let actions = try await workflow.allowedActions(row, actor: actor).map { name in
            CasePage.Action(
                name: name, label: t("action_\(name)", lang),
                needsGrounds: name == "preliminary-refusal" || name == "decide-refusal" || name == "refuse-corrections",
                needsHearingDate: name == "preliminary-refusal", needsReason: name == "object" || name == "hand-over",
                reasonLabel: t(name == "hand-over" ? "case_handover_proof" : "case_reason", lang))
        }
        let heading = t("case_title", lang).replacing("{number}", with: row.registrationNumber)
        let model = CasePage(
            page: PageChrome(title: heading, context: context, text: t, path: "/cases/\(row.id)"), heading: heading,
            line: line,
            created: t("case_created", lang).replacing("{number}", with: row.registrationNumber)
                .replacing("{deadline}", with: row.deadline),
            hasCreated: created, done: done, events: events, decisions: decisions, hasDecisions: !decisions.isEmpty,
            actions: actions, hasActions: !actions.isEmpty,
            grounds: passport.refusalGrounds.map { .init(code: $0.code, text: $0.text[lang]) }, errors: errors,
            hasErrors: !errors.isEmpty, today: dependencies.today.iso, canComplain: actor.role == .applicant,
            complainable: decisionRows.filter { $0.status == "active" }.map {
                .init(value: $0.number, label: "\(t("decision_\($0.kind)", lang)) № \($0.number)")
            } + [.init(value: "", label: t("complaint_about_action", lang))],
            complaints: complaints, hasComplaints: !complaints.isEmpty)
        // Corrections (S3): each requested change as the registry held it when applied for, beside the correct value.
        let corrections = row.service == ServiceID.s3.rawValue
            ? try await CorrectionRepository(db: dependencies.database.sql).requests(caseId: row.id).map {
                CorrectionPagesController.ChangeLine($0, text: t, lang: lang)
            } : []
        // The case's signed electronic documents: receipt, notices, refusals, credentials.
        let signed = try await SignedDocumentRepository(db: dependencies.database.sql).list(caseId: row.id).map {
            SignedLine($0, text: t, lang: lang, localTime: dependencies.localTime)
        }
        return renderer.html(
            "case", CasePageWithCorrections(base: model, corrections: corrections, signed: signed), status: status)
    }

    @Sendable func act(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let id = context.parameters.get("id") ?? ""
        let fields = try await Forms.fields(request: request, context: context)
        let body = APICaseController.ActionBody(
            action: fields["action"] ?? "", grounds: fields.keys.filter { $0.hasPrefix("ground.") }.map { String($0.dropFirst(7)) }.sorted(),
            hearingOn: fields["hearingOn"], reason: fields["reason"].flatMap { $0.trimmingSpaces.isEmpty ? nil : String($0.prefix(2000)) })
        do {
            let command = try APICaseController.command(body)
            try await CaseWorkflow(dependencies).perform(command, on: id, by: actor, reason: body.reason)
            return .redirect(to: "/cases/\(id)?done=1", type: .normal)
        } catch let error as DomainError where error.code != .caseNotFound {
            let row = try await CaseWorkflow(dependencies).visibleCase(id, to: actor)
            let status = ErrorMiddleware.status(error.code.category)
            return try await page(
                row, actor: actor, context: context, created: false, done: false,
                errors: [FieldError(field: "action-\(body.action)", message: error.message(in: context.language) + (error.ref.map { " \($0)" } ?? ""))],
                status: status)
        }
    }

    struct ApplicationPrint {
        let lang: String
        let title: String
        let t: [String: String]
        let number: String
        let provider: String
        let from: String
        let iin: String
        let request: String
        let reason: String
        let issued: String
        let specialty: String
        let hasSpecialty: Bool
        let date: String
        let copies: [DeskController.ReceiptPage.Copy]
    }

    /// The application as the annex form lays it out, print-ready in two copies, in the applicant's language.
    /// (000 List item 8) (004 Annex 5) (001 Annex 1)
    @Sendable func application(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let row = try await CaseWorkflow(dependencies).visibleCase(context.parameters.get("id") ?? "", to: actor)
        let lang = Language(rawValue: row.language) ?? .kk
        let t = renderer.text
        let db = dependencies.database.sql
        let ref = ReferenceRepository(db: db)
        func name(_ iin: String?) async throws -> String {
            guard let iin, let p = try await ref.person(iin: iin) else { return "" }
            return [p.surname, p.givenName, p.patronymic].compactMap { $0 }.joined(separator: " ")
        }
        let applicant = try await name(row.applicantIin)
        let representative = try await name(row.representativeIin)
        let doc = try await row.documentId.asyncMap { try await DocumentRegistryRepository(db: db).document(id: $0) } ?? nil
        let provider = try await ref.organization(id: row.providerId)?.name[lang] ?? row.providerId
        let docText = doc.map { "\(t("document_\($0.kind)", lang)) \($0.series) № \($0.number)" }
            ?? (row.service == "S1" ? t("document_general-secondary-certificate", lang) : t("document_tvet-diploma", lang))
        let requestText = row.representativeIin == nil
            ? t("application_request", lang).replacing("{document}", with: docText)
            : t("application_request_child", lang).replacing("{document}", with: docText).replacing("{child}", with: applicant)
        let submitted = Instant.date(row.submittedAt).map { dependencies.localTime.local($0).date.iso } ?? row.registeredOn
        return renderer.html(
            "application",
            ApplicationPrint(
                lang: lang.rawValue, title: t("application_title", lang), t: t.table(lang), number: row.registrationNumber,
                provider: provider, from: row.representativeIin == nil ? applicant : representative,
                iin: row.representativeIin ?? row.applicantIin, request: requestText,
                reason: t("reason_\(row.reason ?? "lost")", lang),
                issued: doc.map { "\(provider), \($0.issueDate.prefix(4))" } ?? provider,
                specialty: doc?.specialty ?? "", hasSpecialty: doc?.specialty != nil, date: submitted,
                copies: [.init(label: "1"), .init(label: "2")]))
    }
}

/// The case page with its signed documents and, for corrections (S3), the requested changes side by side; every
/// other name is the case page's own.
struct CasePageWithCorrections: MustacheParent {
    let base: CasePage
    let corrections: [CorrectionPagesController.ChangeLine]
    let signed: [SignedLine]

    func child(named name: String) -> Any? {
        switch name {
        case "corrections": return corrections
        case "hasCorrections": return !corrections.isEmpty
        case "signed": return signed
        case "hasSigned": return !signed.isEmpty
        default:
            guard let value = Mirror(reflecting: base).children.first(where: { $0.label == name })?.value else { return nil }
            let mirror = Mirror(reflecting: value)
            guard mirror.displayStyle == .optional else { return value }
            return mirror.children.first?.value
        }
    }
}

/// A signed electronic document in a list: its kind, number, status, and where to read and download it.
struct SignedLine {
    let number: String
    let kind: String
    let status: String
    let issuedAt: String
    let view: String
    let download: String

    init(_ r: SignedDocumentRow, text t: UIText, lang: Language, localTime: LocalTime) {
        number = r.number
        kind = t("signed_kind_\(r.kind)", lang)
        var s = t("verify_status_\(r.status)", lang)
        if let reason = r.statusReason { s += " (" + t("verify_reason_\(reason)", lang) + ")" }
        status = s
        issuedAt = localTime.minuteText(r.issuedAt)
        view = "/documents/\(r.number)/view"
        download = "/documents/\(r.number)"
    }
}
