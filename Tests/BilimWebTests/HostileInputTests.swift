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

/// The two inputs the security review found to stop the process with one request, and their neighbours: each is
/// answered with a clear error in the caller's language, nothing is written, and the server keeps answering.
@Suite struct HostileInputTests {
    func post(_ client: any TestClientProtocol, _ uri: String, _ cookie: String, _ body: String) async throws
        -> (status: HTTPResponse.Status, json: [String: Any])
    {
        try await client.execute(
            uri: uri, method: .post, headers: [.contentType: "application/json", .cookie: cookie, .acceptLanguage: "ru"],
            body: ByteBuffer(string: body)) { r in (r.status, r.json) }
    }

    func count(_ deps: ServiceDependencies, _ table: String) async throws -> Int {
        try await deps.database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)
            .first(decodingColumn: "n", as: Int.self) ?? -1
    }

    @Test(
        "a correction grade of twenty digits is refused as an invalid value, never an overflow; the server goes on",
        arguments: ["99999999999999999", "9223372036854775807", "-9223372036854775808", "4.99999999999999999999", "٤", "4\u{0}", "5.", ".5", "4.5.1"])
    func hugeGrade(_ value: String) async throws {
        try await withTestApp(clock: MovableClock(almaty: "2025-03-05T10:00")) { client, deps, _ in
            let parent = try await signIn(client, "applicant")
            let escaped = value.replacing("\u{0}", with: "\\u0000")
            let body = CorrectionAPITests.corrections(value: escaped)
            for uri in ["/api/v1/corrections/confirmations", "/api/v1/corrections"] {
                let wrapped = uri.hasSuffix("confirmations") ? #"{"method": "otp", "corrections": \#(body)}"# : body
                let r = try await post(client, uri, parent, wrapped)
                #expect(r.status == .unprocessableContent, "\(uri): \(r.json)")
                #expect(r.json["code"] as? String == "correction.valueInvalid", "\(uri): \(r.json)")
            }
            #expect(try await count(deps, "cases") == 0)
            #expect(try await count(deps, "case_confirmations") == 0)
            try await client.execute(uri: "/health", method: .get) { r in #expect(r.status == .ok) }
        }
    }

    @Test(
        "a commission meeting held on 9999-06-01 (or in the future) is refused with the allowed range; nothing stored (003 §6)",
        arguments: ["9999-06-01", "9999-12-31", "2026-08-11"])
    func farMeeting(_ heldOn: String) async throws {
        try await withTestApp(clock: MovableClock(almaty: "2026-08-10T10:00")) { client, deps, _ in
            let commission = try await signIn(client, "commission")
            let body = """
                {"kind": "admission", "final": true, "heldOn": "\(heldOn)", "record": "archive/x.pdf",
                 "members": [{"person": "chair", "role": "chair"}], "present": ["chair"]}
                """
            let r = try await post(client, "/api/v1/admission/commissions/meetings", commission, body)
            #expect(r.status == .unprocessableContent && r.json["code"] as? String == "date.outOfRange", "\(r.json)")
            #expect(r.json["message"] as? String == "Дата «heldOn» (\(heldOn)) вне допустимого диапазона: 2023-08-10 – 2026-08-10.")
            #expect(try await count(deps, "commission_meetings") == 0)
            // The same meeting held today is recorded, and kept 3 years (003 §6).
            let ok = try await post(client, "/api/v1/admission/commissions/meetings", commission, body.replacing(heldOn, with: "2026-08-10"))
            #expect(ok.status == .created && ok.json["retainUntil"] as? String == "2029-08-10", "\(ok.json)")
            try await client.execute(uri: "/health", method: .get) { r in #expect(r.status == .ok) }
        }
    }
}
