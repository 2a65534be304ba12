import BilimCore
import BilimServices
import BilimStore
import Foundation
import Hummingbird

/// TVET admission (S4) after the applications: exams, commissions, the run on the stored applications, the
/// published results, contracts, redistribution, and the dormitory and meals decisions.
struct APIAdmissionOutcomesController {
    let dependencies: ServiceDependencies

    func add(to router: Router<BilimRequestContext>) {
        router.behind(.college, dependencies)
            .post("/api/v1/admission/exams/registrations", use: registerExam)
            .post("/api/v1/admission/exams/marks", use: enterMarks)
            .post("/api/v1/admission/commissions/meetings", use: meet)
            .get("/api/v1/admission/commissions/meetings/{id}", use: meeting)
            .post("/api/v1/admission/commissions/meetings/{id}/decisions", use: decide)
        router.behind(.department, dependencies)
            .post("/api/v1/admission/runs/from-applications", use: runOnApplications)
            .get("/api/v1/admission/run-progress/{id}", use: runProgress)
            .post("/api/v1/admission/runs/{id}/publish", use: publish)
            .get("/api/v1/admission/lists", use: lists)
            .get("/api/v1/admission/redistribution", use: redistribution)
        router.behind(.applicant, dependencies)
            .get("/api/v1/admission/applications/{id}/result", use: result)
        router.behind(.providerStaff, dependencies)
            .post("/api/v1/admission/applications/{id}/support", use: decideSupport)
    }


    // MARK: Exams (003 §32) (003 §38) (003 §48)

    struct ExamBody: Encodable {
        let applicationId: String
        let program: String
        let accommodations: [String]
        let marks: [String]?
        let psychometric: String?
    }

    func body(_ r: AdmissionExamRow, program: String) -> ExamBody {
        ExamBody(
            applicationId: r.applicationId, program: program,
            accommodations: (try? JSONDecoder().decode([String].self, from: Data(r.accommodations.utf8))) ?? [],
            marks: r.marks.flatMap { try? JSONDecoder().decode([Int].self, from: Data($0.utf8)) }?.map(AllocationExplanation.text),
            psychometric: r.psychometricPassed.map { $0 != 0 ? "passed" : "failed" })
    }

    @Sendable func registerExam(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let input = try await JSON.decode(ExamRegistrationInput.self, request: request, context: context)
        let row = try await AdmissionExams(dependencies).register(input, by: actor)
        return try JSON.response(body(row, program: input.program), status: .created)
    }

    @Sendable func enterMarks(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let input = try await JSON.decode(ExamMarksInput.self, request: request, context: context)
        return try JSON.response(body(try await AdmissionExams(dependencies).enterMarks(input, by: actor), program: input.program))
    }

    // MARK: Commissions (003 §6)

    struct MeetingBody: Encodable {
        let id: String
        let kind: String
        let final: Bool
        let heldOn: String
        let members: [MeetingInput.Member]
        let present: [String]
        let record: String
        let retainUntil: String
        let decisions: [DecisionBody]
    }

    struct DecisionBody: Encodable {
        let id: String
        let subject: String
        let votes: [DecisionInput.Ballot]
        let adopted: Bool
        let yes: Int
        let no: Int
        let chairDecided: Bool
    }

    func body(_ d: CommissionDecisionRow) -> DecisionBody {
        DecisionBody(
            id: d.id, subject: d.subject, votes: (try? JSONDecoder().decode([DecisionInput.Ballot].self, from: Data(d.votes.utf8))) ?? [],
            adopted: d.adopted != 0, yes: d.yes, no: d.no, chairDecided: d.chairDecided != 0)
    }

    func body(_ m: CommissionMeetingRow, decisions: [CommissionDecisionRow]) -> MeetingBody {
        MeetingBody(
            id: m.id, kind: m.kind, final: m.final != 0, heldOn: m.heldOn,
            members: (try? JSONDecoder().decode([MeetingInput.Member].self, from: Data(m.members.utf8))) ?? [],
            present: (try? JSONDecoder().decode([String].self, from: Data(m.present.utf8))) ?? [], record: m.recordRef, retainUntil: m.retainUntil,
            decisions: decisions.map(body))
    }

    @Sendable func meet(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let input = try await JSON.decode(MeetingInput.self, request: request, context: context)
        return try JSON.response(body(try await Commissions(dependencies).meet(input, by: actor), decisions: []), status: .created)
    }

    @Sendable func meeting(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let id = context.parameters.get("id") ?? ""
        let c = Commissions(dependencies)
        return try JSON.response(body(try await c.meeting(id, by: actor), decisions: try await c.decisions(id, by: actor)))
    }

    @Sendable func decide(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let input = try await JSON.decode(DecisionInput.self, request: request, context: context)
        return try JSON.response(body(try await Commissions(dependencies).decide(context.parameters.get("id") ?? "", input, by: actor)), status: .created)
    }

    // MARK: The competition on the applications, its publication and what follows

    /// JSON only, so that a cross-site form cannot start a run; `?id=` names the run's progress for the page's bar.
    @Sendable func runOnApplications(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true else {
            throw DomainError(.requestInvalid, field: "Content-Type", ["field": "Content-Type"])
        }
        return try JSON.response(
            try await CompetitionRuns(dependencies).runOnApplications(by: actor, progressId: request.uri.queryParameters["id"].map(String.init)),
            status: .created)
    }

    struct ProgressBody: Encodable {
        let status: String
        let done: Int
        let total: Int
        let runId: String?
    }

    @Sendable func runProgress(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        switch await RunProgress.shared.state(context.parameters.get("id") ?? "", owner: actor.userId) {
        case .scoring(let done, let total)?: return try JSON.response(ProgressBody(status: "scoring", done: done, total: total, runId: nil))
        case .allocating?: return try JSON.response(ProgressBody(status: "allocating", done: 1, total: 1, runId: nil))
        case .finished(let id)?: return try JSON.response(ProgressBody(status: "finished", done: 1, total: 1, runId: id))
        case .failed?: return try JSON.response(ProgressBody(status: "failed", done: 0, total: 0, runId: nil))
        case nil: throw DomainError(.pageNotFound)
        }
    }

    struct PublishInput: Decodable {
        let base: EducationBase
    }

    struct PublishedBody: Encodable {
        let run: String
        let base: String
        let applicants: Int
    }

    @Sendable func publish(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let input = try await JSON.decode(PublishInput.self, request: request, context: context)
        let id = context.parameters.get("id") ?? ""
        let n = try await AdmissionResults(dependencies).publish(runId: id, base: input.base, by: actor)
        return try JSON.response(PublishedBody(run: id, base: input.base.rawValue, applicants: n), status: .created)
    }

    @Sendable func lists(_ request: Request, context: BilimRequestContext) async throws -> Response {
        try JSON.response(try await AdmissionResults(dependencies).lists(by: try context.signedIn))
    }

    @Sendable func redistribution(_ request: Request, context: BilimRequestContext) async throws -> Response {
        try JSON.response(try await AdmissionResults(dependencies).redistribution(by: try context.signedIn))
    }

    @Sendable func result(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        guard let r = try await AdmissionResults(dependencies).result(context.parameters.get("id") ?? "", by: actor) else {
            throw DomainError(.pageNotFound)
        }
        return try JSON.response(r)
    }

    struct SupportInput: Decodable {
        let dormitory: Bool?
        let meals: Bool?
    }

    @Sendable func decideSupport(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let input = try await JSON.decode(SupportInput.self, request: request, context: context)
        return try JSON.response(
            try await AdmissionResults(dependencies).decideSupport(
                context.parameters.get("id") ?? "", dormitory: input.dormitory, meals: input.meals, by: actor))
    }
}
