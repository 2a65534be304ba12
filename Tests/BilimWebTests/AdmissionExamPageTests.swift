import BilimCore
import BilimServices
import BilimStore
import BilimTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The college's exam page: registration, marks, and a mark for someone not registered refused (003 §32) (003 §48).
@Suite struct AdmissionExamPageTests {
    func form(_ client: any TestClientProtocol, _ uri: String, _ cookie: String, _ body: String) async throws -> TestResponse {
        try await client.execute(
            uri: uri, method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie + "; lang=ru"],
            body: ByteBuffer(string: body + "&_csrf=\(formToken(cookie))")) { $0 }
    }

    @Test("the college registers an applicant for the pedagogy exam and enters the marks from the page (003 §32) (003 §38) (003 §48)", arguments: TestDatabase.allConfigured)
    func exams(_ kind: TestDatabase) async throws {
        try await withTestApp(on: kind, clock: MovableClock(almaty: "2026-07-01T10:00")) { client, deps, _ in
            try await AdmissionApplicationsAPITests.loadPrograms(client)
            let id = try await AdmissionApplicationsAPITests.applyConfirmed(client, deps, choices: ["B-PED", "B-WRK"])
            let college = try await signIn(client, "college.staff")
            let page = try await client.execute(uri: "/admission/exams", method: .get, headers: [.cookie: college + "; lang=ru"]) { $0.text }
            #expect(page.contains("<td>B-PED</td>") && !page.contains("<td>B-WRK</td>") && page.contains("Зарегистрировать на экзамен"))
            // Marks before registration: refused with its message, nothing saved.
            let early = try await form(client, "/admission/exams/marks", college, "application=\(id)&program=B-PED&marks=5")
            #expect(early.status == .unprocessableContent && early.text.contains("Этот абитуриент не зарегистрирован на экзамен этой программы."))
            // An accommodation without the 031-U conclusion is refused (003 §38).
            let room = try await form(client, "/admission/exams/register", college, "application=\(id)&program=B-PED&acc_separate-room=1")
            #expect(room.status == .unprocessableContent && room.text.contains("031-У"))
            let registered = try await form(client, "/admission/exams/register", college, "application=\(id)&program=B-PED")
            #expect(registered.status == .seeOther)
            let bad = try await form(client, "/admission/exams/marks", college, "application=\(id)&program=B-PED&marks=4.5+7")
            #expect(bad.status == .unprocessableContent && bad.text.contains("Оценка «7» неверна"))
            let saved = try await form(client, "/admission/exams/marks", college, "application=\(id)&program=B-PED&marks=4.5%2C+5")
            #expect(saved.status == .seeOther)
            let after = try await client.execute(uri: "/admission/exams?done=marks", method: .get, headers: [.cookie: college + "; lang=ru"]) { $0.text }
            #expect(after.contains("Результат сохранён.") && after.contains("<td>4.50, 5.00</td>"))
        }
    }
}
