import BilimCore
import BilimServices
import Foundation
import Hummingbird
import Logging

/// The IIN check and the calendar as JSON: the same contracts as `bilim iin check` and `bilim calendar …`.
struct APIToolController {
    let dependencies: ServiceDependencies

    func add(to router: Router<BilimRequestContext>) {
        router.post("/api/v1/iin/check", use: iinCheck)
        router.get("/api/v1/calendar/non-working", use: nonWorking)
        router.post("/api/v1/calendar/deadline", use: deadline)
        router.behind(.administrator, dependencies)
            .post("/api/v1/admin/sign-in-locks/lift", use: liftLock)
    }

    struct LiftRequest: Decodable { let login: String }

    /// The administrator lifts a staff login's sign-in lock-out.
    @Sendable func liftLock(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let body = try await JSON.decode(LiftRequest.self, request: request, context: context)
        let lifted = try await StaffSignIn(database: dependencies.database, clock: dependencies.clock).lift(login: body.login, by: actor)
        context.logger.notice("sign-in lock-out lifted", metadata: ["login.pseudonym": .string(Pseudonym.of(body.login)), "lifted": .string("\(lifted)")])
        return try JSON.response(["lifted": lifted])
    }

    struct IINRequest: Decodable { let iin: String }

    struct IINAnswer: Encodable {
        let valid: Bool
        let birthDate: String?
        let sex: String?
    }

    /// The IIN travels in the body, never in the URL, so it stays out of access logs.
    @Sendable func iinCheck(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let body = try await JSON.decode(IINRequest.self, request: request, context: context)
        let iin = try IIN(body.iin, today: dependencies.today)
        return try JSON.response(IINAnswer(valid: true, birthDate: iin.birthDate.iso, sex: iin.sex.rawValue))
    }

    @Sendable func nonWorking(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let from = try Self.date(request, "from")
        let to = try Self.date(request, "to")
        let days = try await dependencies.calendars.calendar().nonWorkingDays(from: from, to: to)
        return try JSON.response(days.map(\.iso))
    }

    struct DeadlineRequest: Decodable {
        let registered: String
        let channel: String
        let workingDays: Int?
        let calendarDays: Int?
    }

    struct DeadlineAnswer: Encodable {
        let registeredOn: String
        let deadline: String
    }

    @Sendable func deadline(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let body = try await JSON.decode(DeadlineRequest.self, request: request, context: context)
        guard let moment = dependencies.localTime.parseMoment(body.registered) else {
            throw DomainError(.dateMalformed, field: "registered", ["value": String(body.registered.prefix(40))])
        }
        guard let channel = Channel(rawValue: body.channel) else { throw DomainError(.fieldRequired, field: "channel") }
        let term: Term
        switch (body.workingDays, body.calendarDays) {
        case (let w?, nil): term = try Term(days: w, unit: .working)
        case (nil, let c?): term = try Term(days: c, unit: .calendar)
        default: throw DomainError(.fieldRequired, field: "workingDays")
        }
        let calendar = try await dependencies.calendars.calendar()
        let registered = try Registration.registrationDay(submittedAt: moment, calendar: calendar)
        let deadline = try term.deadline(registeredOn: registered, channel: channel, calendar: calendar, acceptedOn: moment.date)
        return try JSON.response(DeadlineAnswer(registeredOn: registered.iso, deadline: deadline.iso))
    }

    static func date(_ request: Request, _ name: String) throws -> CivilDate {
        guard let raw = request.uri.queryParameters[Substring(name)] else { throw DomainError(.fieldRequired, field: name) }
        guard let d = CivilDate(iso: raw) else {
            throw DomainError(.dateMalformed, field: name, ["value": String(raw.prefix(40))])
        }
        return d
    }
}
