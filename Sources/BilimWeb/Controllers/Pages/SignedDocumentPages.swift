import BilimCore
import BilimServices
import BilimSigning
import BilimStore
import Foundation
import HTTPTypes
import Hummingbird

/// Who may open a signed document: its holder, the parent of a minor holder, and those who may see its case.
enum SignedDocumentAccess {
    static func find(_ number: String, actor: Actor, dependencies: ServiceDependencies) async throws -> SignedDocumentRow {
        guard let row = try await SignedDocumentRepository(db: dependencies.database.sql).find(number: number) else {
            throw DomainError(.pageNotFound)
        }
        var allowed = row.holderIin.map { CaseAccess.canApply(actor, for: $0) } ?? false
        if !allowed, let caseId = row.caseId {
            allowed = (try? await CaseWorkflow(dependencies).visibleCase(caseId, to: actor)) != nil
        }
        guard allowed else { throw DomainError(.pageNotFound) }
        return row
    }
}

/// A signed electronic result or credential, readable and printable: what it says, its number, and a QR code that
/// leads anyone holding the paper to `/verify` with the check code.
struct SignedDocumentPages {
    let dependencies: ServiceDependencies
    let renderer: Renderer
    /// The address printed in the QR code; without it, the one the request came to.
    let publicURL: String

    func add(to router: Router<BilimRequestContext>) {
        router.behind(.signedIn, dependencies)
            .get("/documents/{number}/view", use: view)
    }

    struct Line {
        let label: String
        let value: String
    }

    struct Change {
        let field: String
        let oldValue: String
        let newValue: String
        let explanation: String
    }

    struct Page {
        let lang: String
        let t: [String: String]
        let title: String
        let number: String
        let issuedAt: String
        let status: String
        let valid: Bool
        let facts: [Line]
        let documents: [String]
        let hasDocuments: Bool
        let grounds: [String]
        let hasGrounds: Bool
        let changes: [Change]
        let hasChanges: Bool
        let document: [Line]
        let hasDocument: Bool
        let grades: [Line]
        let hasGrades: Bool
        let statement: String
        let hasStatement: Bool
        let qr: String
        let verifyURL: String
        let checkCode: String
        let back: String
    }

    @Sendable func view(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let row = try await SignedDocumentAccess.find(context.parameters.get("number") ?? "", actor: actor, dependencies: dependencies)
        let lang = context.language
        let t = renderer.text
        guard let payload = row.jws.split(separator: ".").dropFirst().first.flatMap({ Base64URL.decode(String($0)) }) else {
            throw DomainError(.internalError)
        }
        var facts: [Line] = []
        var documents: [String] = []
        var grounds: [String] = []
        var changes: [Change] = []
        var document: DocumentFacts?
        var statement = ""
        var issuer = ""
        var service: String?
        if row.kind == "credential" {
            let vc = try JSONDecoder().decode(VerifiableCredential.self, from: payload)
            issuer = vc.issuer.name
            document = vc.credentialSubject.document
        } else {
            let c = try JSONDecoder().decode(ResultContent.self, from: payload)
            service = c.service
            issuer = c.issuer
            if let n = c.caseNumber { facts.append(.init(label: t("receipt_case", lang), value: n)) }
            if let s = c.service.flatMap(ServiceID.init(rawValue:)) {
                let title = dependencies.passports.current(s, on: dependencies.today)?.title[lang] ?? s.rawValue
                facts.append(.init(label: t("cases_service", lang), value: title))
            }
            if let d = c.registeredOn { facts.append(.init(label: t("cases_registered", lang), value: d)) }
            // An admission notice names the day the result is published (003 §16); a case, its deadline.
            if let d = c.deadline {
                facts.append(.init(label: t(c.service == ServiceID.s4.rawValue ? "admission_result_day" : "cases_deadline", lang), value: d))
            }
            documents = c.documents?.map(\.name) ?? []
            grounds = c.grounds?.map { g in g.ref.map { "\(g.text) \($0)" } ?? g.text } ?? []
            changes = c.changes?.map {
                Change(
                    field: CorrectionPagesController.fieldLabel($0.field, text: t, lang: lang), oldValue: $0.oldValue ?? "—",
                    newValue: $0.newValue, explanation: $0.explanation)
            } ?? []
            document = c.document
            statement = c.statement ?? ""
        }
        facts.insert(.init(label: t("signed_issuer", lang), value: issuer), at: 0)
        var docLines: [Line] = []
        var grades: [Line] = []
        if let d = document {
            docLines = [
                .init(label: t("cabinet_doc_kind", lang), value: t("document_\(d.kind)", lang)),
                .init(label: t("cabinet_doc_number", lang), value: "\(d.series) № \(d.number)"),
                .init(label: t("cabinet_doc_date", lang), value: d.issueDate),
                .init(label: t("cabinet_doc_holder", lang), value: d.holderName),
            ]
            if let s = d.specialty { docLines.append(.init(label: t("corrections_field_specialty", lang), value: s)) }
            if let q = d.qualification { docLines.append(.init(label: t("corrections_field_qualification", lang), value: q)) }
            grades = (d.grades ?? [:]).sorted { $0.key < $1.key }.map {
                .init(label: CorrectionPagesController.subjectName($0.key, text: t, lang: lang), value: $0.value)
            }
        }
        let link = "\(base(request))/verify/\(row.number)?c=\(row.checkCode)"
        let title = t("signed_kind_\(row.kind)", lang)
        let qr = (try? QRCode(text: link, correction: .medium))?.svg(moduleSize: 3, quietZone: 4, title: t("signed_qr_title", lang)) ?? ""
        var status = t("verify_status_\(row.status)", lang)
        if let reason = row.statusReason { status += " (" + t("verify_reason_\(reason)", lang) + ")" }
        let page = Page(
            lang: lang.rawValue, t: t.table(lang), title: title, number: row.number,
            issuedAt: dependencies.localTime.minuteText(row.issuedAt),
            status: status, valid: row.status == "valid", facts: facts, documents: documents, hasDocuments: !documents.isEmpty,
            grounds: grounds, hasGrounds: !grounds.isEmpty, changes: changes, hasChanges: !changes.isEmpty, document: docLines,
            hasDocument: !docLines.isEmpty, grades: grades, hasGrades: !grades.isEmpty, statement: statement, hasStatement: !statement.isEmpty, qr: qr,
            verifyURL: link, checkCode: row.checkCode, back: row.caseId.map { "/cases/\($0)" } ?? (service == ServiceID.s4.rawValue ? "/admission" : "/cabinet"))
        return renderer.html("signed-document", page)
    }

    /// The public address of this server, as configured (`BILIM_PUBLIC_URL`): never the request's Host header, which
    /// the client writes (a forged Host would otherwise put another site into a document's QR code).
    func base(_ request: Request) -> String {
        String(publicURL.trimmingSuffix("/"))
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> Substring {
        var s = Substring(self)
        while s.hasSuffix(suffix) { s = s.dropLast(suffix.count) }
        return s
    }
}
