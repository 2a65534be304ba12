import BilimCore
import BilimServices
import BilimStore
import Foundation
import HTTPTypes
import Hummingbird

/// The education department's competition page: the run on the stored applications (003 §54), its publication on
/// 23 and 25 August (003 §64), and the places for redistribution by 29 August (003 §63).
struct AdmissionCompetitionPagesController {
    let dependencies: ServiceDependencies
    let renderer: Renderer

    func add(to router: Router<BilimRequestContext>) {
        router.behind(.department, dependencies)
            .get("/admission/competition", use: page)
            .post("/admission/competition/run", use: run)
            .post("/admission/competition/publish", use: publish)
    }

    struct RunLine {
        let id: String
        let createdAt: String
        let applicants: Int
        let admitted: Int
        let notFormed: Int
        let wallMs: Int
        let digest: String
    }

    struct Publication {
        let base: String
        let label: String
        let day: String
        let published: Bool
        let canPublish: Bool
    }

    struct Place {
        let program: String
        let seats: Int
        let status: String
        let holding: Int
        let signed: Int
        let free: Int
    }

    struct Page {
        let page: PageChrome
        let heading: String
        let notice: String?
        let hasNotice: Bool
        let error: String?
        let hasError: Bool
        let runs: [RunLine]
        let hasRuns: Bool
        let latest: String
        let publications: [Publication]
        let places: [Place]
        let hasPlaces: Bool
        let unplaced: Int
        let deadline: String
    }


    @Sendable func page(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let done = request.uri.queryParameters["done"].map(String.init)
        return try await render(actor, context: context, notice: done.flatMap { ["run": "admission_competition_run_done", "published": "admission_competition_published_done"][$0] }, error: nil)
    }

    func render(_ actor: Actor, context: BilimRequestContext, notice: String?, error: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let lang = context.language
        let t = renderer.text
        let db = dependencies.database.sql
        let year = dependencies.today.year
        let region = actor.regionCode ?? ""
        let runs = try await AdmissionRepository(db: db).runs(year: year, region: region)
        let outcomes = AdmissionOutcomeRepository(db: db)
        var publications: [Publication] = []
        for base in EducationBase.allCases {
            let day = AdmissionSchedule.publicationDay(base: base, year: year)
            let published = try await outcomes.publication(year: year, region: region, base: base.rawValue) != nil
            publications.append(
                Publication(
                    base: base.rawValue, label: t("base_\(base.rawValue)", lang), day: day.iso, published: published,
                    canPublish: !published && runs.contains { $0.source == "applications" }))
        }
        let redistribution = try await AdmissionResults(dependencies).redistribution(by: actor)
        let heading = t("admission_competition_title", lang).replacing("{year}", with: String(year))
        return renderer.html(
            "admission-competition",
            Page(
                page: PageChrome(title: heading, context: context, text: t, path: "/admission/competition"), heading: heading,
                notice: notice.map { t($0, lang) }, hasNotice: notice != nil, error: error, hasError: error != nil,
                runs: runs.map {
                    RunLine(
                        id: $0.id, createdAt: dependencies.localTime.minuteText($0.createdAt), applicants: $0.applicants, admitted: $0.admitted,
                        notFormed: $0.notFormed, wallMs: $0.wallMs, digest: String($0.outputSha256.prefix(16)))
                }, hasRuns: !runs.isEmpty, latest: runs.first { $0.source == "applications" }?.id ?? "", publications: publications,
                places: redistribution.programs.map {
                    Place(program: $0.program, seats: $0.seats, status: t("admission_status_\($0.status)", lang), holding: $0.holding, signed: $0.signed, free: $0.free)
                }, hasPlaces: !redistribution.programs.isEmpty, unplaced: redistribution.unplaced.count, deadline: redistribution.deadline),
            status: status)
    }

    @Sendable func run(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        _ = try await Forms.fields(request: request, context: context)
        _ = try await CompetitionRuns(dependencies).runOnApplications(by: actor)
        return .redirect(to: "/admission/competition?done=run", type: .normal)
    }

    @Sendable func publish(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let fields = try await Forms.fields(request: request, context: context)
        do {
            guard let base = EducationBase(rawValue: fields["base"] ?? "") else { throw DomainError(.requestInvalid, field: "base", ["field": "base"]) }
            _ = try await AdmissionResults(dependencies).publish(runId: fields["run"] ?? "", base: base, by: actor)
            return .redirect(to: "/admission/competition?done=published", type: .normal)
        } catch let error as DomainError where error.code.category == .validation || error.code.category == .conflict {
            let message = error.message(in: context.language) + (error.ref.map { " \($0)" } ?? "")
            return try await render(actor, context: context, notice: nil, error: message, status: ErrorMiddleware.status(error.code.category))
        }
    }
}
