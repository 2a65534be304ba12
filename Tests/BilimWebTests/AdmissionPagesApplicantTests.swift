import BilimCore
import BilimServices
import BilimStore
import BilimTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The applicant's admission pages: the form, "check your answers", the confirmation by a one-time code, and the
/// application with its signed notice and the day of the result (003 §12) (003 §16) (003 Annex 1 item 8).
@Suite struct AdmissionPagesApplicantTests {
    func form(_ client: any TestClientProtocol, _ uri: String, _ cookie: String, _ body: String) async throws -> TestResponse {
        try await client.execute(
            uri: uri, method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie + "; lang=ru"],
            body: ByteBuffer(string: body + "&_csrf=\(formToken(cookie))")) { $0 }
    }

    @Test("a parent applies for their child through the pages and confirms with the code sent by SMS (003 §12) (003 §16)", arguments: TestDatabase.allConfigured)
    func applies(_ kind: TestDatabase) async throws {
        try await withTestApp(on: kind, clock: MovableClock(almaty: "2026-07-01T10:00")) { client, deps, _ in
            try await AdmissionApplicationsAPITests.loadPrograms(client)
            let parent = try await signIn(client, "applicant")
            let empty = try await client.execute(uri: "/admission", method: .get, headers: [.cookie: parent + "; lang=ru"]) { $0.text }
            #expect(empty.contains("В этом году заявлений нет."))
            let page = try await client.execute(uri: "/admission/apply", method: .get, headers: [.cookie: parent + "; lang=ru"]) { $0.text }
            #expect(page.contains("doc-certificate-2026") && page.contains("B-WRK — Cook, Cook"))
            let fields = "document=doc-certificate-2026&choice1=B-WRK&choice2=B-MID&choice3=&choice4=&quota=&doc_medical-075u=1&doc_photo-3x4=1&dormitory=1&consent=1"
            // A missing photo sends the applicant back to the form with the message, nothing written.
            let missing = try await form(client, "/admission/apply", parent, fields.replacingOccurrences(of: "&doc_photo-3x4=1", with: ""))
            #expect(missing.status == .unprocessableContent && missing.text.contains("href=\"#doc_photo-3x4\""), "\(missing.text.prefix(400))")
            // Two identical choices: refused with its own message.
            let twice = try await form(client, "/admission/apply", parent, fields.replacingOccurrences(of: "choice2=B-MID", with: "choice2=B-WRK"))
            #expect(twice.status == .unprocessableContent && twice.text.contains("Программа «B-WRK» выбрана дважды."))
            let check = try await form(client, "/admission/apply", parent, fields)
            #expect(check.status == .ok && check.text.contains("B-MID") && check.text.contains("send-code"), "\(check.text.prefix(400))")
            let sent = try await form(client, "/admission/apply", parent, fields + "&step=send-code")
            let challenge = String(try #require(sent.text.firstMatch(of: /name="challengeId" value="([^"]+)"/)).output.1)
            let wrong = try await form(client, "/admission/apply", parent, fields + "&step=confirm&challengeId=\(challenge)&code=000000")
            #expect(wrong.status == .unprocessableContent && wrong.text.contains("Неверный код"))
            let code = try await lastCode(deps)
            let done = try await form(client, "/admission/apply", parent, fields + "&step=confirm&challengeId=\(challenge)&code=\(code)")
            #expect(done.status == .seeOther && done.headers[.location] == "/admission?created=1", "\(done.text.prefix(300))")
            let overview = try await client.execute(uri: "/admission?created=1", method: .get, headers: [.cookie: parent + "; lang=ru"]) { $0.text }
            #expect(overview.contains("Заявление принято.") && overview.contains("Результат будет опубликован 2026-08-23."))
            #expect(overview.contains("/documents/E-2026-"))
            #expect(try await AdmissionRepository(db: deps.database.sql).count("admission_applications", year: 2026) == 1)
        }
    }
}
