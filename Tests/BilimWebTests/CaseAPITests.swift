import BilimCore
import BilimServices
import BilimStore
import BilimTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct CaseAPITests {
    static let json: HTTPFields = [.contentType: "application/json"]

    func post(
        _ client: any TestClientProtocol, _ uri: String, _ cookie: String, _ body: String, lang: String = "ru", key: String? = nil,
        confirmingWith deps: ServiceDependencies? = nil
    ) async throws -> (HTTPResponse.Status, [String: Any]) {
        var body = body
        if let deps, !cookie.isEmpty { body = try await confirmed(client, deps, cookie, body) }
        var headers: HTTPFields = [.contentType: "application/json", .cookie: cookie, .acceptLanguage: lang]
        if let key { headers[HTTPField.Name("Idempotency-Key")!] = key }
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body)) { r in (r.status, r.json) }
    }

    static let application = #"{"service": "S1", "providerId": "org-almaty-school-1", "documentId": "doc-certificate-2002", "documents": ["e-application"], "consent": true}"#

    @Test("portal duplicate through the HTTP API: apply, review, duplicate, hand over (004 §51) (004 §58)", arguments: TestDatabase.allConfigured)
    func portalScenario(_ kind: TestDatabase) async throws {
        let clock = MovableClock(almaty: "2025-03-03T10:00")
        try await withTestApp(on: kind, clock: clock) { client, deps, logs in
            let parent = try await signIn(client, "applicant")
            let staff = try await signIn(client, "school.staff")

            let (status, first) = try await post(client, "/api/v1/cases", parent, Self.application, key: "form-1", confirmingWith: deps)
            #expect(status == .created)
            let c = try #require(first["case"] as? [String: Any])
            let id = try #require(c["id"] as? String)
            #expect(c["deadline"] as? String == "2025-03-27")
            let (again, repeated) = try await post(client, "/api/v1/cases", parent, Self.application, key: "form-1", confirmingWith: deps)
            #expect(again == .ok && (repeated["case"] as? [String: Any])?["id"] as? String == id)

            for action in ["accept-for-review", "prepare-duplicate", "hand-over"] {
                let (s, body) = try await post(client, "/api/v1/cases/\(id)/actions", staff, #"{"action": "\#(action)", "reason": "identity card No. 012345678"}"#)
                #expect(s == .ok, "\(action): \(body)")
            }
            try await client.execute(uri: "/api/v1/cases/\(id)", method: .get, headers: [.cookie: parent]) { r in
                #expect((r.json["case"] as? [String: Any])?["state"] as? String == "handed-over")
                #expect((r.json["events"] as? [[String: Any]])?.count == 4)
                #expect((r.json["allowedActions"] as? [String]) == [])
            }
            try await client.execute(uri: "/api/v1/cabinet/messages", method: .get, headers: [.cookie: parent]) { r in
                let list = try JSONSerialization.jsonObject(with: Data(r.text.utf8)) as? [[String: Any]]
                #expect(list?.count == 4)
            }
            #expect(!logs.text.contains(DemoData.parentIIN.digits))
        }
    }

    @Test("a refusal after a hearing through the HTTP API, with the terms of 004 §58", arguments: TestDatabase.allConfigured)
    func refusalScenario(_ kind: TestDatabase) async throws {
        let clock = MovableClock(almaty: "2025-03-03T10:00")
        try await withTestApp(on: kind, clock: clock) { client, deps, _ in
            var parent = try await signIn(client, "applicant")
            var staff = try await signIn(client, "school.staff")
            let (_, first) = try await post(client, "/api/v1/cases", parent, Self.application, confirmingWith: deps)
            let id = try #require((first["case"] as? [String: Any])?["id"] as? String)
            _ = try await post(client, "/api/v1/cases/\(id)/actions", staff, #"{"action": "accept-for-review"}"#)

            // Too late: on 20 March the notice was due by 19 March (3 working days before 27 March). Sessions
            // expire after 30 idle minutes, so each jump of the clock signs in again.
            clock.set(almaty: "2025-03-20T10:00")
            staff = try await signIn(client, "school.staff")
            let (late, lateBody) = try await post(
                client, "/api/v1/cases/\(id)/actions", staff,
                #"{"action": "preliminary-refusal", "grounds": ["unreliable-documents"], "hearingOn": "2025-03-20"}"#)
            #expect(late == .unprocessableContent)
            #expect(lateBody["code"] as? String == "case.hearingNoticeTooLate" && lateBody["clause"] as? String == "004 §58")
            #expect((lateBody["message"] as? String)?.contains("2025-03-19") == true)

            clock.set(almaty: "2025-03-12T10:00")
            parent = try await signIn(client, "applicant")
            staff = try await signIn(client, "school.staff")
            let steps = [
                (staff, #"{"action": "preliminary-refusal", "grounds": ["unreliable-documents"], "hearingOn": "2025-03-12"}"#),
                (parent, #"{"action": "object", "reason": "the certificate is genuine"}"#),
                (staff, #"{"action": "hold-hearing"}"#),
                (staff, #"{"action": "decide-refusal", "grounds": ["unreliable-documents"]}"#),
            ]
            for (who, body) in steps {
                let (s, answer) = try await post(client, "/api/v1/cases/\(id)/actions", who, body)
                #expect(s == .ok, "\(body): \(answer)")
            }
            try await client.execute(uri: "/api/v1/cases/\(id)", method: .get, headers: [.cookie: staff]) { r in
                let decisions = r.json["decisions"] as? [[String: Any]]
                #expect(decisions?.map { $0["kind"] as? String } == ["preliminary-refusal", "refusal"])
            }
        }
    }

    @Test("State Corporation intake: refusal receipt for an incomplete package, then a case with its acceptance receipt (004 §52) (004 §50)", arguments: TestDatabase.allConfigured)
    func deskScenario(_ kind: TestDatabase) async throws {
        try await withTestApp(on: kind, clock: MovableClock(almaty: "2025-03-03T10:00")) { client, deps, _ in
            let op = try await signIn(client, "operator")
            let incomplete = #"{"service": "S1", "channel": "state-corporation", "applicantIIN": "\#(DemoData.parentIIN.digits)", "providerId": "org-almaty-school-1", "documents": ["application"], "consent": true}"#
            let complete = #"{"service": "S1", "channel": "state-corporation", "applicantIIN": "\#(DemoData.parentIIN.digits)", "providerId": "org-almaty-school-1", "documentId": "doc-certificate-2002", "documents": ["application", "identity-document"], "consent": true}"#

            let (s1, refused) = try await post(client, "/api/v1/desk/applications", op, incomplete)
            #expect(s1 == .created && refused["case"] == nil)
            let receipt = try #require(refused["receipt"] as? [String: Any])
            #expect(receipt["kind"] as? String == "refusal" && receipt["missing"] as? [String] == ["identity-document"])

            let (s2, accepted) = try await post(client, "/api/v1/desk/applications", op, complete)
            #expect(s2 == .created)
            #expect((accepted["receipt"] as? [String: Any])?["kind"] as? String == "acceptance")
            #expect((accepted["case"] as? [String: Any])?["deadline"] as? String == "2025-03-28")
            let number = try #require((accepted["receipt"] as? [String: Any])?["number"] as? String)
            try await client.execute(uri: "/api/v1/receipts/\(number)", method: .get, headers: [.cookie: op]) { r in
                #expect(r.status == .ok)
            }
        }
    }

    @Test("bad input on the case API: a clear error and nothing changes", arguments: TestDatabase.allConfigured)
    func badInput(_ kind: TestDatabase) async throws {
        try await withTestApp(on: kind, clock: MovableClock(almaty: "2025-03-03T10:00")) { client, deps, _ in
            let parent = try await signIn(client, "applicant")
            let college = try await signIn(client, "college.staff")
            let (_, first) = try await post(client, "/api/v1/cases", parent, Self.application, confirmingWith: deps)
            let id = try #require((first["case"] as? [String: Any])?["id"] as? String)

            let (dup, dupBody) = try await post(client, "/api/v1/cases", parent, Self.application, confirmingWith: deps)
            #expect(dup == .conflict && dupBody["code"] as? String == "application.duplicate")
            #expect((dupBody["message"] as? String) == "По этому документу ещё рассматривается заявление № S1-2025-000001.")
            let (wrongState, ws) = try await post(client, "/api/v1/cases/\(id)/actions", parent, #"{"action": "hand-over"}"#)
            #expect(wrongState == .forbidden && ws["code"] as? String == "case.roleNotAllowed")
            let (other, ob) = try await post(client, "/api/v1/cases/\(id)/actions", college, #"{"action": "accept-for-review"}"#)
            #expect(other == .notFound && ob["code"] as? String == "case.notFound")
            let (noAuth, na) = try await post(client, "/api/v1/cases", "", Self.application, confirmingWith: deps)
            #expect(noAuth == .unauthorized && na["code"] as? String == "signIn.required")
            let (form, fb) = try await client.execute(
                uri: "/api/v1/cases", method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .cookie: parent],
                body: ByteBuffer(string: "service=S1")) { r in (r.status, r.json) }
            // A form body to the JSON API is what a cross-site page could send: refused by the CSRF check.
            #expect(form == .forbidden && fb["code"] as? String == "csrf.invalid")

            #expect(try await ReferenceRepository(db: deps.database.sql).count("cases") == 1)
            #expect(try await CaseRepository(db: deps.database.sql).find(id: id)?.state == "registered")
        }
    }
}

@Suite struct ChannelScenarioTests {
    func post(
        _ client: any TestClientProtocol, _ uri: String, _ cookie: String, _ body: String, confirmingWith deps: ServiceDependencies? = nil
    ) async throws -> (HTTPResponse.Status, [String: Any]) {
        var body = body
        if let deps { body = try await confirmed(client, deps, cookie, body) }
        return try await client.execute(
            uri: uri, method: .post, headers: [.contentType: "application/json", .cookie: cookie],
            body: ByteBuffer(string: body)) { r in (r.status, r.json) }
    }

    @Test("provider's office: paper application with its receipt, duplicate, handed over at the office (004 §47) (004 §58)", arguments: TestDatabase.allConfigured)
    func office(_ kind: TestDatabase) async throws {
        try await withTestApp(on: kind, clock: MovableClock(almaty: "2025-03-03T10:00")) { client, deps, _ in
            let staff = try await signIn(client, "school.staff")
            let (s, body) = try await post(
                client, "/api/v1/desk/applications", staff,
                #"{"service": "S1", "channel": "office", "applicantIIN": "\#(DemoData.parentIIN.digits)", "providerId": "org-almaty-school-1", "documentId": "doc-certificate-2002", "documents": ["application", "identity-document"], "consent": true}"#)
            #expect(s == .created)
            #expect((body["receipt"] as? [String: Any])?["kind"] as? String == "acceptance")
            let id = try #require((body["case"] as? [String: Any])?["id"] as? String)
            #expect((body["case"] as? [String: Any])?["deadline"] as? String == "2025-03-27")  // the office counts day 1 from registration

            for action in ["accept-for-review", "prepare-duplicate", "hand-over"] {
                let (st, b) = try await post(client, "/api/v1/cases/\(id)/actions", staff, #"{"action": "\#(action)", "reason": "identity card No. 012345678"}"#)
                #expect(st == .ok, "\(action): \(b)")
            }
            // Provider staff cannot register for another school.
            let (other, ob) = try await post(
                client, "/api/v1/desk/applications", staff,
                #"{"service": "S1", "channel": "office", "applicantIIN": "\#(DemoData.parentIIN.digits)", "providerId": "org-karaganda-school-7", "documents": ["application", "identity-document"], "consent": true}"#)
            #expect(other == .forbidden && ob["code"] as? String == "access.forbidden")
        }
    }

    @Test("State Corporation: intake, courier registry, review, result back, stored and handed over (004 §54) (004 §61)", arguments: TestDatabase.allConfigured)
    func stateCorporation(_ kind: TestDatabase) async throws {
        let clock = MovableClock(almaty: "2025-03-03T10:00")
        try await withTestApp(on: kind, clock: clock) { client, deps, _ in
            let op = try await signIn(client, "operator")
            let staff = try await signIn(client, "school.staff")
            let (_, body) = try await post(
                client, "/api/v1/desk/applications", op,
                #"{"service": "S1", "channel": "state-corporation", "applicantIIN": "\#(DemoData.parentIIN.digits)", "providerId": "org-almaty-school-1", "documentId": "doc-certificate-2002", "documents": ["application", "identity-document"], "consent": true}"#)
            let id = try #require((body["case"] as? [String: Any])?["id"] as? String)
            let (formed, _) = try await post(client, "/api/v1/courier/registries", op, #"{"providerId": "org-almaty-school-1"}"#)
            #expect(formed == .created)
            for (who, action) in [(staff, "accept-for-review"), (staff, "prepare-duplicate"), (op, "receive-result"), (op, "hand-over")] {
                let (st, b) = try await post(client, "/api/v1/cases/\(id)/actions", who, #"{"action": "\#(action)", "reason": "identity card No. 012345678"}"#)
                #expect(st == .ok, "\(action): \(b)")
            }
            try await client.execute(uri: "/api/v1/cases/\(id)", method: .get, headers: [.cookie: op]) { r in
                #expect((r.json["case"] as? [String: Any])?["state"] as? String == "handed-over")
                let kinds = (r.json["events"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }
                #expect(kinds == ["registered", "send-to-provider", "accept-for-review", "prepare-duplicate", "receive-result", "hand-over"])
            }
        }
    }

    @Test("portal application collected at a State Corporation office: that office receives, keeps and hands it over (004 §59) (004 §61)", arguments: TestDatabase.allConfigured)
    func portalPickup(_ kind: TestDatabase) async throws {
        try await withTestApp(on: kind, clock: MovableClock(almaty: "2025-03-03T10:00")) { client, deps, _ in
            let parent = try await signIn(client, "applicant")
            let staff = try await signIn(client, "school.staff")
            let op = try await signIn(client, "operator")
            let (missing, mb) = try await post(
                client, "/api/v1/cases", parent,
                #"{"service": "S1", "providerId": "org-almaty-school-1", "documentId": "doc-certificate-2002", "documents": ["e-application"], "consent": true, "pickupAtStateCorporation": true}"#, confirmingWith: deps)
            #expect(missing == .unprocessableContent && mb["field"] as? String == "pickupOfficeId")

            let (_, created) = try await post(
                client, "/api/v1/cases", parent,
                #"{"service": "S1", "providerId": "org-almaty-school-1", "documentId": "doc-certificate-2002", "documents": ["e-application"], "consent": true, "pickupAtStateCorporation": true, "pickupOfficeId": "org-almaty-gov4c-1"}"#, confirmingWith: deps)
            let id = try #require((created["case"] as? [String: Any])?["id"] as? String)
            for (who, action) in [(staff, "accept-for-review"), (staff, "prepare-duplicate"), (op, "receive-result"), (op, "hand-over")] {
                let (st, b) = try await post(client, "/api/v1/cases/\(id)/actions", who, #"{"action": "\#(action)", "reason": "identity card No. 012345678"}"#)
                #expect(st == .ok, "\(action): \(b)")
            }
        }
    }
}
