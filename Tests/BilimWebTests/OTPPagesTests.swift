import BilimCore
import BilimServices
import BilimStore
import BilimTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct OTPPagesTests {
    func form(_ client: any TestClientProtocol, _ uri: String, _ body: String) async throws -> TestResponse {
        try await client.execute(
            uri: uri, method: .post,
            headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "__Host-bilim_csrf=t; lang=ru"],
            body: ByteBuffer(string: body + "&_csrf=t")) { $0 }
    }

    @Test("an applicant signs in with the SMS code through the pages; a wrong code is explained (000 List item 8)", arguments: TestDatabase.allConfigured)
    func flow(_ kind: TestDatabase) async throws {
        try await withTestApp(on: kind, clock: MovableClock(almaty: "2025-03-03T10:00")) { client, deps, logs in
            let asked = try await form(client, "/sign-in/otp", "iin=\(DemoData.parentIIN.digits)")
            #expect(asked.status == .ok && asked.text.contains("Код отправлен SMS"))
            let sms = try #require(try await EmbeddedSMSGateway(database: deps.database, clock: deps.clock).sent().last)
            let code = try #require(sms.text.firstMatch(of: /\d{6}/).map { String($0.0) })

            let wrong = try await form(client, "/sign-in/otp/verify", "iin=\(DemoData.parentIIN.digits)&code=\(code == "000000" ? "111111" : "000000")")
            #expect(wrong.status == .unprocessableContent && wrong.text.contains("Неверный код. Осталось попыток: 4."))
            let right = try await form(client, "/sign-in/otp/verify", "iin=\(DemoData.parentIIN.digits)&code=\(code)")
            #expect(right.status == .seeOther && right.headers[.location] == "/cabinet")
            let session = try #require(cookies(right)["__Host-bilim_session"])
            try await client.execute(uri: "/cases", method: .get, headers: [.cookie: "__Host-bilim_session=\(session); lang=ru"]) { r in
                #expect(r.status == .ok && r.text.contains("Мои заявления"))
            }
            #expect(!logs.text.contains(code) && !logs.text.contains(DemoData.parentIIN.digits))
        }
    }
}
