import BilimCore
import BilimServices
import BilimStore
import BilimTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct ComplaintAPITests {
    func post(
        _ client: any TestClientProtocol, _ uri: String, _ cookie: String, _ body: String, confirmingWith deps: ServiceDependencies? = nil
    ) async throws -> (HTTPResponse.Status, [String: Any]) {
        var body = body
        if let deps { body = try await confirmed(client, deps, cookie, body) }
        return try await client.execute(
            uri: uri, method: .post, headers: [.contentType: "application/json", .cookie: cookie, .acceptLanguage: "kk"],
            body: ByteBuffer(string: body)) { r in (r.status, r.json) }
    }

    @Test("a complaint forwarded and answered through the HTTP routes: the refusal is revoked, the case reopens (002 §14)", arguments: TestDatabase.allConfigured)
    func forwardedAndAnswered(_ kind: TestDatabase) async throws {
        let clock = MovableClock(almaty: "2025-03-03T10:00")
        try await withTestApp(on: kind, clock: clock) { client, deps, _ in
            var parent = try await signIn(client, "applicant")
            var staff = try await signIn(client, "school.staff")
            let (_, created) = try await post(client, "/api/v1/cases", parent, CaseAPITests.application, confirmingWith: deps)
            let id = try #require((created["case"] as? [String: Any])?["id"] as? String)
            clock.set(almaty: "2025-03-12T10:00")
            staff = try await signIn(client, "school.staff")
            for body in [
                #"{"action": "accept-for-review"}"#,
                #"{"action": "preliminary-refusal", "grounds": ["unreliable-documents"], "hearingOn": "2025-03-12"}"#,
                #"{"action": "hold-hearing"}"#, #"{"action": "decide-refusal", "grounds": ["unreliable-documents"]}"#,
            ] {
                let (s, b) = try await post(client, "/api/v1/cases/\(id)/actions", staff, body)
                #expect(s == .ok, "\(body): \(b)")
            }
            let (_, detail) = try await client.execute(uri: "/api/v1/cases/\(id)", method: .get, headers: [.cookie: staff]) { r in (r.status, r.json) }
            let refusal = try #require((detail["decisions"] as? [[String: Any]])?.last?["number"] as? String)

            parent = try await signIn(client, "applicant")
            let (filed, complaint) = try await post(
                client, "/api/v1/cases/\(id)/complaints", parent, #"{"decisionNumber": "\#(refusal)", "text": "The archive has my certificate."}"#)
            #expect(filed == .created && complaint["state"] as? String == "registered")
            let cid = try #require(complaint["id"] as? String)
            let (short, shortBody) = try await post(client, "/api/v1/cases/\(id)/complaints", parent, #"{"text": "no"}"#)
            #expect(short == .unprocessableContent && shortBody["code"] as? String == "complaint.textRequired")

            let (fw, _) = try await post(client, "/api/v1/complaints/\(cid)/actions", staff, #"{"action": "forward"}"#)
            #expect(fw == .ok)
            let reviewer = try await signIn(client, "reviewer")
            let (noAnswer, na) = try await post(client, "/api/v1/complaints/\(cid)/actions", reviewer, #"{"action": "uphold"}"#)
            #expect(noAnswer == .unprocessableContent && na["code"] as? String == "complaint.answerRequired")
            #expect((na["message"] as? String) == "Дәлелді жауап жазыңыз (кемінде 10 таңба).")
            let (up, answered) = try await post(
                client, "/api/v1/complaints/\(cid)/actions", reviewer, #"{"action": "uphold", "answer": "The archive confirms the certificate."}"#)
            #expect(up == .ok && answered["state"] as? String == "upheld")

            try await client.execute(uri: "/api/v1/cases/\(id)", method: .get, headers: [.cookie: staff]) { r in
                #expect((r.json["case"] as? [String: Any])?["state"] as? String == "hearing")
                #expect((r.json["decisions"] as? [[String: Any]])?.last?["status"] as? String == "revoked")
                #expect((r.json["allowedActions"] as? [String]) == ["decide-duplicate", "decide-refusal"])
            }
            try await client.execute(uri: "/cases/\(id)?lang=ru", method: .get, headers: [.cookie: parent]) { r in
                #expect(r.text.contains("Отменено") && r.text.contains("Удовлетворена"))
            }
            try await client.execute(uri: "/complaints?lang=kk", method: .get, headers: [.cookie: reviewer]) { r in
                #expect(r.status == .ok && r.text.contains("Қанағаттандырылды"))
            }
        }
    }
}
