import BilimCore
import BilimServices
import BilimStore
import Foundation
import Hummingbird

/// Intake of paper applications at the provider's office and the State Corporation, and the receipts they give,
/// as print-ready A4 pages in two copies (004 §50) (004 §52) (004 Annex 3) (004 Annex 4).
struct DeskController {
    let dependencies: ServiceDependencies
    let renderer: Renderer

    func add(to router: Router<BilimRequestContext>) {
        router.behind(.desk, dependencies)
            .get("/desk/{service}", use: form)
            .post("/desk/{service}", use: submit)
        router.behind(.signedIn, dependencies)
            .get("/receipts/{number}", use: receipt)
    }

    struct Option {
        let value: String
        let label: String
        let selected: Bool
    }

    struct DocumentBox {
        let code: String
        let name: String
        let checked: Bool
        let conditional: Bool
        let condition: String
        let conditionChecked: Bool
    }

    struct DeskPage {
        let page: PageChrome
        let service: String
        let heading: String
        let iin: String
        let providers: [Option]
        let documents: [DocumentBox]
        let consent: Bool
        let validUntil: String
        let languages: [Option]
        let reasons: [Option]
        let errors: [FieldError]
        let hasErrors: Bool
    }

    /// The desk's channel follows from whom the door let in: the college's or school's office, or the State
    /// Corporation.
    func staff(_ context: BilimRequestContext) throws -> (UserRow, Channel) {
        let actor = try context.signedIn
        return (try context.signedInUser, actor.role == .stateCorporationOperator ? .stateCorporation : .office)
    }

    @Sendable func form(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let (user, channel) = try staff(context)
        let s = try ApplyController.service(context)
        return try await page(s, user: user, channel: channel, fields: [:], errors: [], context: context)
    }

    func page(
        _ s: ServiceID, user: UserRow, channel: Channel, fields f: [String: String], errors: [FieldError],
        context: BilimRequestContext, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let lang = context.language
        let t = renderer.text
        guard let passport = dependencies.passports.current(s, on: dependencies.today) else {
            throw DomainError(.serviceNotFound, ["value": s.rawValue])
        }
        let kind: OrganizationKind = s == .s1 ? .school : .tvet
        let orgs = try await ReferenceRepository(db: dependencies.database.sql).organizations()
            .filter { $0.kind == kind.rawValue && (channel == .stateCorporation || $0.id == user.organizationId) }
        let heading = "\(t("desk_title", lang)): \(passport.title[lang])"
        let model = DeskPage(
            page: PageChrome(title: heading, context: context, text: t, path: "/desk/\(s.rawValue)"), service: s.rawValue,
            heading: heading, iin: f["iin"] ?? "",
            providers: orgs.map { .init(value: $0.id, label: $0.name[lang], selected: f["provider"] == $0.id) },
            documents: passport.documents(for: channel).map { d in
                DocumentBox(
                    code: d.code, name: d.name[lang], checked: f["doc.\(d.code)"] == "1", conditional: d.condition != nil,
                    condition: d.condition.map { t("desk_condition_applies", lang).replacing("{name}", with: $0[lang]) } ?? "",
                    conditionChecked: f["cond.\(d.code)"] == "1")
            },
            consent: f["consent"] == "1", validUntil: f["validUntil"] ?? "",
            languages: [Language.kk, .ru].map { .init(value: $0.rawValue, label: t("language_\($0.rawValue)", lang), selected: (f["language"] ?? lang.rawValue) == $0.rawValue) },
            reasons: DuplicateReason.allCases.map { .init(value: $0.rawValue, label: t("reason_\($0.rawValue)", lang), selected: f["reason"] == $0.rawValue) },
            errors: errors, hasErrors: !errors.isEmpty)
        return renderer.html("desk", model, status: status)
    }

    @Sendable func submit(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let (user, channel) = try staff(context)
        let s = try ApplyController.service(context)
        let f = try await Forms.fields(request: request, context: context)
        let lang = context.language
        var validUntil: CivilDate?
        if let raw = f["validUntil"], !raw.isEmpty {
            guard let d = CivilDate(iso: raw) else {
                let e = DomainError(.dateMalformed, field: "validUntil", ["value": String(raw.prefix(30))])
                return try await page(s, user: user, channel: channel, fields: f, errors: [.init(field: "validUntil", message: e.message(in: lang))], context: context, status: .unprocessableContent)
            }
            validUntil = d
        }
        let docs = Set(f.keys.filter { $0.hasPrefix("doc.") }.map { String($0.dropFirst(4)) })
        let conditions = Set(f.keys.filter { $0.hasPrefix("cond.") }.map { String($0.dropFirst(5)) })
        let provider = channel == .office ? (user.organizationId ?? "") : (f["provider"] ?? "")
        let documentId = try await DocumentRegistryRepository(db: dependencies.database.sql)
            .documents(holderIIN: f["iin"] ?? "").first { $0.organizationId == provider && $0.status == "valid" }?.id
        let application = Application(
            service: s, channel: channel, applicantIIN: (f["iin"] ?? "").trimmingSpaces, providerId: provider,
            documentId: documentId, documents: docs, applicableConditions: conditions, consent: f["consent"] == "1",
            identityDocumentValidUntil: validUntil, language: Language(rawValue: f["language"] ?? "") ?? lang,
            reason: DuplicateReason(rawValue: f["reason"] ?? "") ?? .lost)
        do {
            let actor = try await Actor.of(user, database: dependencies.database, today: dependencies.today)
            let outcome = try await ApplicationIntake(dependencies).submit(application, by: actor)
            guard let r = outcome.receipt else { throw DomainError(.internalError) }
            return .redirect(to: "/receipts/\(r.number)", type: .normal)
        } catch let error as DomainError where error.code.category != .unavailable {
            let field = error.field == "iin" || error.field == "applicantIIN" ? "iin" : (error.field ?? "iin")
            return try await page(
                s, user: user, channel: channel, fields: f,
                errors: [.init(field: field, message: error.message(in: lang) + (error.ref.map { " \($0)" } ?? ""))],
                context: context, status: ErrorMiddleware.status(error.code.category))
        }
    }

    struct ReceiptPage {
        struct Copy {
            let label: String
        }

        let lang: String
        let title: String
        let t: [String: String]
        let number: String
        let isRefusal: Bool
        let office: String
        let applicant: String
        let service: String
        let caseNumber: String
        let hasCase: Bool
        let documents: [String]
        let missing: [String]
        let hasMissing: Bool
        /// The refusal grounds in the passport's words, with their clause.
        let grounds: [String]
        let hasGrounds: Bool
        let staff: String
        let issuedAt: String
        let copies: [Copy]
    }

    /// The receipt, in the applicant's language, for the staff of the office that gave it and for the applicant.
    @Sendable func receipt(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let number = context.parameters.get("number") ?? ""
        let db = dependencies.database.sql
        let actor = try context.signedIn
        guard let r = try await ReceiptRepository(db: db).find(number: number),
            ReceiptAccess.canView(actor, officeId: r.officeId, applicantIIN: r.applicantIin)
        else { throw DomainError(.caseNotFound, field: "number") }
        let lang = Language(rawValue: r.language) ?? .kk
        let t = renderer.text
        let ref = ReferenceRepository(db: db)
        let person = try await ref.person(iin: r.applicantIin)
        let office = try await ref.organization(id: r.officeId)
        let staff = try await ref.user(id: r.staffUserId)
        let caseNumber = try await r.caseId.asyncMap { try await CaseRepository(db: db).find(id: $0)?.registrationNumber } ?? nil
        let service = ServiceID(rawValue: r.service).flatMap { dependencies.passports.current($0, on: dependencies.today)?.title[lang] } ?? r.service
        let title = t(r.kind == "refusal" ? "receipt_refusal" : "receipt_acceptance", lang)
        let passport = ServiceID(rawValue: r.service).flatMap { dependencies.passports.current($0, on: dependencies.today) }
        let grounds = r.groundCodes.map { code in
            passport?.refusalGrounds.first { $0.code == code }.map { "\($0.text[lang]) (\($0.ref))" } ?? code
        }
        let model = ReceiptPage(
            lang: lang.rawValue, title: title, t: t.table(lang), number: r.number, isRefusal: r.kind == "refusal",
            office: office?.name[lang] ?? r.officeId,
            applicant: person.map { [$0.surname, $0.givenName, $0.patronymic].compactMap { $0 }.joined(separator: " ") } ?? IINMask.mask(r.applicantIin),
            service: service, caseNumber: caseNumber ?? "", hasCase: caseNumber != nil, documents: r.documentCodes.map { t("doc_\($0)", lang) },
            missing: r.missingCodes.map { t("doc_\($0)", lang) }, hasMissing: !r.missingCodes.isEmpty, grounds: grounds,
            hasGrounds: !grounds.isEmpty,
            staff: staff.map { Role(rawValue: $0.role)?.title[lang] ?? $0.displayName } ?? "",
            issuedAt: dependencies.localTime.minuteText(r.createdAt),
            copies: [.init(label: "1"), .init(label: "2")])
        return renderer.html("receipt", model)
    }
}

enum IINMask {
    static func mask(_ iin: String) -> String { String(iin.prefix(2)) + "********" + String(iin.suffix(2)) }
}
