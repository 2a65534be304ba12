import BilimCore
import BilimServices
import BilimStore
import BilimTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Nobody sees what is not theirs: every GET route of /openapi.json that takes an id or a number is asked, by every
/// role that has no right to it, for a parent's case, its registration number and its signed receipt. None answers
/// with its data; the case routes answer 404, as for a case that does not exist.
@Suite struct AccessMatrixTests {
    @Test("every route with an id, as every role without the right to it, for another person's case: never its data, the case itself a 404")
    func matrix() async throws {
        try await withTestApp(clock: MovableClock(almaty: "2025-03-03T10:00")) { client, deps, _ in
            let parent = try await signIn(client, "applicant")
            let body = try await confirmed(client, deps, parent, CaseAPITests.application)
            let created = try await client.execute(
                uri: "/api/v1/cases", method: .post, headers: [.contentType: "application/json", .cookie: parent], body: ByteBuffer(string: body)
            ) { $0.json }
            let c = try #require(created["case"] as? [String: Any])
            let caseId = try #require(c["id"] as? String), number = try #require(c["number"] as? String)
            let docs = try await client.execute(uri: "/api/v1/cases/\(caseId)/documents", method: .get, headers: [.cookie: parent]) {
                (try? JSONSerialization.jsonObject(with: Data($0.text.utf8))) as? [[String: Any]] ?? []
            }
            let receipt = try #require(docs.first?["number"] as? String)
            // Another applicant, an adult with no relation to the parent.
            let ref = ReferenceRepository(db: deps.database.sql)
            let other = IIN.compose(birthDate: CivilDate(year: 1990, month: 5, day: 5) ?? .earliest, sex: .male, serial: 8101)
            let name = try PersonName(surname: "Бөтен", givenName: "Адам", patronymic: nil)
            try await ref.insert(PersonRow(iin: other, name: name, phone: "+77010008101", createdAt: deps.clock.now()))
            try await ref.insert(
                UserRow(
                    id: "user-stranger", login: "stranger", passwordHash: try await ref.user(login: "applicant")?.passwordHash,
                    role: .applicant, organizationId: nil, regionCode: nil, personIin: other.digits, displayName: name.full, language: .ru,
                    createdAt: deps.clock.now()))
            // The owner and the case's provider do see it (the ids are right).
            for cookie in [parent, try await signIn(client, "school.staff")] {
                try await client.execute(uri: "/api/v1/cases/\(caseId)", method: .get, headers: [.cookie: cookie]) { #expect($0.status == .ok) }
            }

            let spec = try await client.execute(uri: "/openapi.json", method: .get) { r in
                (try? JSONSerialization.jsonObject(with: Data(r.text.utf8))) as? [String: Any] ?? [:]
            }
            let paths = ((spec["paths"] as? [String: Any]) ?? [:]).filter { path, item in
                path.contains("{") && ((item as? [String: Any])?["get"] != nil)
            }.keys.sorted()
            #expect(paths.count >= 10, "\(paths)")
            let secrets = [number, DemoData.parentIIN.digits, "Әбілқасымова", receipt]
            var asked = 0
            for login in ["college.staff", "operator", "commission", "department", "reviewer", "stranger"] {
                let cookie = try await signIn(client, login)
                for path in paths {
                    for value in [caseId, number, receipt] {
                        let uri = path.replacing(/\{[^}]+\}/, with: value)
                        try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie]) { r in
                            asked += 1
                            #expect(r.status.code < 500, "\(login) \(uri): \(r.status)")
                            let leaked = secrets.filter { r.text.contains($0) && !uri.contains($0) }
                            #expect(leaked.isEmpty || r.status != .ok, "\(login) \(uri) shows \(leaked)")
                            #expect(r.status != .ok || !r.text.contains("Әбілқасымова"), "\(login) \(uri)")
                        }
                    }
                }
                for uri in ["/api/v1/cases/\(caseId)", "/cases/\(caseId)", "/api/v1/cases/\(caseId)/documents", "/documents/\(receipt)/view"] {
                    try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie]) { r in
                        #expect(r.status == .notFound, "\(login) \(uri): \(r.status)")
                    }
                }
            }
            #expect(asked > 100)
        }
    }
}
