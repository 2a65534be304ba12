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

/// Nobody sees what is not theirs: every GET route of /openapi.json that takes an id or a number is asked, by every
/// role that has no right to it, for a parent's case, its registration number and its signed receipt. None answers
/// with its data; the case routes answer 404, as for a case that does not exist.
@Suite struct AccessMatrixTests {
    @Test("every route with an id, as every role without the right to it, for another person's case: never its data, the case itself a 404")
    func matrix() async throws {
        try await withTestApp(clock: MovableClock(almaty: "2025-03-03T10:00")) { client, deps, _ in
            let parent = try await signIn(client, "applicant")
            let (caseId, number, receipt) = try await parentsCase(client, deps, parent)
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

/// The same for admission: another person's application, another college's meetings and decisions, another region's
/// runs and imports. Each is asked by a user of the right role but the wrong person, college or region, and answered
/// 404, never its data.
@Suite struct AdmissionAccessMatrixTests {
    func call(_ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, _ cookie: String, _ body: String = "{}")
        async throws -> TestResponse
    {
        try await client.execute(uri: uri, method: method, headers: [.contentType: "application/json", .cookie: cookie], body: ByteBuffer(string: body)) { $0 }
    }

    @Test("another person's application, another college's meeting or admitted applicant, another region's run, import or explanation: 404, never its data")
    func matrix() async throws {
        try await withTestApp(clock: MovableClock(almaty: "2026-07-10T11:00")) { client, deps, _ in
            let ref = ReferenceRepository(db: deps.database.sql)
            let now = deps.clock.now()
            let hash = try await ref.user(login: "applicant")?.passwordHash
            // Another college of the region, with its staff and commission, and another region's department.
            try await ref.insert(
                OrganizationRow(
                    id: "org-almaty-college-2", kind: .tvet, bin: nil, name: LocalizedText(kk: "Колледж 2", ru: "Колледж 2", en: "College 2"),
                    regionCode: "KZ-75", createdAt: now))
            try await ref.insert(
                OrganizationRow(
                    id: "org-astana-department", kind: .educationDepartment, bin: nil, name: LocalizedText(kk: "Астана", ru: "Астана", en: "Astana"),
                    regionCode: "KZ-71", createdAt: now))
            let other = IIN.compose(birthDate: CivilDate(year: 1990, month: 5, day: 5) ?? .earliest, sex: .male, serial: 8101)
            let name = try PersonName(surname: "Бөтен", givenName: "Адам", patronymic: nil)
            try await ref.insert(PersonRow(iin: other, name: name, phone: "+77010008101", createdAt: now))
            for (login, role, org, region, iin) in [
                ("stranger", Role.applicant, nil as String?, nil as String?, other.digits as String?),
                ("staff2", .providerStaff, "org-almaty-college-2", nil, nil), ("commission2", .commissionMember, "org-almaty-college-2", nil, nil),
                ("astana", .educationDepartment, "org-astana-department", "KZ-71", nil),
            ] {
                try await ref.insert(
                    UserRow(
                        id: "user-\(login)", login: login, passwordHash: hash, role: role, organizationId: org, regionCode: region, personIin: iin,
                        displayName: login, language: .ru, createdAt: now))
            }
            // The parent's application for the child, a commission meeting of college 1, a run and an import of Almaty.
            try await AdmissionApplicationsAPITests.loadPrograms(client)
            let applicationId = try await AdmissionApplicationsAPITests.applyConfirmed(client, deps, choices: ["B-PED", "B-WRK"])
            let commission = try await signIn(client, "commission")
            let meeting = try await call(
                client, .post, "/api/v1/admission/commissions/meetings", commission,
                #"{"kind": "admission", "final": false, "heldOn": "2026-07-09", "record": "archive/m.pdf", "members": [{"person": "chair", "role": "chair"}], "present": ["chair"]}"#)
            let meetingId = try #require(meeting.json["id"] as? String)
            let department = try await signIn(client, "department")
            let run = try await call(client, .post, "/api/v1/admission/runs", department, AdmissionRunsAPITests.input)
            let runId = try #require(run.json["id"] as? String)
            let importId = "import-almaty-1"
            _ = try await client.execute(
                uri: "/api/v1/admission/programs/import?id=\(importId)", method: .post, headers: [.contentType: "text/csv", .cookie: department],
                body: ByteBuffer(string: AdmissionApplicationsAPITests.programs)) { $0.status }
            // The owners see them (the ids are right).
            let parent = try await signIn(client, "applicant")
            // (Before the result, the owner is told "not admitted"; a stranger is told nothing.)
            let own = try await call(client, .get, "/api/v1/admission/applications/\(applicationId)/contract", parent)
            #expect(own.status == .unprocessableContent && own.json["code"] as? String == "admission.notAdmitted", "\(own.text)")
            let college = try await signIn(client, "college.staff")
            let support = try await call(client, .post, "/api/v1/admission/applications/\(applicationId)/support", college, #"{"dormitory": true}"#)
            #expect(support.status == .unprocessableContent && support.json["code"] as? String == "admission.notAdmitted", "\(support.text)")
            #expect(try await call(client, .get, "/api/v1/admission/commissions/meetings/\(meetingId)", commission).status == .ok)
            #expect(try await call(client, .get, "/api/v1/admission/runs/\(runId)", department).status == .ok)
            #expect(try await call(client, .get, "/api/v1/admission/imports/\(importId)", department).status == .ok)

            let asks: [(String, HTTPRequest.Method, String, String)] = [
                ("stranger", .get, "/api/v1/admission/applications/\(applicationId)/result", "{}"),
                ("stranger", .post, "/api/v1/admission/applications/\(applicationId)/contract", "{}"),
                ("stranger", .get, "/api/v1/admission/applications/\(applicationId)/contract", "{}"),
                ("stranger", .post, "/api/v1/admission/applications/\(applicationId)/contract/confirmations", #"{"method": "otp"}"#),
                ("staff2", .post, "/api/v1/admission/applications/\(applicationId)/support", #"{"dormitory": true}"#),
                ("commission2", .get, "/api/v1/admission/commissions/meetings/\(meetingId)", "{}"),
                ("commission2", .post, "/api/v1/admission/commissions/meetings/\(meetingId)/decisions", #"{"subject": "x", "votes": [{"person": "chair", "vote": "yes"}]}"#),
                ("astana", .get, "/api/v1/admission/runs/\(runId)", "{}"),
                ("astana", .get, "/api/v1/admission/runs/\(runId)/input", "{}"),
                ("astana", .get, "/api/v1/admission/runs/\(runId)/result", "{}"),
                ("astana", .post, "/api/v1/admission/runs/\(runId)/rerun", "{}"),
                ("astana", .get, "/api/v1/admission/runs/\(runId)/explanations/N1", "{}"),
                ("astana", .post, "/api/v1/admission/runs/\(runId)/publish", #"{"base": "basic-secondary"}"#),
                ("astana", .get, "/api/v1/admission/imports/\(importId)", "{}"),
            ]
            for (login, method, uri, body) in asks {
                let cookie = try await signIn(client, login)
                let r = try await call(client, method, uri, cookie, body)
                #expect(r.status == .notFound, "\(login) \(method) \(uri): \(r.status) \(r.text.prefix(200))")
                for secret in [DemoData.childIIN.digits, "B-PED", "N1", "archive/m.pdf", "chair"] where !uri.contains(secret) {
                    #expect(!r.text.contains(secret), "\(login) \(uri) shows \(secret)")
                }
            }
            // Nothing changed: no decision was recorded, no support decided, the run not published.
            let decisions = try await call(client, .get, "/api/v1/admission/commissions/meetings/\(meetingId)", commission).json["decisions"] as? [Any]
            #expect(decisions?.isEmpty == true)
            let published = try await deps.database.sql.select().column("run_id").from("admission_publications").all()
            #expect(published.isEmpty)
        }
    }
}
