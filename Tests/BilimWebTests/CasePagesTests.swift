import BilimCore
import BilimServices
import BilimStore
import BilimTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct CasePagesTests {
    func form(_ client: any TestClientProtocol, _ uri: String, _ cookie: String, _ body: String, lang: String = "ru")
        async throws -> TestResponse
    {
        try await client.execute(
            uri: uri, method: .post,
            headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie + "; lang=\(lang)"],
            body: ByteBuffer(string: body + "&_csrf=\(formToken(cookie))")
        ) { $0 }
    }

    @Test("the applicant's path: form, check your answers, confirmation with number and deadline (004 §51)", arguments: TestDatabase.allConfigured)
    func applicantPath(_ kind: TestDatabase) async throws {
        try await withTestApp(on: kind, clock: MovableClock(almaty: "2025-03-03T10:00")) { client, deps, _ in
            let parent = try await signIn(client, "applicant")
            let fields = "person=\(DemoData.parentIIN.digits)&document=doc-certificate-2002&eApplication=1&consent=1"

            try await client.execute(uri: "/apply/S1?lang=kk", method: .get, headers: [.cookie: parent]) { r in
                #expect(r.status == .ok && r.text.contains("ЖОБ № 0012345"))
            }
            let check = try await form(client, "/apply/S1", parent, "step=check&" + fields)
            #expect(check.status == .ok && check.text.contains("Проверьте ответы"))
            #expect(check.text.contains("Общеобразовательная школа № 1 города Алматы"))  // the issuer, from the document
            let submission = try #require(check.text.firstMatch(of: /name="submission" value="([^"]+)"/)?.1)
            let base = fields + "&provider=org-almaty-school-1&submission=\(submission)"
            // Submitting asks for a confirmation code sent over this application's content. (000 List item 8)
            let sent = try await form(client, "/apply/S1", parent, "step=send-code&" + base)
            #expect(sent.status == .ok && sent.text.contains("Код подтверждения из SMS"))
            let challenge = try #require(sent.text.firstMatch(of: /name="challengeId" value="([^"]+)"/)?.1)
            let code = try await lastCode(deps)
            let wrong = try await form(client, "/apply/S1", parent, "step=confirm&\(base)&challengeId=\(challenge)&code=000000")
            #expect(wrong.status == .unprocessableContent && wrong.text.contains("Неверный код"))
            let confirm = "step=confirm&\(base)&challengeId=\(challenge)&code=\(code)"
            let done = try await form(client, "/apply/S1", parent, confirm)
            #expect(done.status == .seeOther)
            let location = try #require(done.headers[.location])
            // A second click on "send" does not make a second case.
            let again = try await form(client, "/apply/S1", parent, confirm)
            #expect(again.headers[.location] == location)

            try await client.execute(uri: location, method: .get, headers: [.cookie: parent + "; lang=ru"]) { r in
                #expect(r.text.contains("Заявление зарегистрировано. Номер: S1-2025-000001. Срок результата: 2025-03-27."))
            }
            #expect(try await ReferenceRepository(db: deps.database.sql).count("cases") == 1)
            // The application prints as its annex form, in the applicant's language, in two copies.
            let casePath = String(location.split(separator: "?")[0])
            try await client.execute(uri: casePath + "/application", method: .get, headers: [.cookie: parent]) { r in
                #expect(r.text.contains(#"<html lang="ru">"#))
                #expect(r.text.contains("Прошу выдать мне дубликат документа: Аттестат об общем среднем образовании ЖОБ № 0012345."))
                #expect(r.text.contains("Документ утерян"))
                #expect(r.text.components(separatedBy: #"<article class="sheet""#).count == 3)
            }
        }
    }

    @Test("missing consent or answers re-render the form with an error summary; nothing is registered (000 List item 9)", arguments: TestDatabase.allConfigured)
    func applicantErrors(_ kind: TestDatabase) async throws {
        try await withTestApp(on: kind, clock: MovableClock(almaty: "2025-03-03T10:00")) { client, deps, _ in
            let parent = try await signIn(client, "applicant")

            let r = try await form(client, "/apply/S1", parent, "step=confirm&person=\(DemoData.parentIIN.digits)&document=&eApplication=1", lang: "kk")

            #expect(r.status == .unprocessableContent)
            #expect(r.text.contains(#"role="alert""#))
            #expect(r.text.contains("Дербес деректерге қол жеткізуге келісім берілмеген"))
            #expect(r.text.contains(##"href="#provider""##))
            #expect(try await ReferenceRepository(db: deps.database.sql).count("cases") == 0)
        }
    }

    @Test("staff work queue sorted by deadline with overdue flagged, and the case page's actions", arguments: TestDatabase.allConfigured)
    func staffPages(_ kind: TestDatabase) async throws {
        let clock = MovableClock(almaty: "2025-03-03T10:00")
        try await withTestApp(on: kind, clock: clock) { client, deps, _ in
            let parent = try await Actor.of(try await ReferenceRepository(db: deps.database.sql).user(login: "applicant")!, database: deps.database, today: deps.today)
            let c = try #require(try await ConfirmedIntake(deps).submit(
                Application(service: .s1, channel: .portal, applicantIIN: DemoData.parentIIN.digits, providerId: "org-almaty-school-1",
                            documentId: "doc-certificate-2002", documents: ["e-application"], consent: true, language: .ru), by: parent).caseRow)
            clock.set(almaty: "2025-04-01T10:00")  // past the 27 March deadline
            let staff = try await signIn(client, "school.staff")

            try await client.execute(uri: "/cases?lang=ru", method: .get, headers: [.cookie: staff]) { r in
                #expect(r.text.contains("Очередь работы") && r.text.contains("S1-2025-000001"))
                #expect(r.text.contains("Просрочено"))
            }
            try await client.execute(uri: "/cases/\(c.id)", method: .get, headers: [.cookie: staff + "; lang=ru"]) { r in
                #expect(r.text.contains(#"id="action-accept-for-review""#))
                #expect(!r.text.contains(#"id="action-hand-over""#))
            }
            let done = try await form(client, "/cases/\(c.id)/actions", staff, "action=accept-for-review")
            #expect(done.status == .seeOther)
            // An action the state does not allow: the page explains, nothing changes.
            let wrong = try await form(client, "/cases/\(c.id)/actions", staff, "action=decide-duplicate")
            #expect(wrong.status == .conflict && wrong.text.contains(#"role="alert""#))
            #expect(try await CaseRepository(db: deps.database.sql).find(id: c.id)?.state == "in-review")
            // Another school's staff get "not found", not the case.
            let other = try await signIn(client, "college.staff")
            try await client.execute(uri: "/cases/\(c.id)", method: .get, headers: [.cookie: other]) { r in
                #expect(r.status == .notFound)
                #expect(r.text.contains(#"action="/sign-out""#))  // the error page still knows who is signed in
            }
        }
    }

    @Test("State Corporation desk: an incomplete package gives a print-ready refusal receipt in two copies (004 §52) (004 Annex 4)", arguments: TestDatabase.allConfigured)
    func desk(_ kind: TestDatabase) async throws {
        try await withTestApp(on: kind, clock: MovableClock(almaty: "2025-03-03T10:00")) { client, deps, _ in
            let op = try await signIn(client, "operator")
            try await client.execute(uri: "/desk/S1?lang=kk", method: .get, headers: [.cookie: op]) { r in
                #expect(r.status == .ok && r.text.contains(#"name="doc.identity-document""#))
            }

            let r = try await form(client, "/desk/S1", op, "iin=\(DemoData.parentIIN.digits)&provider=org-almaty-school-1&doc.application=1&consent=1&language=kk")

            #expect(r.status == .seeOther)
            let receipt = try #require(r.headers[.location])
            try await client.execute(uri: receipt, method: .get, headers: [.cookie: op]) { page in
                #expect(page.text.contains(#"<html lang="kk">"#))
                #expect(page.text.components(separatedBy: #"<article class="sheet""#).count == 3)
                #expect(page.text.contains("Жеке басын куәландыратын құжат"))
                #expect(page.text.contains("/assets/print.css"))
            }
            #expect(try await ReferenceRepository(db: deps.database.sql).count("cases") == 0)
            // Provider staff cannot take State Corporation intake, and applicants cannot open the desk.
            let parent = try await signIn(client, "applicant")
            try await client.execute(uri: "/desk/S1", method: .get, headers: [.cookie: parent]) { r in #expect(r.status == .forbidden) }
        }
    }
}
