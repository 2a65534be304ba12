import BilimCore
import BilimServices
import BilimStore
import Foundation
import Hummingbird

/// The applicant's path on the portal: the application form, "check your answers", then registration and the
/// confirmation with the number and the deadline (004 §51).
struct ApplyController {
    let dependencies: ServiceDependencies
    let renderer: Renderer
    let gateway: any SMSGateway

    func add(to router: Router<BilimRequestContext>) {
        router.behind(.applicant, dependencies)
            .get("/apply/{service}", use: form)
            .post("/apply/{service}", use: submit)
    }

    struct Option {
        let value: String
        let label: String
        let selected: Bool
    }

    struct Answer {
        let label: String
        let value: String
    }

    struct Hidden {
        let name: String
        let value: String
    }

    struct FormPage {
        let page: PageChrome
        let service: String
        let heading: String
        let people: [Option]
        let providers: [Option]
        let documents: [Option]
        let pickupOffices: [Option]
        let reasons: [Option]
        let noDocumentSelected: Bool
        let eApplication: Bool
        let consent: Bool
        let errors: [FieldError]
        let hasErrors: Bool
        // Optional: swift-mustache treats an empty string as true, nil as false.
        let providerError: String?
        let consentError: String?
        let eApplicationError: String?
    }

    struct CheckPage {
        let page: PageChrome
        let action: String
        let heading: String
        let answers: [Answer]
        let hidden: [Hidden]
        let confirm: ConfirmStep
        let codeError: String?
        let hasCodeError: Bool
    }

    /// What the form holds between its steps.
    struct Values {
        var person = ""
        var provider = ""
        var document = ""
        var eApplication = false
        var consent = false
        var pickup = ""
        var reason = DuplicateReason.lost.rawValue
        var submission = ""

        init() {}

        init(_ f: [String: String]) {
            person = f["person"] ?? ""
            provider = f["provider"] ?? ""
            document = f["document"] ?? ""
            eApplication = f["eApplication"] == "1"
            consent = f["consent"] == "1"
            pickup = f["pickup"] ?? ""
            reason = DuplicateReason(rawValue: f["reason"] ?? "")?.rawValue ?? DuplicateReason.lost.rawValue
            submission = f["submission"] ?? ""
        }

        var hidden: [Hidden] {
            [
                .init(name: "person", value: person), .init(name: "provider", value: provider),
                .init(name: "document", value: document), .init(name: "eApplication", value: eApplication ? "1" : "0"),
                .init(name: "consent", value: consent ? "1" : "0"), .init(name: "pickup", value: pickup),
                .init(name: "reason", value: reason),
                .init(name: "submission", value: submission),
            ]
        }
    }

    static func service(_ context: BilimRequestContext) throws -> ServiceID {
        let raw = context.parameters.get("service") ?? ""
        guard let s = ServiceID(rawValue: raw.uppercased()), s == .s1 || s == .s2 else {
            throw DomainError(.serviceNotFound, field: "service", ["value": String(raw.prefix(20))])
        }
        return s
    }

    @Sendable func form(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let s = try Self.service(context)
        var v = Values()
        v.person = try context.signedIn.personIIN ?? ""
        return try await formPage(s, values: v, errors: [], context: context)
    }

    func formPage(_ s: ServiceID, values v: Values, errors: [FieldError], context: BilimRequestContext, status: HTTPResponse.Status = .ok)
        async throws -> Response
    {
        let lang = context.language
        let t = renderer.text
        let db = dependencies.database.sql
        let ref = ReferenceRepository(db: db)
        let actor = try context.signedIn
        let me = actor.personIIN ?? ""
        var people = [Option(value: me, label: t("apply_self", lang), selected: v.person == me || v.person.isEmpty)]
        // Only the children the parent represents today: a child who has turned 18 acts for themself.
        let minors = actor.childrenIINs.sorted()
        for child in minors {
            let p = try await ref.person(iin: child)
            let name = [p?.surname, p?.givenName].compactMap { $0 }.joined(separator: " ")
            people.append(Option(value: child, label: name, selected: v.person == child))
        }
        let kind: OrganizationKind = s == .s1 ? .school : .tvet
        let providers = try await ref.organizations().filter { $0.kind == kind.rawValue }.map {
            Option(value: $0.id, label: $0.name[lang], selected: $0.id == v.provider)
        }
        let kinds = s == .s1 ? ["basic-secondary-certificate", "general-secondary-certificate"] : ["tvet-diploma", "post-secondary-diploma"]
        var documents: [Option] = []
        for holder in people.map(\.value) {
            for d in try await DocumentRegistryRepository(db: db).documents(holderIIN: holder)
            where kinds.contains(d.kind) && d.status == "valid" {
                documents.append(
                    Option(
                        value: d.id, label: "\(t("document_\(d.kind)", lang)) \(d.series) № \(d.number), \(d.issueDate) — \(d.holderName)",
                        selected: d.id == v.document))
            }
        }
        let heading = t("apply_title_\(s.rawValue)", lang)
        let model = FormPage(
            page: PageChrome(title: heading, context: context, text: t, path: "/apply/\(s.rawValue)"), service: s.rawValue,
            heading: heading, people: people, providers: providers, documents: documents,
            pickupOffices: [Option(value: "", label: t("apply_pickup_provider", lang), selected: v.pickup.isEmpty)]
                + (try await ref.organizations()).filter { $0.kind == OrganizationKind.stateCorporationOffice.rawValue }.map {
                    Option(value: $0.id, label: $0.name[lang], selected: v.pickup == $0.id)
                },
            reasons: DuplicateReason.allCases.map { .init(value: $0.rawValue, label: t("reason_\($0.rawValue)", lang), selected: $0.rawValue == v.reason) },
            noDocumentSelected: v.document.isEmpty, eApplication: v.eApplication, consent: v.consent,
            errors: errors, hasErrors: !errors.isEmpty,
            providerError: errors.first { $0.field == "provider" }?.message,
            consentError: errors.first { $0.field == "consent" }?.message,
            eApplicationError: errors.first { $0.field == "eApplication" }?.message)
        return renderer.html("apply", model, status: status)
    }

    @Sendable func submit(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let s = try Self.service(context)
        let fields = try await Forms.fields(request: request, context: context)
        var v = Values(fields)
        let lang = context.language
        // Only oneself or one's own minor child, and only their documents, before anything is shown back.
        let actor = try context.signedIn
        guard CaseAccess.canApply(actor, for: v.person) else { throw DomainError(.forbidden, field: "person") }
        // A document chosen from the registry names its issuer: the provider follows from it.
        if !v.document.isEmpty {
            guard let doc = try await DocumentRegistryRepository(db: dependencies.database.sql).document(id: v.document),
                doc.holderIin == v.person
            else { throw DomainError(.documentNotHolders, field: "document") }
            v.provider = doc.organizationId
        }
        var errors: [FieldError] = []
        if v.provider.isEmpty { errors.append(.init(field: "provider", message: DomainError(.fieldRequired).message(in: lang))) }
        if !v.eApplication { errors.append(.init(field: "eApplication", message: DomainError(.fieldRequired).message(in: lang))) }
        if !v.consent { errors.append(.init(field: "consent", message: DomainError(.consentMissing).message(in: lang))) }
        if fields["step"] == "edit" || !errors.isEmpty {
            return try await formPage(s, values: v, errors: errors, context: context, status: errors.isEmpty ? .ok : .unprocessableContent)
        }
        let step = fields["step"] ?? ""
        if !ConfirmStep.steps.contains(step) {
            if v.submission.isEmpty { v.submission = Sessions.randomToken() }
            return try await checkPage(s, values: v, context: context)
        }
        let application = Application(
            service: s, channel: .portal, applicantIIN: v.person, providerId: v.provider,
            documentId: v.document.isEmpty ? nil : v.document, documents: ["e-application"], consent: v.consent,
            pickupAtStateCorporation: !v.pickup.isEmpty, language: lang,
            idempotencyKey: v.submission.isEmpty ? nil : "page-\(v.submission)",
            reason: DuplicateReason(rawValue: v.reason) ?? .lost, pickupOfficeId: v.pickup.isEmpty ? nil : v.pickup)
        // The application is confirmed with a one-time code or an EDS signature over exactly this content.
        // (000 List item 8)
        if let method = ConfirmStep.method(preparing: step) {
            do {
                let prepared = try await ApplicationConfirmation(dependencies).prepare(
                    application.content, method: method, actor: actor, gateway: gateway)
                return try await checkPage(s, values: v, context: context, confirm: ConfirmStep.state(prepared))
            } catch let error as DomainError where error.code.category != .unavailable {
                return try await checkPage(
                    s, values: v, context: context, codeError: error.message(in: lang), status: ErrorMiddleware.status(error.code.category))
            }
        }
        do {
            let outcome = try await ApplicationIntake(dependencies).submit(
                application, by: actor, confirmation: ConfirmStep.proof(step: step, fields: fields))
            guard let c = outcome.caseRow else { throw DomainError(.internalError) }
            return .redirect(to: "/cases/\(c.id)?created=1", type: .normal)
        } catch let error as DomainError where ConfirmStep.isConfirmationFailure(error.code) {
            return try await checkPage(
                s, values: v, context: context, confirm: ConfirmStep.retry(after: error.code, step: step, fields: fields),
                codeError: error.message(in: lang),
                status: ErrorMiddleware.status(error.code.category))
        } catch let error as DomainError where error.code.category != .unavailable {
            let message = error.message(in: lang) + (error.ref.map { " \($0)" } ?? "")
            return try await formPage(
                s, values: v, errors: [.init(field: error.field == "documentId" ? "document" : "provider", message: message)],
                context: context, status: ErrorMiddleware.status(error.code.category))
        }
    }

    func checkPage(
        _ s: ServiceID, values v: Values, context: BilimRequestContext, confirm: ConfirmStep.State = .choosing, codeError: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let lang = context.language
        let t = renderer.text
        let ref = ReferenceRepository(db: dependencies.database.sql)
        let person = v.person == context.user?.personIin ? t("apply_self", lang)
            : try await ref.person(iin: v.person).map { "\($0.surname) \($0.givenName)" } ?? "—"
        let provider = try await ref.organization(id: v.provider)?.name[lang] ?? "—"
        let document = v.document.isEmpty ? t("apply_document_none", lang)
            : try await DocumentRegistryRepository(db: dependencies.database.sql).document(id: v.document)
                .map { "\($0.series) № \($0.number), \($0.issueDate)" } ?? "—"
        let yes = t("apply_yes", lang)
        let no = t("apply_no", lang)
        let heading = t("apply_check_title", lang)
        let model = CheckPage(
            page: PageChrome(title: heading, context: context, text: t, path: "/apply/\(s.rawValue)"), action: "/apply/\(s.rawValue)",
            heading: heading,
            answers: [
                .init(label: t("apply_for", lang), value: person), .init(label: t("apply_provider", lang), value: provider),
                .init(label: t("apply_document", lang), value: document),
                .init(label: t("apply_reason", lang), value: t("reason_\(v.reason)", lang)),
                .init(label: t("apply_consent", lang), value: v.consent ? yes : no),
                .init(
                    label: t("apply_pickup", lang),
                    value: v.pickup.isEmpty ? t("apply_pickup_provider", lang) : try await ref.organization(id: v.pickup)?.name[lang] ?? "—"),
            ],
            hidden: v.hidden, confirm: ConfirmStep(action: "/apply/\(s.rawValue)", confirm), codeError: codeError,
            hasCodeError: codeError != nil)
        return renderer.html("apply-check", model, status: status)
    }
}
