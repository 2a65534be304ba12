import BilimCore
import BilimServices
import BilimStore
import Foundation
import HTTPTypes
import Hummingbird

/// The college's admission pages: the applicants to its programs with special or creative exams or psychometric
/// testing (003 §32), their registration with the accommodations asked for (003 §38), the marks sent to the
/// competition (003 §48); then those admitted, their contracts, and the dormitory and meals decisions (003 §12).
struct AdmissionExamPagesController {
    let dependencies: ServiceDependencies
    let renderer: Renderer

    func add(to router: Router<BilimRequestContext>) {
        router.behind(.college, dependencies)
            .get("/admission/exams", use: page)
            .post("/admission/exams/register", use: register)
            .post("/admission/exams/marks", use: marks)
            .get("/admission/admitted", use: admitted)
            .post("/admission/admitted/support", use: support)
    }

    struct AdmittedRow {
        let key: String
        let applicationId: String
        let program: String
        let applicant: String
        let score: String
        let contract: String
        let dormitory: String
        let meals: String
        let askedDormitory: Bool
        let askedMeals: Bool
        let canDecide: Bool
    }

    struct AdmittedPage {
        let page: PageChrome
        let heading: String
        let notice: String?
        let hasNotice: Bool
        let errors: [FieldError]
        let hasErrors: Bool
        let rows: [AdmittedRow]
        let hasRows: Bool
    }

    @Sendable func admitted(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let done = request.uri.queryParameters["done"] != nil
        return try await renderAdmitted(actor, context: context, notice: done ? "admission_admitted_saved" : nil, errors: [])
    }

    func renderAdmitted(_ actor: Actor, context: BilimRequestContext, notice: String?, errors: [FieldError], status: HTTPResponse.Status = .ok)
        async throws -> Response
    {
        let lang = context.language
        let t = renderer.text
        let db = dependencies.database.sql
        let outcomes = AdmissionOutcomeRepository(db: db)
        let programs = try await AdmissionRepository(db: db).programs(year: dependencies.today.year, region: actor.regionCode ?? "")
            .filter { $0.organizationId == actor.organizationId }
        let codes = Dictionary(uniqueKeysWithValues: programs.map { ($0.id, $0.code) })
        var rows: [AdmittedRow] = []
        for r in try await outcomes.results(year: dependencies.today.year, region: actor.regionCode ?? "") {
            guard let p = r.programId, let code = codes[p], let app = try await outcomes.application(id: r.applicationId) else { continue }
            let person = try await ReferenceRepository(db: db).person(iin: app.applicantIin).map { "\($0.surname) \($0.givenName)" } ?? ""
            rows.append(
                AdmittedRow(
                    key: "\(rows.count)", applicationId: r.applicationId, program: code, applicant: "\(person) (\(IINMask.mask(app.applicantIin)))",
                    score: AllocationExplanation.text(r.score), contract: t("admission_contract_\(r.contractStatus ?? "pending")", lang),
                    dormitory: AdmissionMessage.supportState(r.dormitory)[lang], meals: AdmissionMessage.supportState(r.meals)[lang],
                    askedDormitory: r.dormitory != nil, askedMeals: r.meals != nil,
                    canDecide: r.contractStatus != "expired" && (r.dormitory != nil || r.meals != nil)))
        }
        let heading = t("admission_admitted_title", lang)
        return renderer.html(
            "admission-admitted",
            AdmittedPage(
                page: PageChrome(title: heading, context: context, text: t, path: "/admission/admitted"), heading: heading,
                notice: notice.map { t($0, lang) }, hasNotice: notice != nil, errors: errors, hasErrors: !errors.isEmpty, rows: rows,
                hasRows: !rows.isEmpty),
            status: status)
    }

    @Sendable func support(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let f = try await Forms.fields(request: request, context: context)
        func decision(_ name: String) -> Bool? { f[name].flatMap { $0 == "granted" ? true : $0 == "refused" ? false : nil } }
        do {
            _ = try await AdmissionResults(dependencies).decideSupport(
                f["application"] ?? "", dormitory: decision("dormitory"), meals: decision("meals"), by: actor)
            return .redirect(to: "/admission/admitted?done=1", type: .normal)
        } catch let error as DomainError where error.code.category == .validation || error.code.category == .conflict || error.code.category == .forbidden {
            let message = error.message(in: context.language) + (error.ref.map { " \($0)" } ?? "")
            return try await renderAdmitted(
                actor, context: context, notice: nil, errors: [.init(field: "admitted", message: message)], status: ErrorMiddleware.status(error.code.category))
        }
    }

    struct Row {
        let key: String
        let applicationId: String
        let program: String
        let applicant: String
        let choice: Int
        let registered: Bool
        let unregistered: Bool
        let accommodations: String
        let result: String
        let psychometric: Bool
        let withMarks: Bool
    }

    struct Page {
        let page: PageChrome
        let heading: String
        let notice: String?
        let hasNotice: Bool
        let errors: [FieldError]
        let hasErrors: Bool
        let rows: [Row]
        let hasRows: Bool
    }


    @Sendable func page(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let done = request.uri.queryParameters["done"].map(String.init)
        return try await render(actor, context: context, notice: done.flatMap { ["registered": "admission_exams_registered", "marks": "admission_exams_marked"][$0] }, errors: [])
    }

    func render(_ actor: Actor, context: BilimRequestContext, notice: String?, errors: [FieldError], status: HTTPResponse.Status = .ok) async throws
        -> Response
    {
        let lang = context.language
        let t = renderer.text
        let db = dependencies.database.sql
        let outcomes = AdmissionOutcomeRepository(db: db)
        var rows: [Row] = []
        for c in try await outcomes.examCandidates(year: dependencies.today.year, organizationId: actor.organizationId ?? "") {
            let exam = try await outcomes.exam(applicationId: c.applicationId, programId: c.programId)
            let person = try await ReferenceRepository(db: db).person(iin: c.applicantIin).map { "\($0.surname) \($0.givenName)" } ?? ""
            let accommodations = (exam.flatMap { try? JSONDecoder().decode([String].self, from: Data($0.accommodations.utf8)) } ?? [])
                .map { t("admission_accommodation_\($0)", lang) }.joined(separator: ", ")
            var result = "—"
            if let p = exam?.psychometricPassed { result = t(p != 0 ? "admission_psychometric_passed" : "admission_psychometric_failed", lang) }
            if let m = exam?.marks.flatMap({ try? JSONDecoder().decode([Int].self, from: Data($0.utf8)) }) {
                result = m.map(AllocationExplanation.text).joined(separator: ", ")
            }
            rows.append(
                Row(
                    key: "\(c.programCode)-\(rows.count)", applicationId: c.applicationId, program: c.programCode,
                    applicant: "\(person) (\(IINMask.mask(c.applicantIin)))", choice: c.position, registered: exam != nil, unregistered: exam == nil,
                    accommodations: accommodations, result: result, psychometric: c.exam == EntranceExam.psychometric.rawValue,
                    withMarks: c.exam != EntranceExam.psychometric.rawValue))
        }
        let heading = t("admission_exams_title", lang)
        return renderer.html(
            "admission-exams",
            Page(
                page: PageChrome(title: heading, context: context, text: t, path: "/admission/exams"), heading: heading,
                notice: notice.map { t($0, lang) }, hasNotice: notice != nil, errors: errors, hasErrors: !errors.isEmpty, rows: rows,
                hasRows: !rows.isEmpty),
            status: status)
    }

    func attempt(_ context: BilimRequestContext, _ actor: Actor, done: String, _ body: () async throws -> Void) async throws -> Response {
        do {
            try await body()
            return .redirect(to: "/admission/exams?done=\(done)", type: .normal)
        } catch let error as DomainError where error.code.category == .validation || error.code.category == .conflict {
            let message = error.message(in: context.language) + (error.ref.map { " \($0)" } ?? "")
            return try await render(
                actor, context: context, notice: nil, errors: [.init(field: "exams", message: message)], status: ErrorMiddleware.status(error.code.category))
        }
    }

    @Sendable func register(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let f = try await Forms.fields(request: request, context: context)
        let accommodations = ExamAccommodation.allCases.map(\.rawValue).filter { f["acc_\($0)"] == "1" }
        return try await attempt(context, actor, done: "registered") {
            _ = try await AdmissionExams(dependencies).register(
                ExamRegistrationInput(applicationId: f["application"] ?? "", program: f["program"] ?? "", accommodations: accommodations), by: actor)
        }
    }

    @Sendable func marks(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let f = try await Forms.fields(request: request, context: context)
        // Marks are typed as "4.5 5" or "4.5, 5"; a psychometric test is passed or failed.
        let marks = f["marks"].map { $0.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }).map(String.init) }
        return try await attempt(context, actor, done: "marks") {
            _ = try await AdmissionExams(dependencies).enterMarks(
                ExamMarksInput(
                    applicationId: f["application"] ?? "", program: f["program"] ?? "", marks: f["psychometric"] == nil ? marks : nil,
                    psychometric: f["psychometric"]), by: actor)
        }
    }
}
