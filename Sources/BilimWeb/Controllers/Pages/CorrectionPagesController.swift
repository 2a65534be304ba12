import BilimCore
import BilimServices
import BilimStore
import Foundation
import HTTPTypes
import Hummingbird

/// The applicant's path for corrections of an education document (S3) on the portal: the form with the document,
/// the fields to correct and the electronic copy, "check your answers", the confirmation with a one-time code, and
/// the case page. (002 §6) (002 §9) (000 List item 8)
struct CorrectionPagesController {
    let dependencies: ServiceDependencies
    let renderer: Renderer
    let gateway: any SMSGateway

    static let path = "/corrections/new"
    /// The form offers this many change rows; rows left entirely empty are ignored.
    static let maxRows = 5
    /// The documents a TVET organization issues: the documents S3 corrects. (002 §2)
    static let kinds = ["tvet-diploma", "post-secondary-diploma"]

    func add(to router: Router<BilimRequestContext>) {
        router.behind(.applicant, dependencies)
            .get("/corrections/new", use: form)
            .post("/corrections/new", use: submit)
    }

    struct Option {
        let value: String
        let label: String
        let selected: Bool
    }

    struct Hidden {
        let name: String
        let value: String
    }

    struct Answer {
        let label: String
        let value: String
    }

    /// One requested change as the check page and the case page show it: the field, what the registry holds (or
    /// held when applied for), the correct value and the explanation.
    struct ChangeLine {
        let field: String
        let oldValue: String
        let newValue: String
        let explanation: String

        init(_ c: PlannedChange, text: UIText, lang: Language) {
            field = CorrectionPagesController.fieldLabel(c.field, text: text, lang: lang)
            oldValue = c.oldValue ?? "—"
            newValue = c.newValue
            explanation = c.explanation
        }
    }

    struct Row {
        let index: Int
        let legend: String
        let fields: [Option]
        let value: String
        let explanation: String
        let fieldError: String?
        let valueError: String?
        let explanationError: String?
        let valueDescribedBy: String
    }

    struct FormPage {
        let page: PageChrome
        let heading: String
        let action: String
        let documents: [Option]
        let hasDocuments: Bool
        let rows: [Row]
        let submission: String
        /// The copy already uploaded and checked, carried back in hidden fields.
        let carried: [Hidden]
        let copyAttached: String?
        let copyDescribedBy: String
        let consent: Bool
        let errors: [FieldError]
        let hasErrors: Bool
        // Optional: swift-mustache treats an empty string as true, nil as false.
        let documentError: String?
        let changesError: String?
        let copyError: String?
        let consentError: String?
    }

    struct CheckPage {
        let page: PageChrome
        let heading: String
        let action: String
        let answers: [Answer]
        let changes: [ChangeLine]
        let hidden: [Hidden]
        let confirm: ConfirmStep
        let codeError: String?
        let hasCodeError: Bool
    }

    struct RowValues {
        var field = ""
        var value = ""
        var explanation = ""

        var isEmpty: Bool { field.trimmingSpaces.isEmpty && value.trimmingSpaces.isEmpty && explanation.trimmingSpaces.isEmpty }
    }

    /// What the form holds between its steps. The uploaded copy rides along base64 in a hidden field once it has
    /// passed the file check (at most `FileCheck.maxBytes`), and is checked again on every step.
    struct Values {
        var document = ""
        var rows = Array(repeating: RowValues(), count: CorrectionPagesController.maxRows)
        var consent = false
        var submission = ""
        var copy: UploadedFile?

        init() {}

        init(_ form: MultipartForm) throws {
            document = form.fields["document"] ?? ""
            rows = (0..<CorrectionPagesController.maxRows).map { i in
                RowValues(
                    field: form.fields["changes.\(i).field"] ?? "", value: form.fields["changes.\(i).value"] ?? "",
                    explanation: form.fields["changes.\(i).explanation"] ?? "")
            }
            consent = form.fields["consent"] == "1"
            submission = form.fields["submission"] ?? ""
            if let f = form.files["copy"], !(f.filename.isEmpty && f.bytes.isEmpty) {
                copy = UploadedFile(filename: f.filename, mediaType: f.mediaType, bytes: f.bytes)
            } else if let data = form.fields["copy.data"], !data.isEmpty {
                guard let bytes = Data(base64Encoded: data), bytes.count <= FileCheck.maxBytes else {
                    throw DomainError(.requestInvalid, field: "copy", ["field": "copy"])
                }
                copy = UploadedFile(
                    filename: form.fields["copy.name"] ?? "", mediaType: form.fields["copy.type"] ?? "", bytes: Array(bytes))
            }
        }

        /// The rows that say something, with their place on the form.
        var filled: [(row: Int, change: RequestedChange)] {
            rows.enumerated().filter { !$0.element.isEmpty }.map {
                (
                    $0.offset,
                    RequestedChange(field: $0.element.field.trimmingSpaces, value: $0.element.value, explanation: $0.element.explanation)
                )
            }
        }

        /// The copy, if it passes the file check: only then is it carried to the next step.
        var carried: [Hidden] {
            guard let copy, (try? FileCheck.check(declaredType: copy.mediaType, bytes: copy.bytes)) != nil else { return [] }
            return [
                .init(name: "copy.name", value: copy.filename), .init(name: "copy.type", value: copy.mediaType),
                .init(name: "copy.data", value: Data(copy.bytes).base64EncodedString()),
            ]
        }

        var hidden: [Hidden] {
            var out: [Hidden] = [
                .init(name: "document", value: document), .init(name: "consent", value: consent ? "1" : "0"),
                .init(name: "submission", value: submission),
            ]
            for (i, r) in rows.enumerated() where !r.isEmpty {
                out += [
                    .init(name: "changes.\(i).field", value: r.field), .init(name: "changes.\(i).value", value: r.value),
                    .init(name: "changes.\(i).explanation", value: r.explanation),
                ]
            }
            return out + carried
        }

        func application(language: Language) -> CorrectionApplication {
            CorrectionApplication(
                documentId: document, changes: filled.map(\.change), consent: consent, copy: copy, language: language,
                idempotencyKey: submission.isEmpty ? nil : "page-\(submission)")
        }
    }

    /// A field's name in the page's language: `grade.<subject>` as "Grade: <subject name>".
    static func fieldLabel(_ field: String, text: UIText, lang: Language) -> String {
        switch CorrectableField(name: field) {
        case .grade(let subject)?: text("corrections_field_grade", lang).replacing("{subject}", with: subjectName(subject, text: text, lang: lang))
        case let f?: text("corrections_field_\(f.description)", lang)
        case nil: field
        }
    }

    static func subjectName(_ subject: String, text: UIText, lang: Language) -> String {
        text.table(lang)["subject_\(subject)"] ?? subject
    }

    @Sendable func form(_ request: Request, context: BilimRequestContext) async throws -> Response {
        try await formPage(values: Values(), errors: [], context: context)
    }

    /// The applicant's and their minor children's valid documents that S3 corrects (a child who has turned 18 acts
    /// for themself, so their documents are not offered to the parent).
    func documents(for actor: Actor) async throws -> [EducationDocumentRow] {
        let db = dependencies.database.sql
        var out: [EducationDocumentRow] = []
        for holder in [actor.personIIN].compactMap({ $0 }) + actor.childrenIINs.sorted() {
            out += try await DocumentRegistryRepository(db: db).documents(holderIIN: holder).filter {
                Self.kinds.contains($0.kind) && $0.status == "valid"
            }
        }
        return out
    }

    func documentLabel(_ d: EducationDocumentRow, lang: Language) -> String {
        "\(renderer.text("document_\(d.kind)", lang)) \(d.series) № \(d.number), \(d.issueDate) — \(d.holderName)"
    }

    func formPage(values v: Values, errors: [FieldError], context: BilimRequestContext, status: HTTPResponse.Status = .ok)
        async throws -> Response
    {
        let lang = context.language
        let t = renderer.text
        let docs = try await documents(for: try context.signedIn)
        // The document is chosen on the same form: every subject of the eligible documents is offered, and the
        // server checks the field against the chosen document.
        var subjects: [String] = []
        for d in docs {
            for g in try await DocumentRegistryRepository(db: dependencies.database.sql).grades(documentId: d.id)
            where !subjects.contains(g.subject) {
                subjects.append(g.subject)
            }
        }
        let fieldNames = ["holder-name", "specialty", "qualification"] + subjects.map { "grade.\($0)" }
        func error(_ id: String) -> String? { errors.first { $0.field == id }?.message }
        let rows = v.rows.enumerated().map { i, r in
            let valueError = error("changes-\(i)-value")
            return Row(
                index: i, legend: t("corrections_row", lang).replacing("{n}", with: String(i + 1)),
                fields: [Option(value: "", label: t("corrections_field_choose", lang), selected: r.field.isEmpty)]
                    + fieldNames.map { Option(value: $0, label: Self.fieldLabel($0, text: t, lang: lang), selected: $0 == r.field.trimmingSpaces) },
                value: r.value, explanation: r.explanation, fieldError: error("changes-\(i)-field"), valueError: valueError,
                explanationError: error("changes-\(i)-explanation"),
                valueDescribedBy: "changes-\(i)-value-hint" + (valueError == nil ? "" : " changes-\(i)-value-error"))
        }
        let carried = v.carried
        let copyError = error("copy")
        let attached = carried.isEmpty ? nil : t("corrections_copy_attached", lang).replacing("{name}", with: v.copy?.filename ?? "")
        let heading = t("corrections_title", lang)
        let model = FormPage(
            page: PageChrome(title: heading, context: context, text: t, path: Self.path), heading: heading,
            action: carried.isEmpty ? Self.path : Self.path + "?carry=1",
            documents: docs.map { Option(value: $0.id, label: documentLabel($0, lang: lang), selected: $0.id == v.document) },
            hasDocuments: !docs.isEmpty, rows: rows, submission: v.submission, carried: carried, copyAttached: attached,
            copyDescribedBy: "copy-hint" + (attached == nil ? "" : " copy-attached") + (copyError == nil ? "" : " copy-error"),
            consent: v.consent, errors: errors, hasErrors: !errors.isEmpty, documentError: error("document"),
            changesError: error("changes"), copyError: copyError, consentError: error("consent"))
        return renderer.html("corrections", model, status: status)
    }

    /// The id of the input a service error names: `changes.1.value` is the value of the second non-empty row.
    static func inputId(_ field: String?, rows: [Int]) -> String {
        switch field {
        case "consent": return "consent"
        case "copy", "file": return "copy"
        case "changes": return "changes"
        case let f? where f.hasPrefix("changes."):
            let parts = f.split(separator: ".")
            guard parts.count == 3, let i = Int(parts[1]), rows.indices.contains(i) else { return "changes" }
            return "changes-\(rows[i])-\(parts[2])"
        default: return "document"
        }
    }

    /// A service error's message, naming a field by its label rather than its code.
    func message(_ error: DomainError, lang: Language) -> String {
        guard [.correctionNothingToChange, .correctionFieldRepeated, .correctionFieldUnknown].contains(error.code),
            let name = error.arguments["value"], !name.isEmpty
        else { return error.message(in: lang) }
        var arguments = error.arguments
        arguments["value"] = Self.fieldLabel(name, text: renderer.text, lang: lang)
        return DomainError(error.code, field: error.field, ref: error.ref, arguments).message(in: lang)
    }

    /// What can be told without the registry, all at once: the document, at least one row with its field, the copy
    /// and the consent.
    func precheck(_ v: Values, lang: Language) -> [FieldError] {
        var errors: [FieldError] = []
        if v.document.isEmpty { errors.append(.init(field: "document", message: DomainError(.fieldRequired).message(in: lang))) }
        let filled = v.filled
        if filled.isEmpty {
            errors.append(.init(field: "changes", message: DomainError(.correctionRequired).message(in: lang)))
        }
        for (row, change) in filled where change.field.isEmpty {
            errors.append(.init(field: "changes-\(row)-field", message: DomainError(.fieldRequired).message(in: lang)))
        }
        if let copy = v.copy {
            do {
                _ = try FileCheck.check(declaredType: copy.mediaType, bytes: copy.bytes)
            } catch {
                errors.append(.init(field: "copy", message: error.message(in: lang)))
            }
        } else {
            errors.append(.init(field: "copy", message: DomainError(.correctionCopyRequired).message(in: lang)))
        }
        if !v.consent { errors.append(.init(field: "consent", message: DomainError(.consentMissing).message(in: lang))) }
        return errors
    }

    @Sendable func submit(_ request: Request, context: BilimRequestContext) async throws -> Response {
        // The steps after the upload carry the checked copy back as base64.
        let limit = request.uri.queryParameters["carry"] != nil ? Multipart.maxCarriedBodySize : Multipart.maxBodySize
        let fields = try await Multipart.form(request: request, context: context, limit: limit)
        var v = try Values(fields)
        let lang = context.language
        let step = fields.fields["step"] ?? "check"
        let actor = try context.signedIn
        if step == "edit" { return try await formPage(values: v, errors: [], context: context) }
        let errors = precheck(v, lang: lang)
        if !errors.isEmpty { return try await formPage(values: v, errors: errors, context: context, status: .unprocessableContent) }
        if !ConfirmStep.steps.contains(step) && v.submission.isEmpty { v.submission = Sessions.randomToken() }
        let a = v.application(language: lang)
        let rows = v.filled.map(\.row)
        let checked: (EducationDocumentRow, [PlannedChange])
        do {
            checked = try await CorrectionIntake(dependencies).check(a, by: actor)
        } catch let error as DomainError where error.code.category != .unavailable {
            return try await formPage(
                values: v, errors: [.init(field: Self.inputId(error.field, rows: rows), message: message(error, lang: lang))],
                context: context, status: ErrorMiddleware.status(error.code.category))
        }
        if !ConfirmStep.steps.contains(step) { return try await checkPage(values: v, checked, context: context) }
        // The application is confirmed with a one-time code or an EDS signature over exactly this content.
        // (002 List item 10)
        if let method = ConfirmStep.method(preparing: step) {
            do {
                let prepared = try await ApplicationConfirmation(dependencies).prepare(
                    a.content(applicantIIN: checked.0.holderIin), method: method, actor: actor, gateway: gateway)
                return try await checkPage(values: v, checked, context: context, confirm: ConfirmStep.state(prepared))
            } catch let error as DomainError where error.code.category != .unavailable {
                return try await checkPage(
                    values: v, checked, context: context, codeError: error.message(in: lang),
                    status: ErrorMiddleware.status(error.code.category))
            }
        }
        do {
            let outcome = try await CorrectionIntake(dependencies).submit(
                a, by: actor, confirmation: ConfirmStep.proof(step: step, fields: fields.fields))
            guard let c = outcome.caseRow else { throw DomainError(.internalError) }
            return .redirect(to: "/cases/\(c.id)?created=1", type: .normal)
        } catch let error as DomainError where ConfirmStep.isConfirmationFailure(error.code) {
            return try await checkPage(
                values: v, checked, context: context, confirm: ConfirmStep.retry(after: error.code, step: step, fields: fields.fields),
                codeError: error.message(in: lang),
                status: ErrorMiddleware.status(error.code.category))
        } catch let error as DomainError where error.code.category != .unavailable {
            let text = message(error, lang: lang) + (error.ref.map { " \($0)" } ?? "")
            return try await formPage(
                values: v, errors: [.init(field: Self.inputId(error.field, rows: rows), message: text)], context: context,
                status: ErrorMiddleware.status(error.code.category))
        }
    }

    func checkPage(
        values v: Values, _ checked: (EducationDocumentRow, [PlannedChange]), context: BilimRequestContext,
        confirm: ConfirmStep.State = .choosing, codeError: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let lang = context.language
        let t = renderer.text
        let (doc, planned) = checked
        let heading = t("apply_check_title", lang)
        let model = CheckPage(
            page: PageChrome(title: heading, context: context, text: t, path: Self.path), heading: heading,
            action: Self.path + "?carry=1",
            answers: [
                .init(label: t("corrections_document", lang), value: documentLabel(doc, lang: lang)),
                .init(label: t("corrections_copy", lang), value: v.copy?.filename ?? "—"),
                .init(label: t("apply_consent", lang), value: t(v.consent ? "apply_yes" : "apply_no", lang)),
            ],
            changes: planned.map { ChangeLine($0, text: t, lang: lang) }, hidden: v.hidden,
            confirm: ConfirmStep(action: Self.path + "?carry=1", multipart: true, confirm),
            codeError: codeError, hasCodeError: codeError != nil)
        return renderer.html("corrections-check", model, status: status)
    }
}
