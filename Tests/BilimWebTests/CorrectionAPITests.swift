import BilimCore
import BilimServices
import BilimStore
import BilimTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct CorrectionAPITests {
    func post(_ client: any TestClientProtocol, _ uri: String, _ cookie: String, _ body: String) async throws -> (HTTPResponse.Status, [String: Any]) {
        try await client.execute(
            uri: uri, method: .post, headers: [.contentType: "application/json", .cookie: cookie, .acceptLanguage: "ru"],
            body: ByteBuffer(string: body)) { r in (r.status, r.json) }
    }

    static let pdf = Data("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".utf8).base64EncodedString()
    static func corrections(value: String = "5") -> String {
        #"{"documentId": "doc-diploma-2006", "consent": true, "changes": [{"field": "grade.psychology", "value": "\#(value)", "explanation": "В архивной ведомости — отлично"}], "copy": {"filename": "diploma.pdf", "mediaType": "application/pdf", "contentBase64": "\#(pdf)"}}"#
    }

    @Test("corrections through the HTTP API: confirmed by a one-time code, reviewed, the registry corrected with its history (002 §6) (002 §8)", arguments: TestDatabase.allConfigured)
    func endToEnd(_ kind: TestDatabase) async throws {
        try await withTestApp(on: kind, clock: MovableClock(almaty: "2025-03-05T10:00")) { client, deps, _ in
            let parent = try await signIn(client, "applicant")
            let staff = try await signIn(client, "college.staff")
            // Unconfirmed: refused, nothing registered.
            let (unconfirmed, u) = try await post(client, "/api/v1/corrections", parent, Self.corrections())
            #expect(unconfirmed == .unprocessableContent && u["code"] as? String == "confirmation.required")
            // A no-op correction is refused before any code is sent.
            let (noop, n) = try await post(
                client, "/api/v1/corrections/confirmations", parent, #"{"method": "otp", "corrections": \#(Self.corrections(value: "4"))}"#)
            #expect(noop == .unprocessableContent && n["code"] as? String == "correction.nothingToChange")
            #expect(n["message"] as? String == "Новое значение поля «grade.psychology» совпадает с документом: исправлять нечего.")

            let body = try await confirmed(client, deps, parent, Self.corrections(), prepare: "/api/v1/corrections/confirmations", key: "corrections")
            let (status, created) = try await post(client, "/api/v1/corrections", parent, body)
            #expect(status == .created)
            let c = try #require(created["case"] as? [String: Any])
            let id = try #require(c["id"] as? String)
            #expect(c["service"] as? String == "S3" && c["state"] as? String == "registered")

            let requested = try await client.execute(uri: "/api/v1/cases/\(id)/corrections", method: .get, headers: [.cookie: staff]) { r in
                (try? JSONSerialization.jsonObject(with: Data(r.text.utf8))) as? [[String: Any]]
            }
            #expect(requested?.first?["oldValue"] as? String == "4" && requested?.first?["newValue"] as? String == "5")
            for action in ["accept-for-review", "apply-corrections"] {
                let (s, b) = try await post(client, "/api/v1/cases/\(id)/actions", staff, #"{"action": "\#(action)"}"#)
                #expect(s == .ok, "\(action): \(b)")
            }
            let history = try await client.execute(uri: "/api/v1/documents/doc-diploma-2006/corrections", method: .get, headers: [.cookie: parent]) { r in
                (try? JSONSerialization.jsonObject(with: Data(r.text.utf8))) as? [[String: Any]]
            }
            let entry = try #require(history?.first)
            #expect(entry["field"] as? String == "grade.psychology" && entry["oldValue"] as? String == "4" && entry["newValue"] as? String == "5")
            #expect(entry["caseNumber"] as? String == "S3-2025-000001" && entry["reason"] as? String == "В архивной ведомости — отлично")
            // A stranger (another organization's staff) does not see the history.
            let other = try await signIn(client, "school.staff")
            try await client.execute(uri: "/api/v1/documents/doc-diploma-2006/corrections", method: .get, headers: [.cookie: other]) { r in
                #expect(r.status == .notFound)
            }
        }
    }
}
