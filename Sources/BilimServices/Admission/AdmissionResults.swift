import BilimCore
import BilimStore
import Foundation
import SQLKit

/// An applicant's result as the cabinet shows it.
package struct AdmissionResultView: Encodable, Sendable {
    package let applicationId: String
    package let admitted: Bool
    package let program: String?
    package let organizationId: String?
    package let choice: Int?
    package let score: String
    package let publishedOn: String
    package let contractDue: String?
    package let contractStatus: String?
    package let dormitory: String?
    package let meals: String?
}

/// A program's places after the results and the contracts, for redistribution (003 §63).
package struct RedistributionProgram: Encodable, Sendable {
    package let program: String
    package let organizationId: String
    package let base: String
    package let seats: Int
    /// `formed`, `notFormed` or `empty`, as the competition ended.
    package let status: String
    /// Admitted with a contract signed or still open.
    package let holding: Int
    package let signed: Int
    package let free: Int
}

package struct Redistribution: Encodable, Sendable {
    package let year: Int
    package let region: String
    /// Free places, groups that did not form and unplaced applicants are redistributed by this day (003 §63).
    package let deadline: String
    package let programs: [RedistributionProgram]
    package let unplaced: [String]
}

/// A college's list of those who passed the competition (003 §63).
package struct CollegeList: Encodable, Sendable {
    package struct Entry: Encodable, Sendable {
        package let applicationId: String
        package let applicantIIN: String
        package let score: String
        package let choice: Int
        package let contractStatus: String
    }

    package struct Program: Encodable, Sendable {
        package let program: String
        package let specialty: String
        package let qualification: String
        package let level: String
        package let base: String
        package let admitted: [Entry]
    }

    package let organizationId: String
    package let programs: [Program]
}

/// Publishes the competition's results (003 §64), notifies every applicant by SMS and in the cabinet, and follows
/// the admitted applicants' education contracts (003 §12), the places they free (003 §63), and the dormitory and
/// meals decisions that come after the result (003 §12).
package struct AdmissionResults: Sendable {
    package let deps: ServiceDependencies

    package init(_ deps: ServiceDependencies) { self.deps = deps }

    /// The result line of one applicant in a run's stored output.
    static func assignments(_ output: String) -> [String: String?] {
        guard case .object(let top)? = try? StrictJSON.parse(Array(output.utf8)),
            case .object(let a)? = top.first(where: { $0.key == "assignments" })?.value
        else { return [:] }
        var out: [String: String?] = [:]
        for pair in a {
            if case .string(let p) = pair.value { out[pair.key] = .some(p) } else { out[pair.key] = .some(nil) }
        }
        return out
    }

    static func statuses(_ output: String) -> [String: String] {
        guard case .object(let top)? = try? StrictJSON.parse(Array(output.utf8)),
            case .object(let ps)? = top.first(where: { $0.key == "programs" })?.value
        else { return [:] }
        var out: [String: String] = [:]
        for pair in ps {
            if case .object(let o) = pair.value, case .string(let s)? = o.first(where: { $0.key == "status" })?.value { out[pair.key] = s }
        }
        return out
    }

    /// Publishes a run's results for one education base, on or after its day (003 §64); once per year, region and base.
    package func publish(runId: String, base: EducationBase, by actor: Actor) async throws -> Int {
        let run = try await CompetitionRuns(deps).find(runId, by: actor)
        guard run.source == "applications" else { throw DomainError(.admissionRunNotFromApplications, field: "run", ref: "003 §64") }
        let day = AdmissionSchedule.publicationDay(base: base, year: run.year)
        guard deps.today >= day else { throw DomainError(.admissionPublicationTooEarly, field: "base", ref: "003 §64", ["date": day.iso]) }
        let db = deps.database.sql
        let repo = AdmissionRepository(db: db)
        let outcomes = AdmissionOutcomeRepository(db: db)
        let assignments = Self.assignments(run.output)
        let instance = try CompetitionRuns.decode(Array(run.input.utf8))
        let byId = Dictionary(instance.applicants.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let programIndex = Dictionary(instance.programs.enumerated().map { ($0.element.id, Int32($0.offset)) }, uniquingKeysWith: { a, _ in a })
        /// The score of the admitted choice (003 §54: each choice has its own); not admitted, the first choice's.
        @Sendable func score(_ application: String, admittedTo code: String?) -> Int {
            guard let a = byId[application] else { return 0 }
            if let code, let p = programIndex[code], let s = a.score(for: p) { return s }
            return a.choices.isEmpty ? (a.score ?? 0) : a.score(forChoice: 0)
        }
        let programs = Dictionary(try await repo.programs(year: run.year, region: run.regionCode).map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let applications = try await outcomes.applications(year: run.year, region: run.regionCode).filter {
            $0.application.base == base.rawValue && assignments[$0.application.id] != nil
        }
        let today = deps.today
        let due = try AdmissionSchedule.contractDue(published: today, calendar: await deps.calendars.calendar())
        let now = deps.clock.now()
        try await deps.database.transaction { db in
            let outcomes = AdmissionOutcomeRepository(db: db)
            guard try await outcomes.publication(year: run.year, region: run.regionCode, base: base.rawValue) == nil else {
                throw DomainError(.admissionAlreadyPublished, field: "base", ref: "003 §64", ["year": String(run.year)])
            }
            try await outcomes.insertPublication(
                year: run.year, region: run.regionCode, base: base.rawValue, runId: run.id, by: actor.userId, at: Instant.text(now))
            for a in applications {
                let app = a.application
                let program = (assignments[app.id] ?? nil).flatMap { programs[$0] }
                let position = program.flatMap { p in a.programIds.firstIndex(of: p.id).map { $0 + 1 } }
                let row = AdmissionResultRow(
                    applicationId: app.id, runId: run.id, year: run.year, regionCode: run.regionCode, base: base.rawValue, programId: program?.id,
                    choicePosition: position, score: score(app.id, admittedTo: program?.code), publishedOn: today.iso, contractDue: program == nil ? nil : due.iso,
                    contractStatus: program == nil ? nil : "pending", dormitory: app.dormitory != 0 ? "requested" : nil,
                    meals: app.meals != 0 ? "requested" : nil)
                try await outcomes.insert(row)
                let message: AdmissionMessage = program == nil ? .notAdmitted : .admitted
                try await notify(
                    message, application: app, users: ReferenceRepository(db: db), db: db, now: now,
                    arguments: [
                        "program": program.map { "\($0.specialty) — \($0.qualification)" } ?? "", "choice": String(position ?? 0),
                        "due": due.iso, "deadline": AdmissionSchedule.redistributionDeadline(year: run.year).iso,
                    ])
            }
        }
        return applications.count
    }

    /// Queues the cabinet message and the SMS to whoever applied (the parent, for a child), in their language.
    func notify(
        _ message: AdmissionMessage, application: AdmissionApplicationRow, users: ReferenceRepository, db: any SQLDatabase, now: Date,
        arguments: [String: String], localized: [String: LocalizedText] = [:], key: String? = nil
    ) async throws {
        let submitter = try await users.user(id: application.submittedBy)
        let language = submitter.flatMap { Language(rawValue: $0.language) } ?? .kk
        let recipient = submitter?.personIin ?? application.applicantIin
        var text = message.text[language]
        for (k, v) in arguments { text = text.replacing("{\(k)}", with: v) }
        for (k, v) in localized { text = text.replacing("{\(k)}", with: v[language]) }
        let payload = String(decoding: try JSONEncoder().encode(["text": text]), as: UTF8.self)
        for channel in ["cabinet", "sms"] {
            try await OutboxRepository(db: db).enqueue(
                id: deps.ids.make(), idempotencyKey: "\(application.id):\(key ?? message.rawValue):\(channel)", channel: channel,
                recipientIIN: recipient, caseId: nil, template: message.rawValue, language: language, payload: payload, now: now)
        }
    }

    // MARK: The applicant's side

    func own(_ applicationId: String, by actor: Actor) async throws -> AdmissionApplicationRow {
        guard let app = try await AdmissionOutcomeRepository(db: deps.database.sql).application(id: applicationId),
            CaseAccess.canApply(actor, for: app.applicantIin)
        else { throw DomainError(.pageNotFound) }
        return app
    }

    package func view(_ r: AdmissionResultRow) async throws -> AdmissionResultView {
        let program = try await r.programId.asyncMap { try await AdmissionOutcomeRepository(db: deps.database.sql).program(id: $0) } ?? nil
        return AdmissionResultView(
            applicationId: r.applicationId, admitted: r.programId != nil, program: program?.code, organizationId: program?.organizationId,
            choice: r.choicePosition, score: AllocationExplanation.text(r.score), publishedOn: r.publishedOn, contractDue: r.contractDue,
            contractStatus: r.contractStatus, dormitory: r.dormitory, meals: r.meals)
    }

    /// The applicant's result, once published.
    package func result(_ applicationId: String, by actor: Actor) async throws -> AdmissionResultView? {
        let app = try await own(applicationId, by: actor)
        guard let r = try await AdmissionOutcomeRepository(db: deps.database.sql).result(applicationId: app.id) else { return nil }
        return try await view(r)
    }

    /// Why the applicant got what they got, choice by choice, from the published run: "admitted to your 2nd choice;
    /// your 1st choice's last admitted score was 4.61". Nil before the result.
    package func explanation(_ applicationId: String, by actor: Actor) async throws -> AllocationExplanation? {
        let app = try await own(applicationId, by: actor)
        let db = deps.database.sql
        guard let r = try await AdmissionOutcomeRepository(db: db).result(applicationId: app.id),
            let run = try await AdmissionRepository(db: db).run(id: r.runId)
        else { return nil }
        // Stored with the run: a page view never runs the allocation again.
        return try await CompetitionRuns.storedExplanation(run, applicant: app.id, deps: deps)
    }

    /// Ends the contracts not signed in time: their places go to redistribution (003 §12) (003 §63). Returns the
    /// applications whose contract expired now.
    package func expireOverdue() async throws -> [String] {
        let overdue = try await AdmissionOutcomeRepository(db: deps.database.sql).overdueContracts(before: deps.today.iso)
        var expired: [String] = []
        let now = deps.clock.now()
        for r in overdue {
            let changed = try await deps.database.transaction { db -> Bool in
                let repo = AdmissionOutcomeRepository(db: db)
                guard try await repo.setContract(applicationId: r.applicationId, from: "pending", to: "expired", signedAt: nil),
                    let app = try await repo.application(id: r.applicationId)
                else { return false }
                let program = try await r.programId.asyncMap { try await repo.program(id: $0) } ?? nil
                try await notify(
                    .contractExpired, application: app, users: ReferenceRepository(db: db), db: db, now: now,
                    arguments: ["program": program.map { "\($0.specialty) — \($0.qualification)" } ?? "", "due": r.contractDue ?? ""])
                return true
            }
            if changed { expired.append(r.applicationId) }
        }
        return expired
    }

    // MARK: The college's side

    /// The dormitory and free-meals decisions, which follow the admission result (003 §12): only for an admitted
    /// applicant, by the college that admitted them, and only on what the application asked for.
    package func decideSupport(_ applicationId: String, dormitory: Bool?, meals: Bool?, by actor: Actor) async throws -> AdmissionResultView {
        guard actor.role == .providerStaff, let org = actor.organizationId else { throw DomainError(.forbidden) }
        let repo = AdmissionOutcomeRepository(db: deps.database.sql)
        // An application that chose none of this college's programs is not the college's to know of: 404.
        guard try await repo.choiceOrganizations(applicationId: applicationId).contains(org) else {
            throw DomainError(.pageNotFound, field: "applicationId")
        }
        guard let r = try await repo.result(applicationId: applicationId), let programId = r.programId, r.contractStatus != "expired",
            let program = try await repo.program(id: programId), program.organizationId == org
        else { throw DomainError(.admissionNotAdmitted, field: "applicationId", ref: "003 §12") }
        guard dormitory != nil || meals != nil else { throw DomainError(.fieldRequired, field: "dormitory", ref: "003 §12") }
        if dormitory != nil, r.dormitory == nil {
            throw DomainError(.admissionSupportNotRequested, field: "dormitory", ref: "003 §12", ["service": "dormitory"])
        }
        if meals != nil, r.meals == nil { throw DomainError(.admissionSupportNotRequested, field: "meals", ref: "003 §12", ["service": "meals"]) }
        let newDormitory = dormitory.map { $0 ? "granted" : "refused" } ?? r.dormitory
        let newMeals = meals.map { $0 ? "granted" : "refused" } ?? r.meals
        let now = deps.clock.now()
        try await deps.database.transaction { db in
            let repo = AdmissionOutcomeRepository(db: db)
            try await repo.setSupport(applicationId: applicationId, dormitory: newDormitory, meals: newMeals, by: actor.userId, at: Instant.text(now))
            guard let app = try await repo.application(id: applicationId) else { throw DomainError(.internalError) }
            let submitter = try await ReferenceRepository(db: db).user(id: app.submittedBy)
            let language = submitter.flatMap { Language(rawValue: $0.language) } ?? .kk
            try await notify(
                .supportDecided, application: app, users: ReferenceRepository(db: db), db: db, now: now,
                arguments: [
                    "dormitory": AdmissionMessage.supportState(newDormitory)[language], "meals": AdmissionMessage.supportState(newMeals)[language],
                ], key: "support:\(Instant.text(now))")
        }
        guard let after = try await repo.result(applicationId: applicationId) else { throw DomainError(.internalError) }
        return try await view(after)
    }

    // MARK: The department's side

    /// Free places, groups that did not form and unplaced applicants, for redistribution by 29 August (003 §63).
    /// Contracts not signed in time are ended first, so that their places count as free.
    package func redistribution(by actor: Actor) async throws -> Redistribution {
        guard actor.role == .educationDepartment, let region = actor.regionCode else { throw DomainError(.forbidden) }
        _ = try await expireOverdue()
        let db = deps.database.sql
        let year = deps.today.year
        let outcomes = AdmissionOutcomeRepository(db: db)
        var statuses: [String: String] = [:]
        for base in EducationBase.allCases {
            if let runId = try await outcomes.publication(year: year, region: region, base: base.rawValue),
                let run = try await AdmissionRepository(db: db).run(id: runId)
            {
                statuses.merge(Self.statuses(run.output)) { a, _ in a }
            }
        }
        let results = try await outcomes.results(year: year, region: region)
        var holding: [String: Int] = [:]
        var signed: [String: Int] = [:]
        for r in results {
            guard let p = r.programId, r.contractStatus == "pending" || r.contractStatus == "signed" else { continue }
            holding[p, default: 0] += 1
            if r.contractStatus == "signed" { signed[p, default: 0] += 1 }
        }
        let published = Set(results.map(\.base))
        let programs = try await AdmissionRepository(db: db).programs(year: year, region: region).filter {
            $0.funding == Funding.stateOrder.rawValue && published.contains($0.base)
        }
        return Redistribution(
            year: year, region: region, deadline: AdmissionSchedule.redistributionDeadline(year: year).iso,
            programs: programs.map { p in
                let status = statuses[p.code] ?? "empty"
                let held = status == "formed" ? holding[p.id] ?? 0 : 0
                return RedistributionProgram(
                    program: p.code, organizationId: p.organizationId, base: p.base, seats: p.seats, status: status, holding: held,
                    signed: status == "formed" ? signed[p.id] ?? 0 : 0, free: p.seats - held)
            },
            unplaced: results.filter { $0.programId == nil || $0.contractStatus == "expired" }.map(\.applicationId))
    }

    /// The lists of those who passed, per college (003 §63).
    package func lists(by actor: Actor) async throws -> [CollegeList] {
        guard actor.role == .educationDepartment, let region = actor.regionCode else { throw DomainError(.forbidden) }
        let db = deps.database.sql
        let year = deps.today.year
        let outcomes = AdmissionOutcomeRepository(db: db)
        let results = try await outcomes.results(year: year, region: region)
        var byProgram: [String: [AdmissionResultRow]] = [:]
        for r in results { if let p = r.programId, r.contractStatus != "expired" { byProgram[p, default: []].append(r) } }
        let programs = try await AdmissionRepository(db: db).programs(year: year, region: region)
        var byOrg: [String: [CollegeList.Program]] = [:]
        for p in programs {
            guard let rows = byProgram[p.id] else { continue }
            var entries: [CollegeList.Entry] = []
            for r in rows.sorted(by: { ($0.score, $1.applicationId) > ($1.score, $0.applicationId) }) {
                guard let app = try await outcomes.application(id: r.applicationId) else { continue }
                entries.append(
                    .init(
                        applicationId: r.applicationId, applicantIIN: app.applicantIin, score: AllocationExplanation.text(r.score),
                        choice: r.choicePosition ?? 0, contractStatus: r.contractStatus ?? ""))
            }
            byOrg[p.organizationId, default: []].append(
                .init(program: p.code, specialty: p.specialty, qualification: p.qualification, level: p.level, base: p.base, admitted: entries))
        }
        return byOrg.keys.sorted().map { CollegeList(organizationId: $0, programs: byOrg[$0] ?? []) }
    }
}
