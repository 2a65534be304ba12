import BilimCore
import BilimServices
import BilimTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// One door: sign-in and role are decided by the route group's middleware, and every route of /openapi.json has
/// its door written down here. A route added without a decision fails the first test.
@Suite struct DoorTests {
    /// Who may pass each operation's door; nil: anyone, signed in or not.
    static let doors: [String: Set<Role>?] = {
        let applicant: Set<Role> = [.applicant]
        let staff: Set<Role> = [.providerStaff]
        let college: Set<Role> = [.providerStaff, .commissionMember]
        let department: Set<Role> = [.educationDepartment]
        let desk: Set<Role> = [.providerStaff, .stateCorporationOperator]
        let anyone = Set(Role.allCases)
        var d: [String: Set<Role>?] = [:]
        for op in [
            "GET /", "GET /services", "GET /services/{id}", "GET /health", "GET /metrics", "GET /openapi.json", "GET /assets/bilim.css",
            "GET /assets/print.css", "GET /assets/print.js", "GET /sign-in", "POST /sign-in", "GET /sign-in/eds", "POST /sign-in/eds",
            "POST /sign-in/otp", "POST /sign-in/otp/verify", "POST /sign-out", "GET /verify", "POST /verify", "GET /verify/{number}",
            "POST /api/v1/verify", "GET /api/v1/verify/{number}", "GET /api/v1/services", "GET /api/v1/services/{id}",
            "POST /api/v1/iin/check", "GET /api/v1/calendar/non-working", "POST /api/v1/calendar/deadline",
            "POST /api/v1/sign-in/eds", "POST /api/v1/sign-in/eds/challenge",
        ] { d[op] = .some(nil) }
        for op in [
            "GET /admission", "GET /admission/apply", "POST /admission/apply", "GET /admission/{id}/contract", "POST /admission/{id}/contract", "GET /apply/{service}",
            "POST /apply/{service}", "GET /corrections/new", "POST /corrections/new", "POST /cases/{id}/complaints",
            "POST /api/v1/admission/applications", "GET /api/v1/admission/applications", "POST /api/v1/admission/applications/confirmations",
            "GET /api/v1/admission/applications/{id}/contract", "POST /api/v1/admission/applications/{id}/contract", "POST /api/v1/admission/applications/{id}/contract/confirmations", "GET /api/v1/admission/applications/{id}/result",
            "GET /api/v1/cabinet/credentials", "POST /api/v1/cases", "POST /api/v1/cases/confirmations", "POST /api/v1/cases/{id}/complaints",
            "POST /api/v1/corrections", "POST /api/v1/corrections/confirmations",
        ] { d[op] = applicant }
        for op in [
            "GET /admission/admitted", "POST /admission/admitted/support", "GET /admission/exams", "POST /admission/exams/marks",
            "POST /admission/exams/register", "POST /api/v1/admission/commissions/meetings", "GET /api/v1/admission/commissions/meetings/{id}",
            "POST /api/v1/admission/commissions/meetings/{id}/decisions", "POST /api/v1/admission/exams/marks",
            "POST /api/v1/admission/exams/registrations",
        ] { d[op] = college }
        for op in ["GET /admission/desk", "POST /admission/desk", "POST /api/v1/admission/applications/desk", "POST /api/v1/admission/applications/desk/confirmations", "POST /api/v1/admission/applications/{id}/support"] {
            d[op] = staff
        }
        for op in [
            "GET /admission/competition", "POST /admission/competition/publish", "POST /admission/competition/run", "GET /admission/programs",
            "POST /admission/programs", "POST /admission/programs/subjects", "GET /api/v1/admission/imports/{id}", "GET /api/v1/admission/lists", "GET /api/v1/admission/programs",
            "POST /api/v1/admission/programs/import", "GET /api/v1/admission/redistribution",
            "GET /api/v1/admission/specialties/subjects", "POST /api/v1/admission/specialties/subjects", "GET /api/v1/admission/run-progress/{id}",
            "POST /api/v1/admission/runs", "POST /api/v1/admission/runs/from-applications", "GET /api/v1/admission/runs/{id}",
            "GET /api/v1/admission/runs/{id}/explanations/{applicant}", "GET /api/v1/admission/runs/{id}/input",
            "POST /api/v1/admission/runs/{id}/publish", "POST /api/v1/admission/runs/{id}/rerun", "GET /api/v1/admission/runs/{id}/result",
        ] { d[op] = department }
        for op in ["GET /desk/{service}", "POST /desk/{service}", "POST /api/v1/desk/applications"] { d[op] = desk }
        for op in ["GET /courier", "POST /courier", "GET /api/v1/courier", "POST /api/v1/courier/registries"] { d[op] = [.stateCorporationOperator] }
        d["POST /api/v1/admin/sign-in-locks/lift"] = [.administrator]
        for op in ["POST /complaints/{id}/actions", "POST /api/v1/complaints/{id}/actions"] { d[op] = [.providerStaff, .reviewingBody] }
        // Signed in; whose case, receipt or document it is, the use case decides (AccessMatrixTests).
        for op in [
            "GET /cabinet", "GET /cases", "GET /cases/{id}", "POST /cases/{id}/actions", "GET /cases/{id}/application", "GET /complaints",
            "GET /courier/registries/{number}", "GET /documents/{number}", "GET /documents/{number}/view", "GET /receipts/{number}",
            "GET /api/v1/cabinet/messages", "GET /api/v1/cases", "GET /api/v1/cases/{id}", "POST /api/v1/cases/{id}/actions",
            "POST /api/v1/cases/{id}/attachments", "GET /api/v1/cases/{id}/attachments", "GET /api/v1/cases/{id}/corrections",
            "GET /api/v1/cases/{id}/documents", "GET /api/v1/complaints", "GET /api/v1/courier/registries/{number}",
            "GET /api/v1/documents/{id}/corrections", "GET /api/v1/receipts/{number}",
        ] { d[op] = anyone }
        return d
    }()

    static let logins: [Role: String] = [
        .applicant: "applicant", .providerStaff: "college.staff", .stateCorporationOperator: "operator", .commissionMember: "commission",
        .educationDepartment: "department", .reviewingBody: "reviewer", .administrator: "admin",
    ]

    @Test("every route has a door: signed out, an API answers 401 signIn.required and a page sends to sign-in with the way back; every role outside the door gets 403 access.forbidden")
    func everyRouteHasADoor() async throws {
        try await withTestApp { client, _, _ in
            let spec = try await client.execute(uri: "/openapi.json", method: .get) { r in
                (try? JSONSerialization.jsonObject(with: Data(r.text.utf8))) as? [String: Any] ?? [:]
            }
            var operations: [String] = []
            for (path, item) in (spec["paths"] as? [String: Any]) ?? [:] {
                for method in ((item as? [String: Any]) ?? [:]).keys where ["get", "post"].contains(method) {
                    operations.append("\(method.uppercased()) \(path)")
                }
            }
            // The table and the API document name the same operations: no route is left without a decision.
            #expect(Set(operations) == Set(Self.doors.keys), "undecided: \(Set(operations).subtracting(Self.doors.keys).sorted()); gone: \(Set(Self.doors.keys).subtracting(operations).sorted())")
            var cookies: [Role: String] = [:]
            for (role, login) in Self.logins { cookies[role] = try await signIn(client, login) }
            var refused = 0
            for op in operations.sorted() {
                guard let roles = Self.doors[op], let roles else { continue }
                let parts = op.split(separator: " ", maxSplits: 1)
                let method: HTTPRequest.Method = parts[0] == "GET" ? .get : .post
                let uri = String(parts[1]).replacing(/\{[^}]+\}/, with: "x-1")
                let api = uri.hasPrefix("/api/")
                if api || method == .get {
                    try await client.execute(uri: uri, method: method, headers: [.contentType: "application/json"], body: ByteBuffer(string: "{}")) { r in
                        if api {
                            #expect(r.status == .unauthorized && r.json["code"] as? String == "signIn.required", "\(op) signed out: \(r.status)")
                        } else {
                            #expect(r.status == .found && r.headers[.location] == "/sign-in?next=\(uri)", "\(op) signed out: \(r.status)")
                        }
                    }
                }
                for (role, cookie) in cookies where !roles.contains(role) {
                    var headers: HTTPFields = [.cookie: cookie, .contentType: "application/json"]
                    headers[HTTPField.Name("X-CSRF-Token")!] = formToken(cookie)
                    try await client.execute(uri: uri + "?lang=ru", method: method, headers: headers, body: ByteBuffer(string: "{}")) { r in
                        refused += 1
                        #expect(r.status == .forbidden, "\(op) as \(role): \(r.status)")
                        if api {
                            #expect(r.json["code"] as? String == "access.forbidden" && !(r.json["message"] as? String ?? "").isEmpty, "\(op) as \(role)")
                        } else {
                            #expect(r.text.contains("lang=\"ru\""), "\(op) as \(role): the page is not in Russian")
                        }
                    }
                }
            }
            #expect(refused > 200, "\(refused)")
        }
    }

    @Test("after sign-in the visitor returns to the page the door sent them from; a way back to another host is ignored")
    func wayBack() async throws {
        try await withTestApp { client, _, _ in
            try await client.execute(uri: "/admission/desk", method: .get) { r in
                #expect(r.status == .found && r.headers[.location] == "/sign-in?next=/admission/desk")
            }
            try await client.execute(uri: "/sign-in?next=/admission/desk", method: .get) { r in
                #expect(r.text.contains("name=\"next\" value=\"/admission/desk\""))
            }
            func signIn(next: String) async throws -> String? {
                try await client.execute(
                    uri: "/sign-in", method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "__Host-bilim_csrf=t"],
                    body: ByteBuffer(string: "login=college.staff&password=\(DemoData.password)&_csrf=t&next=\(next)")
                ) { $0.headers[.location] }
            }
            #expect(try await signIn(next: "%2Fadmission%2Fdesk") == "/admission/desk")
            for evil in ["%2F%2Fevil.example", "https%3A%2F%2Fevil.example", "%2F%5Cevil.example", "evil.example"] {
                #expect(try await signIn(next: evil) == "/cabinet", "\(evil)")
            }
        }
    }
}
