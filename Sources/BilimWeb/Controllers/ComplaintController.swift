import BilimCore
import BilimServices
import BilimStore
import Foundation
import Hummingbird

/// Complaints (S5) as pages and JSON: filing from the case page, the provider's and the reviewing body's list
/// with the actions each may take, and the motivated answers. (002 §14) (001 §11)
struct ComplaintController {
    let dependencies: ServiceDependencies
    let renderer: Renderer

    func add(to router: Router<BilimRequestContext>) {
        router.behind(.applicant, dependencies)
            .post("/cases/{id}/complaints", use: filePage)
            .post("/api/v1/cases/{id}/complaints", use: fileAPI)
        router.behind(.signedIn, dependencies)
            .get("/complaints", use: listPage)
            .get("/api/v1/complaints", use: listAPI)
        router.behind(.complaintHandlers, dependencies)
            .post("/complaints/{id}/actions", use: actPage)
            .post("/api/v1/complaints/{id}/actions", use: actAPI)
    }


    struct ComplaintAnswer: Encodable {
        let id: String
        let number: String
        let caseId: String
        let decisionId: String?
        let text: String
        let state: String
        let registeredOn: String
        let forwardBy: String
        let reviewBy: String
        let answer: String?

        init(_ c: ComplaintRow) {
            id = c.id
            number = c.number
            caseId = c.caseId
            decisionId = c.decisionId
            text = c.text
            state = c.state
            registeredOn = c.registeredOn
            forwardBy = c.forwardBy
            reviewBy = c.reviewBy
            answer = c.answer
        }
    }

    struct FileBody: Decodable {
        let decisionNumber: String?
        let text: String
    }

    @Sendable func fileAPI(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let body = try await JSON.decode(FileBody.self, request: request, context: context)
        let c = try await ComplaintService(dependencies).file(
            caseId: context.parameters.get("id") ?? "", decisionNumber: body.decisionNumber, text: body.text, by: actor)
        return try JSON.response(ComplaintAnswer(c), status: .created)
    }

    @Sendable func listAPI(_ request: Request, context: BilimRequestContext) async throws -> Response {
        try JSON.response(try await ComplaintService(dependencies).visible(to: try context.signedIn).map(ComplaintAnswer.init))
    }

    struct ActBody: Decodable {
        let action: String
        let answer: String?
    }

    @Sendable func actAPI(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let body = try await JSON.decode(ActBody.self, request: request, context: context)
        guard let command = ComplaintCommand(rawValue: body.action) else {
            throw DomainError(.requestInvalid, field: "action", ["field": "action"])
        }
        let c = try await ComplaintService(dependencies).act(
            command, on: context.parameters.get("id") ?? "", answer: String((body.answer ?? "").prefix(5000)), by: actor)
        return try JSON.response(ComplaintAnswer(c))
    }

    @Sendable func filePage(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let id = context.parameters.get("id") ?? ""
        let f = try await Forms.fields(request: request, context: context)
        do {
            try await ComplaintService(dependencies).file(
                caseId: id, decisionNumber: f["decisionNumber"].flatMap { $0.isEmpty ? nil : $0 }, text: f["text"] ?? "", by: actor)
            return .redirect(to: "/cases/\(id)?done=1", type: .normal)
        } catch let error as DomainError where error.code != .caseNotFound && error.code.category != .unavailable {
            let row = try await CaseWorkflow(dependencies).visibleCase(id, to: actor)
            return try await CasePagesController(dependencies: dependencies, renderer: renderer).page(
                row, actor: actor, context: context, created: false, done: false,
                errors: [.init(field: "complaint-text", message: error.message(in: context.language))],
                status: ErrorMiddleware.status(error.code.category))
        }
    }

    struct ListPage {
        struct Item {
            let id: String
            let number: String
            let caseId: String
            let caseNumber: String
            let text: String
            let state: String
            let forwardBy: String
            let reviewBy: String
            let answer: String?
            let canSatisfy: Bool
            let canReview: Bool
        }

        let page: PageChrome
        let heading: String
        let items: [Item]
        let hasItems: Bool
        let errors: [FieldError]
        let hasErrors: Bool
    }

    @Sendable func listPage(_ request: Request, context: BilimRequestContext) async throws -> Response {
        try await renderList(try context.signedIn, context: context, errors: [])
    }

    func renderList(_ actor: Actor, context: BilimRequestContext, errors: [FieldError], status: HTTPResponse.Status = .ok)
        async throws -> Response
    {
        let lang = context.language
        let t = renderer.text
        var items: [ListPage.Item] = []
        for c in try await ComplaintService(dependencies).visible(to: actor) {
            let number = try await CaseRepository(db: dependencies.database.sql).find(id: c.caseId)?.registrationNumber ?? ""
            items.append(
                .init(
                    id: c.id, number: c.number, caseId: c.caseId, caseNumber: number, text: c.text,
                    state: t("complaint_state_\(c.state)", lang), forwardBy: c.forwardBy, reviewBy: c.reviewBy,
                    answer: c.answer, canSatisfy: actor.role == .providerStaff && c.state == "registered",
                    canReview: actor.role == .reviewingBody && c.state == "forwarded"))
        }
        let heading = t("complaints_title", lang)
        return renderer.html(
            "complaints",
            ListPage(
                page: PageChrome(title: heading, context: context, text: t, path: "/complaints"), heading: heading,
                items: items, hasItems: !items.isEmpty, errors: errors, hasErrors: !errors.isEmpty),
            status: status)
    }

    @Sendable func actPage(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let f = try await Forms.fields(request: request, context: context)
        let id = context.parameters.get("id") ?? ""
        do {
            guard let command = ComplaintCommand(rawValue: f["action"] ?? "") else {
                throw DomainError(.requestInvalid, field: "action", ["field": "action"])
            }
            try await ComplaintService(dependencies).act(command, on: id, answer: String((f["answer"] ?? "").prefix(5000)), by: actor)
            return .redirect(to: "/complaints", type: .normal)
        } catch let error as DomainError where error.code.category != .unavailable {
            return try await renderList(
                actor, context: context,
                errors: [.init(field: "answer-\(id)", message: error.message(in: context.language) + (error.ref.map { " \($0)" } ?? ""))],
                status: ErrorMiddleware.status(error.code.category))
        }
    }
}
