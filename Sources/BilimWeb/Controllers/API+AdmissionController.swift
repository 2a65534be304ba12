import BilimCore
import BilimServices
import BilimStore
import Foundation
import Hummingbird

/// TVET admission (S4) as JSON: the education department's programs of its region.
struct APIAdmissionController {
    let dependencies: ServiceDependencies
    let gateway: any SMSGateway

    func add(to router: Router<BilimRequestContext>) {
        router.behind(.department, dependencies)
            .post("/api/v1/admission/programs/import", use: importPrograms)
            .get("/api/v1/admission/imports/{id}", use: importState)
            .get("/api/v1/admission/programs", use: programs)
            .get("/api/v1/admission/specialties/subjects", use: specialties)
            .post("/api/v1/admission/specialties/subjects", use: correctSpecialty)
            .post("/api/v1/admission/runs", use: run)
            .get("/api/v1/admission/runs/{id}", use: runSummary)
            .get("/api/v1/admission/runs/{id}/input", use: runInput)
            .get("/api/v1/admission/runs/{id}/result", use: runResult)
            .post("/api/v1/admission/runs/{id}/rerun", use: rerun)
            .get("/api/v1/admission/runs/{id}/explanations/{applicant}", use: explanation)
        router.behind(.applicant, dependencies)
            .post("/api/v1/admission/applications", use: apply)
            .get("/api/v1/admission/applications", use: applications)
            .post("/api/v1/admission/applications/confirmations", use: prepareConfirmation)
        router.behind(.providerStaff, dependencies)
            .post("/api/v1/admission/applications/desk", use: applyAtDesk)
            .post("/api/v1/admission/applications/desk/confirmations", use: prepareDeskConfirmation)
    }

    // MARK: Applications

    struct ApplicationBody: Encodable {
        let id: String
        let year: Int
        let applicantIIN: String
        let documentId: String
        let base: String
        let choices: [String]
        let quotaCategory: String?
        let outOfCompetition: Bool
        let dormitory: Bool
        let meals: Bool
        let documents: [String]
        let status: String
        let createdAt: String
        /// The published result (003 §64), the contract and the dormitory and meals decisions (003 §12).
        let result: AdmissionResultView?
    }

    func body(_ r: AdmissionApplicationRow) async throws -> ApplicationBody {
        ApplicationBody(
            id: r.id, year: r.year, applicantIIN: r.applicantIin, documentId: r.documentId, base: r.base,
            choices: try await AdmissionRepository(db: dependencies.database.sql).choices(applicationId: r.id), quotaCategory: r.quotaCategory,
            outOfCompetition: r.outOfCompetition != 0, dormitory: r.dormitory != 0, meals: r.meals != 0,
            documents: (try? JSONDecoder().decode([String].self, from: Data(r.documents.utf8))) ?? [], status: r.status, createdAt: r.createdAt,
            result: try await AdmissionOutcomeRepository(db: dependencies.database.sql).result(applicationId: r.id).asyncMap {
                try await AdmissionResults(dependencies).view($0)
            } ?? nil)
    }

    /// The application's fields with the confirmation of its content.
    /// An application's fields with its `confirmation` beside them, in one JSON object.
    struct Confirmed<Input: Decodable>: Decodable {
        let input: Input
        let confirmation: ConfirmationBody?

        enum Keys: String, CodingKey { case confirmation }

        init(from decoder: any Decoder) throws {
            input = try Input(from: decoder)
            confirmation = try decoder.container(keyedBy: Keys.self).decodeIfPresent(ConfirmationBody.self, forKey: .confirmation)
        }
    }

    /// One application with up to four ranked choices, and the dormitory and meals requests, confirmed by a one-time
    /// code or an EDS over its content. (003 §12) (003 Annex 1 item 8)
    @Sendable func apply(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let b = try await JSON.decode(Confirmed<AdmissionApplicationInput>.self, request: request, context: context)
        var input = b.input
        if input.language == nil { input.language = context.language }
        return try JSON.response(
            try await body(try await AdmissionIntake(dependencies).apply(input, by: actor, confirmation: try b.confirmation?.proof())), status: .created)
    }

    struct PrepareBody: Decodable {
        let method: String
        let application: AdmissionApplicationInput
    }

    /// A challenge over the application's content: a one-time code by SMS, or the text for an EDS to sign.
    @Sendable func prepareConfirmation(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let b = try await JSON.decode(PrepareBody.self, request: request, context: context)
        // Whom the applicant acts for is a property of the request's body, not of the route.
        guard CaseAccess.canApply(actor, for: b.application.applicantIIN) else { throw DomainError(.forbidden, field: "applicantIIN") }
        let prepared = try await ApplicationConfirmation(dependencies).prepare(b.application.content, method: b.method, actor: actor, gateway: gateway)
        return try JSON.response(prepared, status: .created)
    }

    struct DeskAnswer: Encodable {
        let application: ApplicationBody?
        let receipt: APICaseController.ReceiptAnswer
    }

    struct DeskPrepareBody: Decodable {
        let method: String
        let application: DeskAdmissionInput
    }

    /// The applicant's own confirmation at the desk (003 §12): a one-time code to the phone registered for the
    /// applicant (not the staff member's), or the text for the applicant's EDS to sign.
    @Sendable func prepareDeskConfirmation(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let b = try await JSON.decode(DeskPrepareBody.self, request: request, context: context)
        let prepared = try await ApplicationConfirmation(dependencies).prepare(
            b.application.content(college: actor.organizationId ?? ""), method: b.method, actor: actor, gateway: gateway)
        return try JSON.response(prepared, status: .created)
    }

    /// At the college, for graduates of foreign institutions (003 §12): the application, confirmed by the applicant,
    /// with the receipt of acceptance, or the motivated refusal receipt (003 §18) (003 Annex 1 item 9).
    @Sendable func applyAtDesk(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let b = try await JSON.decode(Confirmed<DeskAdmissionInput>.self, request: request, context: context)
        var input = b.input
        if input.language == nil { input.language = context.language }
        let outcome = try await AdmissionDeskIntake(dependencies).apply(input, by: actor, confirmation: try b.confirmation?.proof())
        return try JSON.response(
            DeskAnswer(application: try await outcome.application.asyncMap { try await body($0) }, receipt: .init(outcome.receipt)), status: .created)
    }

    /// The applicant's own applications and their minor children's.
    @Sendable func applications(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        guard let me = actor.personIIN else { throw DomainError(.forbidden) }
        let repo = AdmissionRepository(db: dependencies.database.sql)
        var out: [ApplicationBody] = []
        for iin in [me] + actor.childrenIINs.sorted() {
            if let r = try await repo.application(year: ProgramCatalog(dependencies).year, applicantIIN: iin) { out.append(try await body(r)) }
        }
        return try JSON.response(out)
    }

    // MARK: Competition runs

    /// A run on an input in the contract's JSON (spec/allocation.md), stored with its output.
    @Sendable func run(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true else {
            throw DomainError(.requestInvalid, field: "Content-Type", ["field": "Content-Type"])
        }
        let buffer = try await Body.collect(request, context, limit: context.maxUploadSize)
        return try JSON.response(try await CompetitionRuns(dependencies).run(input: Array(buffer.readableBytesView), by: actor), status: .created)
    }

    @Sendable func runSummary(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        return try JSON.response(try await CompetitionRuns(dependencies).summary(context.parameters.get("id") ?? "", by: actor))
    }

    func raw(_ text: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The input snapshot, byte for byte as the run read it.
    @Sendable func runInput(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        return raw(try await CompetitionRuns(dependencies).find(context.parameters.get("id") ?? "", by: actor).input)
    }

    /// The output, as `bilim admission allocate` writes it.
    @Sendable func runResult(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        return raw(try await CompetitionRuns(dependencies).find(context.parameters.get("id") ?? "", by: actor).output)
    }

    @Sendable func rerun(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        return try JSON.response(try await CompetitionRuns(dependencies).rerun(context.parameters.get("id") ?? "", by: actor))
    }

    @Sendable func explanation(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        return try JSON.response(
            try await CompetitionRuns(dependencies).explanation(
                context.parameters.get("id") ?? "", applicant: context.parameters.get("applicant") ?? "", by: actor))
    }

    struct LineErrorBody: Encodable {
        let line: Int
        let code: String
        let field: String?
        let message: String
    }

    struct RefusedBody: Encodable {
        let code: String
        let message: String
        let importId: String
        let errors: [LineErrorBody]
    }

    static func refused(_ r: ProgramImportRefused, language: Language) -> RefusedBody {
        let lines = Set(r.errors.map(\.line)).count
        return RefusedBody(
            code: ErrorCode.importRefused.rawValue,
            message: DomainError(.importRefused, ["count": String(lines)]).message(in: language), importId: r.importId,
            errors: r.errors.map {
                LineErrorBody(line: $0.line, code: $0.error.code.rawValue, field: $0.error.field, message: $0.error.message(in: language))
            })
    }

    /// The file as `text/csv` (a cross-site form cannot send that type without the browser asking first).
    @Sendable func importPrograms(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        guard request.headers[.contentType]?.lowercased().hasPrefix("text/csv") == true else {
            throw DomainError(.requestInvalid, field: "Content-Type", ["field": "Content-Type"])
        }
        let buffer = try await Body.collect(request, context, limit: context.maxUploadSize)
        guard let text = String(validating: buffer.readableBytesView, as: UTF8.self) else {
            throw DomainError(.requestInvalid, field: "file", ["field": "file (UTF-8)"])
        }
        do {
            let outcome = try await ProgramCatalog(dependencies).load(
                csv: text, filename: request.uri.queryParameters["filename"].map(String.init) ?? "programs.csv", by: actor,
                importId: request.uri.queryParameters["id"].map(String.init))
            return try JSON.response(outcome, status: .created)
        } catch let r as ProgramImportRefused {
            return try JSON.response(Self.refused(r, language: context.language), status: .unprocessableContent)
        }
    }

    struct StateBody: Encodable {
        let status: String
        let done: Int
        let total: Int
        let outcome: ProgramImportOutcome?
        let errors: [LineErrorBody]?
    }

    /// How far a file being loaded has got (for the progress bar).
    @Sendable func importState(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let id = context.parameters.get("id") ?? ""
        switch await ImportProgress.shared.state(id, owner: actor.userId) {
        case .running(let done, let total)?:
            return try JSON.response(StateBody(status: "running", done: done, total: total, outcome: nil, errors: nil))
        case .loaded(let o)?:
            return try JSON.response(StateBody(status: "loaded", done: o.programs, total: o.programs, outcome: o, errors: nil))
        case .refused(let errors)?:
            let body = Self.refused(ProgramImportRefused(importId: id, errors: errors), language: context.language)
            return try JSON.response(StateBody(status: "refused", done: 0, total: 0, outcome: nil, errors: body.errors))
        case .failed?:
            return try JSON.response(StateBody(status: "failed", done: 0, total: 0, outcome: nil, errors: nil))
        case nil:
            throw DomainError(.pageNotFound)
        }
    }

    struct ProgramBody: Encodable {
        struct Quota: Encodable {
            let category: String
            let seats: Int
        }

        let code: String
        let organizationId: String
        let specialty: String
        let qualification: String
        let base: String
        let language: String
        let studyForm: String
        let funding: String
        let level: String
        let exam: String
        let track: String?
        let seats: Int
        let rural: Bool
        let minGroupSize: Int
        let subjects: [String]
        let quotas: [Quota]
    }

    /// The region's subjects by specialty (003 §54), with where each list came from.
    @Sendable func specialties(_ request: Request, context: BilimRequestContext) async throws -> Response {
        try JSON.response(try await SpecialtyCatalog(dependencies).list(by: try context.signedIn))
    }

    /// A specialty's list corrected, with the reason; the year's programs of that specialty follow at once.
    @Sendable func correctSpecialty(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let correction = try await JSON.decode(SpecialtyCorrection.self, request: request, context: context)
        let programs = try await SpecialtyCatalog(dependencies).correct(correction, by: try context.signedIn)
        return try JSON.response(["programs": programs])
    }

    /// The department's programs of the year, with their reserves.
    @Sendable func programs(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        guard let region = actor.regionCode else { throw DomainError(.forbidden) }
        let repo = AdmissionRepository(db: dependencies.database.sql)
        var out: [ProgramBody] = []
        for p in try await repo.programs(year: ProgramCatalog(dependencies).year, region: region) {
            let track = EducationBase(rawValue: p.base).flatMap { base in
                StudyForm(rawValue: p.studyForm).flatMap { form in
                    Funding(rawValue: p.funding).flatMap { funding in
                        ProgramLevel(rawValue: p.level).flatMap { level in
                            EntranceExam(rawValue: p.exam).map {
                                AdmissionTrack.of(level: level, base: base, form: form, funding: funding, exam: $0, pedagogical: p.pedagogical != 0)
                            }
                        }
                    }
                }
            }
            out.append(
                ProgramBody(
                    code: p.code, organizationId: p.organizationId, specialty: p.specialty, qualification: p.qualification, base: p.base,
                    language: p.language, studyForm: p.studyForm, funding: p.funding, level: p.level, exam: p.exam, track: track?.rawValue,
                    seats: p.seats, rural: p.rural != 0, minGroupSize: p.minGroupSize,
                    subjects: (try? JSONDecoder().decode([String].self, from: Data(p.subjects.utf8))) ?? [],
                    quotas: try await repo.quotas(programId: p.id).map { .init(category: $0.code, seats: $0.seats) }))
        }
        return try JSON.response(out)
    }
}
