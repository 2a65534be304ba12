import BilimCore
import BilimServices
import BilimStore
import Foundation
import Hummingbird

/// The State Corporation's logistics: courier registries to providers in two copies, at least two runs a day
/// (004 §54) (004 §55), and results kept past their month, due back to the provider (004 §62). Pages and JSON.
struct CourierController {
    let dependencies: ServiceDependencies
    let renderer: Renderer

    func add(to router: Router<BilimRequestContext>) {
        router.behind(.operatorDesk, dependencies)
            .get("/courier", use: page)
            .post("/courier", use: formPage)
            .get("/api/v1/courier", use: overview)
            .post("/api/v1/courier/registries", use: formAPI)
        // The office that sent it and the provider it went to; the use case answers 404 to anyone else.
        router.behind(.signedIn, dependencies)
            .get("/courier/registries/{number}", use: printPage)
            .get("/api/v1/courier/registries/{number}", use: registryAPI)
    }

    struct Overview: Encodable {
        struct Waiting: Encodable {
            let providerId: String
            let provider: String
            let cases: [String]
        }

        struct Registry: Encodable {
            let number: String
            let providerId: String
            let formedOn: String
            let run: Int
        }

        let runsToday: Int
        let waiting: [Waiting]
        let dueForReturn: [APICaseController.CaseSummary]
        let registries: [Registry]
    }

    func overview(for actor: Actor, lang: Language) async throws -> Overview {
        let db = dependencies.database.sql
        let courier = CourierRepository(db: db)
        let office = actor.organizationId ?? ""
        let ref = ReferenceRepository(db: db)
        var groups: [String: [String]] = [:]
        for c in try await courier.waiting(officeId: office) { groups[c.providerId, default: []].append(c.registrationNumber) }
        var waiting: [Overview.Waiting] = []
        for (provider, cases) in groups.sorted(by: { $0.key < $1.key }) {
            waiting.append(.init(providerId: provider, provider: try await ref.organization(id: provider)?.name[lang] ?? provider, cases: cases))
        }
        return Overview(
            runsToday: try await courier.runs(officeId: office, on: dependencies.today), waiting: waiting,
            dueForReturn: try await courier.dueForReturn(officeId: office, today: dependencies.today).map {
                APICaseController.CaseSummary($0, today: dependencies.today)
            },
            registries: try await courier.registries(officeId: office).map {
                .init(number: $0.number, providerId: $0.providerId, formedOn: $0.formedOn, run: $0.run)
            })
    }

    @Sendable func overview(_ request: Request, context: BilimRequestContext) async throws -> Response {
        try JSON.response(try await overview(for: try context.signedIn, lang: context.language))
    }

    struct FormBody: Decodable { let providerId: String }

    @Sendable func formAPI(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let body = try await JSON.decode(FormBody.self, request: request, context: context)
        let row = try await CourierDispatch(dependencies).form(providerId: body.providerId, by: actor)
        return try JSON.response(try await registryAnswer(row), status: .created)
    }

    struct RegistryAnswer: Encodable {
        let number: String
        let officeId: String
        let providerId: String
        let formedOn: String
        let run: Int
        let cases: [String]
    }

    func registryAnswer(_ r: CourierRegistryRow) async throws -> RegistryAnswer {
        let cases = try await CourierRepository(db: dependencies.database.sql).cases(registryId: r.id)
        return RegistryAnswer(
            number: r.number, officeId: r.officeId, providerId: r.providerId, formedOn: r.formedOn, run: r.run,
            cases: cases.map(\.registrationNumber))
    }

    /// The registry for its office and for the provider it goes to.
    func visibleRegistry(_ number: String, actor: Actor) async throws -> CourierRegistryRow {
        guard let r = try await CourierRepository(db: dependencies.database.sql).registry(number: number),
            actor.organizationId.map({ $0 == r.officeId || $0 == r.providerId }) ?? false || actor.role == .administrator
        else { throw DomainError(.caseNotFound, field: "number") }
        return r
    }

    @Sendable func registryAPI(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let r = try await visibleRegistry(context.parameters.get("number") ?? "", actor: try context.signedIn)
        return try JSON.response(try await registryAnswer(r))
    }

    struct CourierPage {
        let page: PageChrome
        let heading: String
        let overview: Overview
        let runsNote: String
        let fewRuns: Bool
        let hasWaiting: Bool
        let hasDue: Bool
        let hasRegistries: Bool
        let errors: [FieldError]
        let hasErrors: Bool
    }

    @Sendable func page(_ request: Request, context: BilimRequestContext) async throws -> Response {
        return try await render(try context.signedIn, context: context, errors: [])
    }

    func render(_ actor: Actor, context: BilimRequestContext, errors: [FieldError], status: HTTPResponse.Status = .ok) async throws
        -> Response
    {
        let lang = context.language
        let t = renderer.text
        let o = try await overview(for: actor, lang: lang)
        let heading = t("courier_title", lang)
        return renderer.html(
            "courier",
            CourierPage(
                page: PageChrome(title: heading, context: context, text: t, path: "/courier"), heading: heading, overview: o,
                runsNote: t("courier_runs", lang).replacing("{count}", with: String(o.runsToday)), fewRuns: o.runsToday < 2,
                hasWaiting: !o.waiting.isEmpty, hasDue: !o.dueForReturn.isEmpty, hasRegistries: !o.registries.isEmpty,
                errors: errors, hasErrors: !errors.isEmpty),
            status: status)
    }

    @Sendable func formPage(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let fields = try await Forms.fields(request: request, context: context)
        do {
            let row = try await CourierDispatch(dependencies).form(providerId: fields["providerId"] ?? "", by: actor)
            return .redirect(to: "/courier/registries/\(row.number)", type: .normal)
        } catch let error as DomainError where error.code.category != .unavailable {
            return try await render(
                actor, context: context, errors: [.init(field: "waiting", message: error.message(in: context.language))],
                status: ErrorMiddleware.status(error.code.category))
        }
    }

    struct PrintPage {
        struct Line {
            let index: Int
            let number: String
            let service: String
            let registeredOn: String
            let deadline: String
        }

        let lang: String
        let title: String
        let t: [String: String]
        let number: String
        let office: String
        let provider: String
        let formedOn: String
        let run: Int
        let lines: [Line]
        let count: Int
        let copies: [DeskController.ReceiptPage.Copy]
    }

    @Sendable func printPage(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let r = try await visibleRegistry(context.parameters.get("number") ?? "", actor: try context.signedIn)
        let lang = context.language
        let t = renderer.text
        let ref = ReferenceRepository(db: dependencies.database.sql)
        let cases = try await CourierRepository(db: dependencies.database.sql).cases(registryId: r.id)
        return renderer.html(
            "courier-registry",
            PrintPage(
                lang: lang.rawValue, title: t("courier_registry", lang), t: t.table(lang), number: r.number,
                office: try await ref.organization(id: r.officeId)?.name[lang] ?? r.officeId,
                provider: try await ref.organization(id: r.providerId)?.name[lang] ?? r.providerId, formedOn: r.formedOn,
                run: r.run,
                lines: cases.enumerated().map {
                    .init(index: $0.offset + 1, number: $0.element.registrationNumber, service: $0.element.service,
                          registeredOn: $0.element.registeredOn, deadline: $0.element.deadline)
                },
                count: cases.count, copies: [.init(label: "1"), .init(label: "2")]))
    }
}
