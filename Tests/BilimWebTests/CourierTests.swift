import BilimCore
import BilimServices
import BilimStore
import BilimTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct CourierTests {
    @Test("a courier registry takes every waiting application to its provider, numbered by run, in two copies (004 §54) (004 §55)", arguments: TestDatabase.allConfigured)
    func registry(_ kind: TestDatabase) async throws {
        try await withTestApp(on: kind, clock: MovableClock(almaty: "2025-03-03T10:00")) { client, deps, _ in
            let op = try await signIn(client, "operator")
            for (iin, doc) in [(DemoData.parentIIN.digits, "doc-certificate-2002"), (DemoData.childIIN.digits, "doc-certificate-2026")] {
                try await client.execute(
                    uri: "/api/v1/desk/applications", method: .post, headers: [.contentType: "application/json", .cookie: op],
                    body: ByteBuffer(string: #"{"service": "S1", "channel": "state-corporation", "applicantIIN": "\#(iin)", "providerId": "org-almaty-school-1", "documentId": "\#(doc)", "documents": ["application", "identity-document"], "consent": true}"#)
                ) { r in #expect(r.status == .created) }
            }

            let formed = try await client.execute(
                uri: "/api/v1/courier/registries", method: .post, headers: [.contentType: "application/json", .cookie: op],
                body: ByteBuffer(string: #"{"providerId": "org-almaty-school-1"}"#)) { r in (r.status, r.json) }
            #expect(formed.0 == .created)
            #expect(formed.1["run"] as? Int == 1)
            #expect((formed.1["cases"] as? [String])?.count == 2)
            let number = try #require(formed.1["number"] as? String)
            let again = try await client.execute(
                uri: "/api/v1/courier/registries", method: .post, headers: [.contentType: "application/json", .cookie: op],
                body: ByteBuffer(string: #"{"providerId": "org-almaty-school-1"}"#)) { r in (r.status, r.json) }
            #expect(again.0 == .unprocessableContent && again.1["code"] as? String == "courier.nothingToSend")

            let states = try await CaseRepository(db: deps.database.sql).visible(to: Actor(userId: "x", role: .administrator, organizationId: nil, regionCode: nil, personIIN: nil)).map(\.state)
            #expect(states == ["sent-to-provider", "sent-to-provider"])
            try await client.execute(uri: "/courier/registries/\(number)?lang=ru", method: .get, headers: [.cookie: op]) { r in
                #expect(r.status == .ok)
                #expect(r.text.components(separatedBy: #"<article class="sheet""#).count == 3)
                #expect(r.text.contains("Курьерский реестр"))
            }
            // The provider sees it; staff of another organization do not.
            let school = try await signIn(client, "school.staff")
            try await client.execute(uri: "/api/v1/courier/registries/\(number)", method: .get, headers: [.cookie: school]) { r in #expect(r.status == .ok) }
            let college = try await signIn(client, "college.staff")
            try await client.execute(uri: "/api/v1/courier/registries/\(number)", method: .get, headers: [.cookie: college]) { r in #expect(r.status == .notFound) }
            try await client.execute(uri: "/courier", method: .get, headers: [.cookie: op + "; lang=kk"]) { r in
                #expect(r.status == .ok && r.text.contains("Бүгін жасалған тізілімдер: 1"))
            }
        }
    }

    @Test("a result kept over a month is listed for return, and returning it earlier is refused (004 §62)", arguments: TestDatabase.allConfigured)
    func storage(_ kind: TestDatabase) async throws {
        let clock = MovableClock(almaty: "2025-03-03T10:00")
        try await withTestApp(on: kind, clock: clock) { client, deps, _ in
            let db = deps.database.sql
            let ref = ReferenceRepository(db: db)
            let op = try await Actor.of(try await ref.user(login: "operator")!, database: deps.database, today: deps.today)
            let staff = try await Actor.of(try await ref.user(login: "school.staff")!, database: deps.database, today: deps.today)
            let c = try #require(try await ConfirmedIntake(deps).submit(
                Application(service: .s1, channel: .stateCorporation, applicantIIN: DemoData.parentIIN.digits, providerId: "org-almaty-school-1",
                            documentId: "doc-certificate-2002", documents: ["application", "identity-document"], consent: true, language: .kk), by: op).caseRow)
            let w = CaseWorkflow(deps)
            _ = try await CourierDispatch(deps).form(providerId: "org-almaty-school-1", by: op)
            try await w.perform(.acceptForReview, on: c.id, by: staff)
            try await w.perform(.prepareDuplicate, on: c.id, by: staff)
            clock.set(almaty: "2025-03-14T10:00")
            try await w.perform(.receiveResult, on: c.id, by: op)

            clock.set(almaty: "2025-04-14T10:00")
            await #expect(throws: DomainError.self) { try await w.perform(.returnToProvider, on: c.id, by: op) }
            clock.set(almaty: "2025-04-15T10:00")
            let cookie = try await signIn(client, "operator")
            try await client.execute(uri: "/api/v1/courier", method: .get, headers: [.cookie: cookie]) { r in
                #expect((r.json["dueForReturn"] as? [[String: Any]])?.first?["number"] as? String == c.registrationNumber)
            }
            let returned = try await w.perform(.returnToProvider, on: c.id, by: op)
            #expect(returned.state == "returned-to-provider")
            #expect(try await w.perform(.fetchBack, on: c.id, by: op).state == "stored")
        }
    }
}
