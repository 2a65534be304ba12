import BilimCore
import BilimServices
import BilimStore
import BilimTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

/// The whole admission through the routes, on both databases: programs loaded, applications, exams and their
/// s.commission, the competition on the stored applications, publication, contracts and their expiry, redistribution,
/// dormitory and meals.
@Suite struct AdmissionScenarioTests {
    static let programs = """
        \(AdmissionProgramsAPITests.header)
        P-MED,org-almaty-college-1,Nursing,Nurse,basic-secondary,kk,full-time,state-order,mid-level,psychometric,no,2,no,yes,biology
        P-PED,org-almaty-college-1,Pedagogy,Teacher,basic-secondary,kk,full-time,state-order,mid-level,special,yes,2,no,yes,kazakh-language;mathematics
        P-WRK,org-almaty-college-1,Cook,Cook,basic-secondary,kk,full-time,state-order,worker,none,no,1,no,yes,mathematics
        P-BIG,org-almaty-college-1,Accounting,Accountant,basic-secondary,ru,full-time,state-order,mid-level,none,no,20,no,no,mathematics
        """

    /// Four more school leavers, each with an account and a basic secondary certificate.
    static let pupils: [(login: String, name: String, serial: Int, grades: [(String, Int)])] = [
        ("pupil1", "Айгерім", 6001, [("kazakh-language", 500), ("mathematics", 500)]),
        ("pupil2", "Бауыржан", 6002, [("mathematics", 500), ("kazakh-language", 300)]),
        ("pupil3", "Дана", 6003, [("kazakh-language", 400), ("mathematics", 400)]),
        ("pupil4", "Ерлан", 6004, [("mathematics", 300)]),
    ]

    static func iin(_ serial: Int) -> String { IIN.compose(birthDate: CivilDate(year: 2010, month: 3, day: 1)!, sex: .female, serial: serial).digits }

    func seedPupils(_ deps: ServiceDependencies) async throws {
        let db = deps.database.sql
        let ref = ReferenceRepository(db: db)
        let hash = try await ref.user(login: "applicant")?.passwordHash
        for p in Self.pupils {
            let iin = IIN.compose(birthDate: CivilDate(year: 2010, month: 3, day: 1)!, sex: .female, serial: p.serial)
            let name = try PersonName(surname: "Оқушы", givenName: p.name, patronymic: nil)
            try await ref.insert(PersonRow(iin: iin, name: name, phone: "+7701000\(p.serial)", createdAt: deps.clock.now()))
            try await ref.insert(
                UserRow(
                    id: "user-\(p.login)", login: p.login, passwordHash: hash, role: .applicant, organizationId: nil, regionCode: nil,
                    personIin: iin.digits, displayName: name.full, language: .ru, createdAt: deps.clock.now()))
            try await DocumentRegistryRepository(db: db).insert(
                EducationDocumentRow(
                    id: "doc-\(p.login)", kind: "basic-secondary-certificate", series: "НОБ", number: "00\(p.serial)",
                    issueDate: CivilDate(year: 2026, month: 6, day: 5)!, organizationId: "org-almaty-school-1", holderIin: iin.digits,
                    holderName: name.full, specialty: nil, qualification: nil, duplicateOf: nil, createdAt: deps.clock.now()),
                grades: p.grades.map { GradeRow(documentId: "doc-\(p.login)", subject: $0.0, gradeHundredths: $0.1) })
        }
    }

    /// Every actor's session cookie.
    struct Sessions {
        let department: String
        let parent: String
        let college: String
        let commission: String
        var pupils: [String: String] = [:]

        init(_ client: any TestClientProtocol) async throws {
            department = try await signIn(client, "department")
            parent = try await signIn(client, "applicant")
            college = try await signIn(client, "college.staff")
            commission = try await signIn(client, "commission")
            for p in AdmissionScenarioTests.pupils { pupils[p.login] = try await signIn(client, p.login) }
        }
    }

    struct Reply {
        let status: HTTPResponse.Status
        let text: String
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:] }
        var code: String? { json["code"] as? String }
        var message: String? { json["message"] as? String }
    }

    /// Signs an education contract the way a client does (003 §12): asks for a one-time code, then sends it; the
    /// first refusal is the answer.
    func signContract(_ client: any TestClientProtocol, _ deps: ServiceDependencies, _ id: String, _ cookie: String) async throws -> Reply {
        let prepared = try await call(client, .post, "/api/v1/admission/applications/\(id)/contract/confirmations", cookie, ["method": "otp"])
        guard let challenge = prepared.json["challengeId"] as? String else { return prepared }
        return try await call(
            client, .post, "/api/v1/admission/applications/\(id)/contract", cookie,
            ["confirmation": ["challengeId": challenge, "code": try await lastCode(deps)]])
    }

    func call(_ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, _ cookie: String, _ body: Any? = nil)
        async throws -> Reply
    {
        var headers: HTTPFields = [.cookie: cookie, .acceptLanguage: "ru"]
        var buffer: ByteBuffer?
        if let body {
            headers[.contentType] = "application/json"
            buffer = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body))
        } else if method == .post {
            // A body-less POST of the API says it is JSON, as the pages' scripts do: the CSRF door's rule.
            headers[.contentType] = "application/json"
        }
        return try await client.execute(uri: uri, method: method, headers: headers, body: buffer) { Reply(status: $0.status, text: $0.text) }
    }

    func apply(_ client: any TestClientProtocol, _ deps: ServiceDependencies, _ cookie: String, iin: String, document: String, choices: [String], extra: [String: Any] = [:])
        async throws -> String
    {
        var body: [String: Any] = [
            "applicantIIN": iin, "documentId": document, "choices": choices, "documents": ["medical-075u", "photo-3x4"], "consent": true,
        ]
        body.merge(extra) { $1 }
        let json = String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
        let confirmedBody = try await confirmed(client, deps, cookie, json, prepare: AdmissionApplicationsAPITests.prepare)
        let r = try await call(client, .post, "/api/v1/admission/applications", cookie, try JSONSerialization.jsonObject(with: Data(confirmedBody.utf8)))
        #expect(r.status == .created, "\(r.text)")
        return r.json["id"] as? String ?? ""
    }

    func outboxCount(_ deps: ServiceDependencies, template: String) async throws -> Int {
        try await deps.database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("notification_outbox")
            .where("template", .equal, template).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    func table(_ deps: ServiceDependencies, _ name: String) async throws -> Int {
        try await deps.database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(name).first()?
            .decode(column: "n", as: Int.self) ?? 0
    }

    @Test(
        "programs, applications, exams, commission, competition, publication on 23 August, contracts signed within 3 days or expired, redistribution, dormitory and meals (003 §6) (003 §12) (003 §32) (003 §38) (003 §48) (003 §54) (003 §63) (003 §64)",
        arguments: TestDatabase.allConfigured)
    func scenario(_ kind: TestDatabase) async throws {
        let clock = MovableClock(almaty: "2026-07-01T10:00")
        try await withTestApp(on: kind, clock: clock) { client, deps, logs in
            try await seedPupils(deps)
            var s = try await Sessions(client)
            try await AdmissionApplicationsAPITests.loadPrograms(client, Self.programs)

            // Applications through the portal.
            let child = try await apply(
                client, deps, s.parent, iin: DemoData.childIIN.digits, document: "doc-certificate-2026", choices: ["P-MED", "P-PED", "P-WRK"],
                extra: ["dormitory": true, "meals": true])
            var ids: [String: String] = [:]
            let choices = ["pupil1": ["P-PED", "P-BIG"], "pupil2": ["P-WRK", "P-BIG"], "pupil3": ["P-PED", "P-WRK"], "pupil4": ["P-BIG"]]
            for p in Self.pupils {
                ids[p.login] = try await apply(client, deps, s.pupils[p.login]!, iin: Self.iin(p.serial), document: "doc-\(p.login)", choices: choices[p.login]!)
            }

            // Exams at the college (003 §32): registration, then marks; bad entries are refused and change nothing.
            let exams = "/api/v1/admission/exams/registrations"
            let marks = "/api/v1/admission/exams/marks"
            for (app, program) in [(child, "P-MED"), (child, "P-PED"), (ids["pupil1"]!, "P-PED"), (ids["pupil3"]!, "P-PED")] {
                let r = try await call(client, .post, exams, s.college, ["applicationId": app, "program": program])
                #expect(r.status == .created, "\(r.text)")
            }
            let refusals: [(String, [String: Any], HTTPResponse.Status, String, String?)] = [
                (marks, ["applicationId": ids["pupil2"]!, "program": "P-PED", "marks": ["5"]], .unprocessableContent, "admission.examNotRegistered",
                 "Этот абитуриент не зарегистрирован на экзамен этой программы."),
                (exams, ["applicationId": ids["pupil2"]!, "program": "P-PED"], .unprocessableContent, "admission.notChosen",
                 "Абитуриент не выбирал программу «P-PED» в своём заявлении."),
                (exams, ["applicationId": ids["pupil2"]!, "program": "P-WRK"], .unprocessableContent, "admission.examNotNeeded", nil),
                (exams, ["applicationId": ids["pupil1"]!, "program": "P-PED", "accommodations": ["separate-room"]], .unprocessableContent,
                 "admission.accommodationUnproved", nil),
                (marks, ["applicationId": child, "program": "P-PED", "marks": ["6"]], .unprocessableContent, "admission.scoreMalformed", nil),
                (marks, ["applicationId": child, "program": "P-MED", "marks": ["5"]], .unprocessableContent, "request.invalid", nil),
            ]
            for (uri, body, status, code, message) in refusals {
                let r = try await call(client, .post, uri, s.college, body)
                #expect(r.status == status && r.code == code, "\(code): \(r.text)")
                if let message { #expect(r.message == message) }
            }
            #expect(try await table(deps, "admission_exams") == 4)
            // Another college's staff and an applicant may not enter marks.
            #expect(try await call(client, .post, marks, s.parent, ["applicationId": child, "program": "P-PED", "marks": ["5"]]).status == .forbidden)
            for (app, body) in [
                (child, ["program": "P-MED", "psychometric": "failed"]), (child, ["program": "P-PED", "marks": ["5", "5"]]),
                (ids["pupil1"]!, ["program": "P-PED", "marks": ["4"]]), (ids["pupil3"]!, ["program": "P-PED", "marks": ["3"]]),
            ] as [(String, [String: Any])] {
                let r = try await call(client, .post, marks, s.college, body.merging(["applicationId": app]) { $1 })
                #expect(r.status == .ok, "\(r.text)")
            }

            // A meeting is recorded once held: not before its day (its date is refused in the future).
            clock.set(almaty: "2026-08-22T08:00")
            s = try await Sessions(client)
            // The examination commission's final meeting decides with a quorum; the secretary does not vote (003 §6).
            let meeting = try await call(
                client, .post, "/api/v1/admission/commissions/meetings", s.commission,
                [
                    "kind": "examination", "final": true, "heldOn": "2026-08-10", "record": "archive/exam-2026-08-10.mp4",
                    "members": [
                        ["person": "chair", "role": "chair"], ["person": "m1", "role": "member"], ["person": "m2", "role": "member"],
                        ["person": "sec", "role": "secretary"],
                    ],
                    "present": ["chair", "m1", "sec"],
                ])
            #expect(meeting.status == .created && meeting.json["retainUntil"] as? String == "2027-08-10", "\(meeting.text)")
            let meetingId = meeting.json["id"] as? String ?? ""
            let decisions = "/api/v1/admission/commissions/meetings/\(meetingId)/decisions"
            let secretary = try await call(
                client, .post, decisions, s.commission,
                ["subject": "P-PED marks", "votes": [["person": "chair", "vote": "yes"], ["person": "sec", "vote": "yes"]]])
            #expect(secretary.status == .unprocessableContent && secretary.code == "commission.secretaryVotes")
            let absent = try await call(
                client, .post, decisions, s.commission, ["subject": "P-PED marks", "votes": [["person": "m2", "vote": "yes"]]])
            #expect(absent.code == "commission.notPresent")
            let tie = try await call(
                client, .post, decisions, s.commission,
                ["subject": "P-PED marks", "votes": [["person": "chair", "vote": "yes"], ["person": "m1", "vote": "no"]]])
            #expect(tie.status == .created && tie.json["adopted"] as? Bool == true && tie.json["chairDecided"] as? Bool == true)
            let thin = try await call(
                client, .post, "/api/v1/admission/commissions/meetings", s.commission,
                [
                    "kind": "admission", "final": true, "heldOn": "2026-08-22", "record": "archive/minutes-2026-08-22.pdf",
                    "members": [["person": "chair", "role": "chair"], ["person": "m1", "role": "member"], ["person": "m2", "role": "member"]],
                    "present": ["chair"],
                ])
            #expect(thin.json["retainUntil"] as? String == "2029-08-22")
            let noQuorum = try await call(
                client, .post, "/api/v1/admission/commissions/meetings/\(thin.json["id"] as? String ?? "")/decisions", s.commission,
                ["subject": "Lists", "votes": [["person": "chair", "vote": "yes"]]])
            #expect(noQuorum.code == "commission.noQuorum" && noQuorum.message == "Нет кворума: присутствуют 1 членов, нужно не менее 2 (две трети членов).")
            #expect(try await table(deps, "commission_decisions") == 1)

            // The competition on the stored applications.
            clock.set(almaty: "2026-08-22T09:00")
            // Sessions end after a while idle: everyone signs in again.
            s = try await Sessions(client)
            // JSON only: a cross-site form cannot start a run.
            try await client.execute(uri: "/api/v1/admission/runs/from-applications", method: .post, headers: [.cookie: s.department]) { r in
                #expect(r.status == .forbidden && r.json["code"] as? String == "csrf.invalid")
            }
            try await client.execute(
                uri: "/api/v1/admission/runs/from-applications", method: .post, headers: [.cookie: s.department, .contentType: "text/csv"]
            ) { r in #expect(r.json["code"] as? String == "request.invalid") }
            let run = try await call(client, .post, "/api/v1/admission/runs/from-applications?id=run-1", s.department, [String: Any]())
            #expect(run.status == .created && run.json["applicants"] as? Int == 5 && run.json["source"] as? String == "applications", "\(run.text)")
            let runId = run.json["id"] as? String ?? ""
            // The page's progress bar reads how far the run has got; the finished run names itself.
            let progress = try await call(client, .get, "/api/v1/admission/run-progress/run-1", s.department)
            #expect(progress.json["status"] as? String == "finished" && progress.json["runId"] as? String == runId)
            #expect(try await call(client, .get, "/api/v1/admission/run-progress/run-1", s.college).status == .forbidden)
            let result = try await call(client, .get, "/api/v1/admission/runs/\(runId)/result", s.department)
            let assignments = result.json["assignments"] as? [String: Any] ?? [:]
            // The child failed the psychometric test, so competes with the pedagogy score (4.5 + 5) / 2 = 4.75 (003 §54).
            #expect(assignments[child] as? String == "P-PED")
            #expect(assignments[ids["pupil1"]!] as? String == "P-PED")
            #expect(assignments[ids["pupil2"]!] as? String == "P-WRK")
            #expect(assignments[ids["pupil3"]!] is NSNull && assignments[ids["pupil4"]!] is NSNull)
            let programsOut = result.json["programs"] as? [String: [String: Any]] ?? [:]
            #expect(programsOut["P-BIG"]?["status"] as? String == "notFormed")
            let why = try await call(client, .get, "/api/v1/admission/runs/\(runId)/explanations/\(ids["pupil3"]!)", s.department)
            let whyChoices = why.json["choices"] as? [[String: Any]] ?? []
            // Not admitted: no score to be admitted with; each choice shows its own score (003 §54).
            #expect(why.json["scoreText"] == nil || why.json["scoreText"] is NSNull, "\(why.text)")
            #expect(whyChoices.first?["scoreText"] as? String == "3.50" && whyChoices.first?["lastAdmittedScoreText"] as? String == "4.50", "\(why.text)")

            // Publication: not before 23 August for the basic secondary base (003 §64); a JSON-input run cannot be published.
            let early = try await call(client, .post, "/api/v1/admission/runs/\(runId)/publish", s.department, ["base": "basic-secondary"])
            #expect(early.code == "admission.publicationTooEarly" && early.message == "Результаты конкурса на этой базе публикуются не ранее 2026-08-23.")
            clock.set(almaty: "2026-08-23T09:00")
            // Sessions end after a while idle: everyone signs in again.
            s = try await Sessions(client)
            let general = try await call(client, .post, "/api/v1/admission/runs/\(runId)/publish", s.department, ["base": "general-secondary"])
            #expect(general.code == "admission.publicationTooEarly")
            let contractEarly = try await signContract(client, deps, child, s.parent)
            #expect(contractEarly.code == "admission.notAdmitted")
            #expect(try await table(deps, "admission_results") == 0)
            let published = try await call(client, .post, "/api/v1/admission/runs/\(runId)/publish", s.department, ["base": "basic-secondary"])
            #expect(published.status == .created && published.json["applicants"] as? Int == 5, "\(published.text)")
            let again = try await call(client, .post, "/api/v1/admission/runs/\(runId)/publish", s.department, ["base": "basic-secondary"])
            #expect(again.status == .conflict && again.code == "admission.alreadyPublished")
            // Every applicant gets an SMS and a cabinet message (003 §64); the parent's in Kazakh, naming the last day to sign.
            #expect(try await outboxCount(deps, template: "admission-admitted") == 6)
            #expect(try await outboxCount(deps, template: "admission-not-admitted") == 4)
            let parentSMS = try await deps.database.sql.select().column("payload").from("notification_outbox")
                .where("template", .equal, "admission-admitted").where("recipient_iin", .equal, DemoData.parentIIN.digits)
                .where("channel", .equal, "sms").first()?.decode(column: "payload", as: String.self) ?? ""
            #expect(parentSMS.contains("2026-08-26") && parentSMS.contains("Pedagogy — Teacher") && parentSMS.contains("2-таңдау"), "\(parentSMS)")

            // The cabinet shows the result; a stranger sees nothing of it.
            let mine = try await call(client, .get, "/api/v1/admission/applications/\(child)/result", s.parent)
            #expect(mine.json["program"] as? String == "P-PED" && mine.json["choice"] as? Int == 2 && mine.json["score"] as? String == "4.75")
            #expect(mine.json["contractDue"] as? String == "2026-08-26" && mine.json["contractStatus"] as? String == "pending")
            #expect(try await call(client, .get, "/api/v1/admission/applications/\(child)/result", s.pupils["pupil1"]!).status == .notFound)

            // The applicant's page explains the result choice by choice.
            let pupil3Page = try await client.execute(uri: "/admission", method: .get, headers: [.cookie: s.pupils["pupil3"]! + "; lang=ru"]) { $0.text }
            #expect(pupil3Page.contains("1-й выбор (P-PED): ваш балл на эту программу 3.50 (по предметам: "), "\(pupil3Page.suffix(1500))")
            #expect(pupil3Page.contains(") — мест не хватило; последний прошедший на общее место набрал 4.50"), "\(pupil3Page.suffix(1500))")
            let childPage = try await client.execute(uri: "/admission", method: .get, headers: [.cookie: s.parent + "; lang=ru"]) { $0.text }
            #expect(childPage.contains("1-й выбор (P-MED): не участвовала в конкурсе") && childPage.contains("2-й выбор (P-PED): ваш балл на эту программу 4.75"))
            #expect(childPage.contains(") — вы прошли"))
            #expect(childPage.contains("3-й выбор (P-WRK): ваш балл на эту программу") && childPage.contains(") — не рассматривалась"))
            // The college decides dormitory and meals after the result (003 §12); only on what was asked for.
            let support = try await call(client, .post, "/api/v1/admission/applications/\(child)/support", s.college, ["dormitory": true, "meals": false])
            #expect(support.json["dormitory"] as? String == "granted" && support.json["meals"] as? String == "refused", "\(support.text)")
            // The college's page lists those admitted with the decisions; a decision on what was not asked is refused.
            let admittedPage = try await client.execute(uri: "/admission/admitted", method: .get, headers: [.cookie: s.college + "; lang=ru"]) { $0.text }
            #expect(admittedPage.contains("<td>P-PED</td>") && admittedPage.contains("<td>предоставлено</td><td>отказано</td>"), "\(admittedPage.suffix(1200))")
            let unaskedForm = try await client.execute(
                uri: "/admission/admitted/support", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: s.college + "; lang=ru"],
                body: ByteBuffer(string: "application=\(ids["pupil2"]!)&dormitory=granted&_csrf=\(formToken(s.college))")) { $0 }
            #expect(unaskedForm.status == .unprocessableContent && unaskedForm.text.contains("Абитуриент не просил об этом в заявлении"))
            let unasked = try await call(client, .post, "/api/v1/admission/applications/\(ids["pupil2"]!)/support", s.college, ["dormitory": true])
            #expect(unasked.code == "admission.supportNotRequested")
            let unplacedSupport = try await call(client, .post, "/api/v1/admission/applications/\(ids["pupil3"]!)/support", s.college, ["meals": true])
            #expect(unplacedSupport.code == "admission.notAdmitted")

            // Contracts: signed within 3 calendar days (003 §12).
            clock.set(almaty: "2026-08-26T23:30")
            // Sessions end after a while idle: everyone signs in again.
            s = try await Sessions(client)
            // (003 §12) "signs an electronic contract on the provision of educational services within 3 calendar days":
            // the applicant reads its text first, in their language, with the program and the last day in it.
            let read = try await call(client, .get, "/api/v1/admission/applications/\(child)/contract?language=kk", s.parent)
            let readText = read.json["text"] as? String ?? ""
            #expect(read.status == .ok && read.json["status"] as? String == "pending" && read.json["due"] as? String == "2026-08-26", "\(read.text)")
            #expect(readText.hasPrefix("Білім беру қызметтерін көрсету туралы шарт") && readText.contains("3 күнтізбелік күн ішінде, 26.08.2026"))
            let wrongLanguage = try await call(client, .get, "/api/v1/admission/applications/\(child)/contract?language=de", s.parent)
            #expect(wrongLanguage.code == "request.invalid")
            // Without a proof nothing is signed: the contract is signed like an application, by a code or an EDS.
            let unconfirmed = try await call(client, .post, "/api/v1/admission/applications/\(child)/contract", s.parent, [String: String]())
            #expect(unconfirmed.code == "confirmation.required", "\(unconfirmed.text)")
            let signed = try await signContract(client, deps, child, s.parent)
            #expect(signed.status == .ok && signed.json["contractStatus"] as? String == "signed", "\(signed.text)")
            // The text signed is kept with its proof, and "an SMS notification about signing the contract is sent".
            let kept = try #require(
                try await deps.database.sql.select().columns("contract_text", "method").from("admission_contract_signatures")
                    .where("application_id", .equal, child).first())
            #expect(try kept.decode(column: "method", as: String.self) == "otp")
            let keptText = try kept.decode(column: "contract_text", as: String.self)
            #expect(keptText.hasPrefix("Договор об оказании образовательных услуг") && keptText.contains("по 26.08.2026 включительно"))
            let smsAboutSigning = try await deps.database.sql.select().column("payload").from("notification_outbox")
                .where("template", .equal, "admission-contract-signed").where("channel", .equal, "sms").all()
            #expect(smsAboutSigning.count == 1)
            let smsText = try smsAboutSigning.first?.decode(column: "payload", as: String.self) ?? ""
            #expect(smsText.contains("шартына 26.08.2026 қол қойылды (бір реттік код)"), "\(smsText)")
            #expect(try await signContract(client, deps, child, s.parent).code == "admission.contractSigned")
            // On the page: the contract's text in the page's language, then a code by SMS and the signing.
            let pupil2 = s.pupils["pupil2"]!
            let contractPage = "/admission/\(ids["pupil2"]!)/contract"
            let kkPage = try await client.execute(uri: contractPage, method: .get, headers: [.cookie: pupil2 + "; lang=kk"]) { $0.text }
            #expect(kkPage.contains("Білім беру қызметтерін көрсету туралы шарт") && kkPage.contains("send-code"))
            func contractForm(_ body: String) async throws -> TestResponse {
                try await client.execute(
                    uri: contractPage, method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .cookie: pupil2 + "; lang=ru"],
                    body: ByteBuffer(string: body + "&_csrf=\(formToken(pupil2))")) { $0 }
            }
            let codeStep = try await contractForm("step=send-code")
            #expect(codeStep.status == .ok && codeStep.text.contains("Договор об оказании образовательных услуг") && codeStep.text.contains("Подписать договор"))
            let pageChallenge = String(try #require(codeStep.text.firstMatch(of: /name="challengeId" value="([^"]+)"/)).output.1)
            let pageCode = try await lastCode(deps)
            let wrongCode = try await contractForm("step=confirm&challengeId=\(pageChallenge)&code=000000")
            #expect(wrongCode.status == .unprocessableContent && wrongCode.text.contains("Неверный код"))
            #expect(try await call(client, .get, "/api/v1/admission/applications/\(ids["pupil2"]!)/result", pupil2).json["contractStatus"] as? String == "pending")
            let pageSigned = try await contractForm("step=confirm&challengeId=\(pageChallenge)&code=\(pageCode)")
            #expect(pageSigned.status == .seeOther && pageSigned.headers[.location] == "/admission?signed=1", "\(pageSigned.text.prefix(300))")
            #expect(try await call(client, .get, "/api/v1/admission/applications/\(ids["pupil2"]!)/result", pupil2).json["contractStatus"] as? String == "signed")
            #expect(try await signContract(client, deps, ids["pupil3"]!, s.pupils["pupil3"]!).code == "admission.notAdmitted")
            clock.set(almaty: "2026-08-27T00:10")
            // Sessions end after a while idle: everyone signs in again.
            s = try await Sessions(client)
            let late = try await signContract(client, deps, ids["pupil1"]!, s.pupils["pupil1"]!)
            #expect(late.code == "admission.contractExpired" && late.message == "Срок подписания договора истёк 2026-08-26, место передано на перераспределение.")
            #expect(try await outboxCount(deps, template: "admission-contract-expired") == 2)

            // Redistribution by 29 August (003 §63): the expired contract's place is free, the group that did not form
            // gives all its places back, and the unplaced are listed.
            let redistribution = try await call(client, .get, "/api/v1/admission/redistribution", s.department)
            #expect(redistribution.json["deadline"] as? String == "2026-08-29")
            let rows = Dictionary(
                (redistribution.json["programs"] as? [[String: Any]] ?? []).map { ($0["program"] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
            #expect(rows["P-PED"]?["holding"] as? Int == 1 && rows["P-PED"]?["signed"] as? Int == 1 && rows["P-PED"]?["free"] as? Int == 1)
            #expect(rows["P-WRK"]?["free"] as? Int == 0 && rows["P-BIG"]?["status"] as? String == "notFormed" && rows["P-BIG"]?["free"] as? Int == 20)
            #expect(rows["P-MED"]?["free"] as? Int == 2)
            #expect(Set(redistribution.json["unplaced"] as? [String] ?? []) == [ids["pupil1"]!, ids["pupil3"]!, ids["pupil4"]!])
            // The lists per college (003 §63) hold those still admitted.
            let lists = try await client.execute(uri: "/api/v1/admission/lists", method: .get, headers: [.cookie: s.department]) {
                (try? JSONSerialization.jsonObject(with: Data($0.text.utf8))) as? [[String: Any]] ?? []
            }
            let collegePrograms = lists.first?["programs"] as? [[String: Any]] ?? []
            #expect(lists.count == 1 && lists.first?["organizationId"] as? String == "org-almaty-college-1")
            #expect(collegePrograms.map { $0["program"] as? String ?? "" } == ["P-PED", "P-WRK"])
            #expect(((collegePrograms.first?["admitted"] as? [[String: Any]]) ?? []).map { $0["applicationId"] as? String ?? "" } == [child])
            // Only the department sees them.
            #expect(try await call(client, .get, "/api/v1/admission/lists", s.college).status == .forbidden)

            // Retention (003 §6): the final exam meeting's recording is kept a year, the admission minutes three.
            clock.set(almaty: "2027-08-10T12:00")
            #expect(try await Commissions(deps).purgeExpired().isEmpty)
            clock.set(almaty: "2027-08-11T12:00")
            #expect(try await Commissions(deps).purgeExpired() == [meetingId])
            #expect(try await table(deps, "commission_meetings") == 1)

            // Nobody's IIN, phone or name is in the logs of the whole admission, from applications to contracts.
            let text = logs.text
            #expect(!text.isEmpty)
            var secrets = [DemoData.parentIIN.digits, DemoData.childIIN.digits, "+77010000001", "Әбілқасымова", "Әбілқасымов", "Нұрсұлтан"]
            for p in Self.pupils { secrets += [Self.iin(p.serial), "+7701000\(p.serial)", p.name] }
            for secret in secrets { #expect(!text.contains(secret), "the logs contain \(secret)") }
        }
    }
}
