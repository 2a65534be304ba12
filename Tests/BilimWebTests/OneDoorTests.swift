import BilimCore
import BilimServices
import BilimStore
import BilimTestSupport
import BilimWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

/// One CSRF check for every state-changing request, the client's address as the socket and trusted proxies say,
/// absolute links from the configured address only, and the parent's forms limited to their minor children.
@Suite struct OneDoorTests {
    @Test(
        "a body-less POST with the session cookie is refused without the form token or a JSON content type; with either it reaches its route",
        arguments: ["/api/v1/admission/applications/nope/contract", "/api/v1/admission/runs/nope/rerun", "/sign-out"])
    func bodylessPost(_ uri: String) async throws {
        try await withTestApp(clock: MovableClock(almaty: "2026-08-23T10:00")) { client, _, _ in
            let parent = try await signIn(client, "department")
            for headers: HTTPFields in [[.cookie: parent], [.cookie: parent, .contentType: "text/plain"], [.cookie: parent, .contentType: "application/x-www-form-urlencoded"]] {
                try await client.execute(uri: uri, method: .post, headers: headers + [.acceptLanguage: "ru"]) { r in
                    #expect(r.status == .forbidden, "\(uri) \(headers): \(r.status)")
                    #expect(r.text.contains("csrf.invalid") || r.text.contains("Сессия формы устарела") || r.status == .forbidden)
                }
            }
            // A JSON content type cannot be sent cross-site without a preflight: the route answers for itself.
            try await client.execute(uri: uri, method: .post, headers: [.cookie: parent, .contentType: "application/json"], body: ByteBuffer(string: "{}")) { r in
                #expect(r.status != .forbidden || !r.text.contains("csrf"), "\(uri): \(r.status) \(r.text.prefix(200))")
            }
            try await client.execute(uri: uri, method: .post, headers: [.cookie: parent, .init("X-CSRF-Token")!: formToken(parent)]) { r in
                #expect(!r.text.contains("csrf.invalid"), "\(uri): \(r.status)")
            }
        }
    }

    @Test("a form token from another session, or the pre-sign-in cookie's, is refused once signed in")
    func tokenBoundToSession() async throws {
        try await withTestApp { client, _, _ in
            let a = try await signIn(client, "school.staff")
            let b = try await signIn(client, "college.staff")
            try await client.execute(
                uri: "/sign-out", method: .post, headers: [.cookie: a, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "_csrf=\(formToken(b))")
            ) { r in #expect(r.status == .forbidden) }
            try await client.execute(
                uri: "/sign-out", method: .post, headers: [.cookie: a, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "_csrf=\(formToken(a))")
            ) { r in #expect(r.status == .seeOther) }
        }
    }

    @Test("cookies are __Host- and Secure by default; HSTS and upgrade-insecure-requests only over https")
    func cookiesAndHSTS() async throws {
        try await withTestApp { client, _, _ in
            try await client.execute(uri: "/sign-in", method: .get) { r in
                let set = r.headers[values: .setCookie].joined(separator: "\n")
                #expect(set.contains("__Host-bilim_csrf=") && set.contains("Secure") && set.contains("Path=/") && !set.contains("Domain"))
                #expect(r.headers[.init("Strict-Transport-Security")!] == nil)
            }
        }
        try await withConfiguredApp(WebConfiguration(publicURL: "https://bilim.example.kz")) { client, _ in
            try await client.execute(uri: "/health", method: .get) { r in
                #expect(r.headers[.init("Strict-Transport-Security")!] == "max-age=63072000; includeSubDomains")
                #expect(r.headers[.contentSecurityPolicy]?.contains("upgrade-insecure-requests") == true)
            }
        }
    }

    @Test("the client is the socket peer; X-Forwarded-For counts only from trusted proxies, right-most untrusted hop first")
    func clientAddress() throws {
        let trusted = try AddressRange.list("10.0.0.0/8, 192.0.2.7, fd00::/8").get()
        // Not through a trusted proxy: whatever the client writes is ignored.
        #expect(ClientAddress.resolve(peer: "203.0.113.9", forwardedFor: "1.2.3.4", trusted: trusted) == "203.0.113.9")
        #expect(ClientAddress.resolve(peer: "203.0.113.9", forwardedFor: nil, trusted: []) == "203.0.113.9")
        // Through our proxies: the right-most hop that is not ours, never the left-most one the client wrote.
        #expect(ClientAddress.resolve(peer: "10.1.2.3", forwardedFor: "6.6.6.6, 198.51.100.4, 192.0.2.7", trusted: trusted) == "198.51.100.4")
        #expect(ClientAddress.resolve(peer: "::ffff:10.1.2.3", forwardedFor: "198.51.100.4", trusted: trusted) == "198.51.100.4")
        #expect(ClientAddress.resolve(peer: "fd00::1", forwardedFor: "2001:db8::5", trusted: trusted) == "2001:db8::5")
        #expect(ClientAddress.resolve(peer: "10.1.2.3", forwardedFor: "10.9.9.9", trusted: trusted) == "10.9.9.9")
        #expect(ClientAddress.resolve(peer: nil, forwardedFor: "1.2.3.4", trusted: trusted) == "unknown")
        // Bad ranges are refused by name.
        if case .failure(let bad) = AddressRange.list("10.0.0.0/8, proxy.local") { #expect(bad.item == "proxy.local") } else { Issue.record("accepted a host name") }
        #expect(AddressRange("10.0.0.0/33") == nil && AddressRange("::/129") == nil && AddressRange("") == nil)
    }

    @Test("a forged Host header never reaches a document's verification link or QR code")
    func forgedHost() async throws {
        try await withTestApp(clock: MovableClock(almaty: "2025-03-03T10:00")) { client, deps, _ in
            let parent = try await signIn(client, "applicant")
            let (_, _, number) = try await parentsCase(client, deps, parent)
            let page = try await client.execute(
                uri: "/documents/\(number)/view", method: .get, headers: [.cookie: parent, .init("Host")!: "evil.example"]) { $0.text }
            #expect(!page.contains("evil.example"))
            #expect(page.contains("http://127.0.0.1:8080/verify/\(number)?c="))
            // By number alone, anyone learns only whether such a document is valid: no kind, no dates, no content.
            let bare = try await client.execute(uri: "/api/v1/verify/\(number)", method: .get) { $0.json }
            #expect(Set(bare.keys) == ["number", "status", "genuine", "unchanged"], "\(bare)")
            let wrongCode = try await client.execute(uri: "/api/v1/verify/\(number)?c=0000", method: .get) { $0.json }
            #expect(wrongCode["content"] == nil && wrongCode["issuedAt"] == nil)
        }
    }

    @Test("document lookups by number are limited per client address: past the limit a clear 429, in the caller's language")
    func lookupLimit() async throws {
        var configuration = WebConfiguration()
        configuration.lookups = LookupLimiter(limit: 3, window: 3600)
        try await withConfiguredApp(configuration) { client, _ in
            for _ in 0..<3 {
                try await client.execute(uri: "/api/v1/verify/S1-2025-999999", method: .get) { r in #expect(r.status == .notFound) }
            }
            try await client.execute(uri: "/api/v1/verify/S1-2025-999999", method: .get, headers: [.acceptLanguage: "ru"]) { r in
                #expect(r.status == .tooManyRequests && r.json["code"] as? String == "verify.tooMany")
                #expect(r.json["message"] as? String == "Слишком много запросов проверки. Повторите через 3600 с.")
            }
            try await client.execute(uri: "/verify/S1-2025-999999", method: .get) { r in #expect(r.status == .tooManyRequests) }
        }
    }

    @Test("a parent's forms offer only their minor children: a child who has turned 18 is not in the drop-downs")
    func adultChildNotOffered() async throws {
        try await withTestApp(clock: MovableClock(almaty: "2025-03-03T10:00")) { client, deps, _ in
            let ref = ReferenceRepository(db: deps.database.sql)
            let adult = IIN.compose(birthDate: CivilDate(year: 2000, month: 1, day: 15) ?? .earliest, sex: .female, serial: 7001)
            let name = try PersonName(surname: "Ересекова", givenName: "Айгерім", patronymic: nil)
            try await ref.insert(PersonRow(iin: adult, name: name, phone: nil, createdAt: deps.clock.now()))
            try await ref.insertRepresentative(minor: adult.digits, representative: DemoData.parentIIN.digits, relation: .parent)
            let parent = try await signIn(client, "applicant")
            for uri in ["/apply/S1", "/apply/S2", "/corrections/new"] {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: parent]) { r in
                    #expect(r.status == .ok, "\(uri)")
                    #expect(!r.text.contains("Ересекова") && !r.text.contains(adult.digits), "\(uri) offers the adult child")
                }
            }
            // The minor child is still offered.
            try await client.execute(uri: "/apply/S1", method: .get, headers: [.cookie: parent]) { r in
                #expect(r.text.contains(DemoData.childIIN.digits))
            }
        }
    }
}
