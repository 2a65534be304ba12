import BilimCore
import BilimServices
import BilimTestSupport
import BilimWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct PagesTests {
    @Test("the service page says what you need, how long it takes and what it costs (000 List item 8)")
    func servicePage() async throws {
        try await withTestApp { client, _, _ in
            try await client.execute(uri: "/services/S1?lang=ru", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("Необходимые документы"))
                #expect(r.text.contains("(000 List item 8)"))
                #expect(r.text.contains("(000 List item 3(1))"))
                #expect(r.text.contains(#"<main id="main""#))
                #expect(r.text.contains(##"href="#main""##))
            }
            try await client.execute(uri: "/services/S9", method: .get, headers: [.acceptLanguage: "kk"]) { r in
                #expect(r.status == .notFound)
                #expect(r.text.contains("«S9» қызметі табылмады."))
            }
        }
    }

    @Test("GET /api/v1/services lists the five services with their versions")
    func servicesAPI() async throws {
        try await withTestApp { client, _, _ in
            try await client.execute(uri: "/api/v1/services", method: .get) { r in
                let list = try #require(try JSONSerialization.jsonObject(with: Data(r.text.utf8)) as? [[String: Any]])
                #expect(list.compactMap { $0["service"] as? String } == ["S1", "S2", "S3", "S4", "S5"])
            }
            try await client.execute(uri: "/api/v1/services/S2", method: .get) { r in
                #expect((r.json["versions"] as? [Any])?.count == 2)
            }
        }
    }

    @Test("staff sign in with a password, see the cabinet, and sign out; CSRF is required")
    func signIn() async throws {
        try await withTestApp { client, _, logs in
            let csrf = try await client.execute(uri: "/sign-in", method: .get) { r in try #require(cookies(r)["__Host-bilim_csrf"]) }
            let form = "login=applicant&password=\(DemoData.password)&_csrf=\(csrf)"

            // Without the CSRF cookie the form is refused and nobody is signed in.
            try await client.execute(
                uri: "/sign-in", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: form)
            ) { r in
                #expect(r.status == .forbidden)
                #expect(cookies(r)["__Host-bilim_session"] == nil)
            }
            let session = try await client.execute(
                uri: "/sign-in", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "__Host-bilim_csrf=\(csrf)"],
                body: ByteBuffer(string: form)
            ) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == "/cabinet")
                return try #require(cookies(r)["__Host-bilim_session"])
            }
            try await client.execute(
                uri: "/cabinet?lang=kk", method: .get, headers: [.cookie: "__Host-bilim_session=\(session); __Host-bilim_csrf=\(csrf)"]
            ) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("Жеке кабинет"))
                #expect(r.text.contains("ЖОБ № 0012345"))  // own certificate
                #expect(r.text.contains("НОБ № 0054321"))  // the minor child's
            }
            // Signed in, the form token is bound to the session (an HMAC keyed by it): the cookie's token, which a
            // page could have planted before sign-in, no longer works, and the page carries the bound one.
            try await client.execute(
                uri: "/sign-out", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "__Host-bilim_session=\(session); __Host-bilim_csrf=\(csrf)"],
                body: ByteBuffer(string: "_csrf=\(csrf)")
            ) { r in #expect(r.status == .forbidden) }
            try await client.execute(uri: "/cabinet", method: .get, headers: [.cookie: "__Host-bilim_session=\(session)"]) { r in
                #expect(r.text.contains("value=\"\(CSRF.token(session: session))\""))
            }
            try await client.execute(
                uri: "/sign-out", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "__Host-bilim_session=\(session); __Host-bilim_csrf=\(csrf)"],
                body: ByteBuffer(string: "_csrf=\(CSRF.token(session: session))")
            ) { r in #expect(r.status == .seeOther) }
            try await client.execute(uri: "/cabinet", method: .get, headers: [.cookie: "__Host-bilim_session=\(session)"]) { r in
                #expect(r.status == .found)
                #expect(r.headers[.location] == "/sign-in?next=/cabinet")
            }
            // No IIN, name or phone in the logs of the whole flow.
            for secret in [DemoData.parentIIN.digits, DemoData.childIIN.digits, "Әбілқасымова", "Гүлнұр", "+77010000001", DemoData.password] {
                #expect(!logs.text.contains(secret), "the logs contain \(secret)")
            }
            #expect(logs.text.contains("http.route=/sign-in"))
        }
    }

    @Test("a wrong password re-renders the form with an error summary in the caller's language")
    func wrongPassword() async throws {
        try await withTestApp { client, _, _ in
            try await client.execute(
                uri: "/sign-in", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "__Host-bilim_csrf=abc; lang=ru"],
                body: ByteBuffer(string: "login=school.staff&password=nope&_csrf=abc")
            ) { r in
                #expect(r.status == .unauthorized)
                #expect(r.text.contains(#"role="alert""#))
                #expect(r.text.contains("Неверный логин или пароль."))
                #expect(r.text.contains(#"aria-invalid="true""#))
                #expect(cookies(r)["__Host-bilim_session"] == nil)
            }
        }
    }
}

@Suite struct EmptyFieldsTests {
    @Test("a form without errors marks no field invalid (empty texts are not shown as errors)")
    func noFalseErrors() async throws {
        try await withTestApp { client, _, _ in
            try await client.execute(uri: "/sign-in?lang=ru", method: .get) { r in
                #expect(!r.text.contains("aria-invalid"))
                #expect(!r.text.contains("field-error"))
            }
        }
    }
}
