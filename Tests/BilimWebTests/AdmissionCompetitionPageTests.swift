import BilimCore
import BilimServices
import BilimStore
import BilimTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The department's competition page: a run on the stored applications, publication not before its day (003 §64),
/// and the places for redistribution (003 §63).
@Suite struct AdmissionCompetitionPageTests {
    func form(_ client: any TestClientProtocol, _ uri: String, _ cookie: String, _ body: String) async throws -> TestResponse {
        try await client.execute(
            uri: uri, method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie + "; lang=ru"],
            body: ByteBuffer(string: body + "&_csrf=\(formToken(cookie))")) { $0 }
    }

    func page(_ client: any TestClientProtocol, _ cookie: String, _ uri: String = "/admission/competition") async throws -> String {
        try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie + "; lang=ru"]) { $0.text }
    }

    @Test("the department runs the competition from the page and publishes it on 23 August, not before (003 §54) (003 §64) (003 §63)", arguments: TestDatabase.allConfigured)
    func runAndPublish(_ kind: TestDatabase) async throws {
        let clock = MovableClock(almaty: "2026-07-01T10:00")
        try await withTestApp(on: kind, clock: clock) { client, deps, _ in
            try await AdmissionApplicationsAPITests.loadPrograms(client)
            _ = try await AdmissionApplicationsAPITests.applyConfirmed(client, deps, choices: ["B-WRK"])
            var department = try await signIn(client, "department")
            #expect(try await page(client, department).contains("Конкурс 2026 года"))
            let run = try await form(client, "/admission/competition/run", department, "")
            #expect(run.status == .seeOther && run.headers[.location] == "/admission/competition?done=run")
            let after = try await page(client, department, "/admission/competition?done=run")
            #expect(after.contains("Конкурс проведён и сохранён.") && after.contains("<td>1</td><td>0</td><td>1</td>"), "\(after.suffix(1500))")
            let runId = try await AdmissionRepository(db: deps.database.sql).runs(year: 2026, region: "KZ-75").first?.id ?? ""
            let early = try await form(client, "/admission/competition/publish", department, "run=\(runId)&base=basic-secondary")
            #expect(early.status == .unprocessableContent && early.text.contains("публикуются не ранее 2026-08-23"))
            clock.set(almaty: "2026-08-23T09:00")
            department = try await signIn(client, "department")
            let published = try await form(client, "/admission/competition/publish", department, "run=\(runId)&base=basic-secondary")
            #expect(published.status == .seeOther)
            let final = try await page(client, department)
            // One applicant cannot form a group of 15 (003 §63): all 25 places go to redistribution.
            #expect(final.contains("Опубликовано.") && final.contains("<td>B-WRK</td><td>25</td><td>не сформирована</td><td>0</td><td>0</td><td>25</td>"), "\(final.suffix(1500))")
            // Others may not see it.
            let parentAgain = try await signIn(client, "applicant")
            #expect(try await client.execute(uri: "/admission/competition", method: .get, headers: [.cookie: parentAgain]) { $0.status } == .forbidden)
        }
    }
}
