import BilimCore
import BilimServices
import BilimSigning
import BilimStore
import BilimTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A demo authority, a certificate per case to try, and a trust store with its revocation list.
struct TestPKI: Sendable {
    let ca: TestAuthority
    let parent: IssuedCertificate
    let parentRSA: IssuedCertificate
    let expired: IssuedCertificate
    let revoked: IssuedCertificate
    let stranger: IssuedCertificate
    let forged: IssuedCertificate
    let verifier: TrustStoreVerifier

    init(now: Date, logs: CapturedLogs = CapturedLogs()) throws {
        let year: TimeInterval = 365 * 24 * 3600
        ca = try DemoPKI.makeAuthority(commonName: "Test CA", notBefore: now - year, notAfter: now + 5 * year)
        let iin = DemoData.parentIIN.digits
        parent = try ca.issue(iin: iin, commonName: "Parent", keyType: .ecdsaP256, notBefore: now - 3600, notAfter: now + year)
        parentRSA = try ca.issue(iin: iin, commonName: "Parent RSA", keyType: .rsa2048, notBefore: now - 3600, notAfter: now + year)
        expired = try ca.issue(iin: iin, commonName: "Parent old", keyType: .ecdsaP256, notBefore: now - 2 * year, notAfter: now - year)
        revoked = try ca.issue(iin: iin, commonName: "Parent lost", keyType: .ecdsaP256, notBefore: now - 3600, notAfter: now + year)
        stranger = try ca.issue(iin: "900101300012", commonName: "Stranger", keyType: .ecdsaP256, notBefore: now - 3600, notAfter: now + year)
        let other = try DemoPKI.makeAuthority(commonName: "Test CA", notBefore: now - year, notAfter: now + 5 * year)
        forged = try other.issue(iin: iin, commonName: "Parent", keyType: .ecdsaP256, notBefore: now - 3600, notAfter: now + year)
        let crl = try ca.revocationList(revokedSerials: [revoked.serialHex], thisUpdate: now - 60, nextUpdate: now + year)
        verifier = TrustStoreVerifier(
            store: try EDSTrustStore(rootCertificatesPEM: ca.certificatePEM, revocationLists: [crl]), logger: logs.logger)
    }
}

@Suite struct EDSSignInTests {
    func json(_ s: String) -> String {
        String(decoding: try! JSONEncoder().encode(s), as: UTF8.self)
    }

    func attempt(_ client: any TestClientProtocol, _ cert: IssuedCertificate, sign: ((String) throws -> Data)? = nil, challengeId: String? = nil)
        async throws -> (HTTPResponse.Status, [String: Any], String?, String)
    {
        let c = try await client.execute(uri: "/api/v1/sign-in/eds/challenge", method: .post, headers: [.contentType: "application/json"]) { $0.json }
        let id = challengeId ?? (c["challengeId"] as? String ?? "")
        let text = c["toSign"] as? String ?? ""
        let signature = try (sign ?? { try cert.sign(Data($0.utf8)) })(text).base64EncodedString()
        let body = #"{"challengeId": "\#(id)", "certificate": \#(json(cert.certificatePEM)), "signature": "\#(signature)"}"#
        return try await client.execute(
            uri: "/api/v1/sign-in/eds", method: .post, headers: [.contentType: "application/json", .acceptLanguage: "ru"],
            body: ByteBuffer(string: body)
        ) { r in (r.status, r.json, cookies(r)["__Host-bilim_session"], id) }
    }

    @Test("EDS sign-in: ECDSA and RSA certificates of the demo authority sign the challenge; the IIN comes from the certificate (000 List item 8)", arguments: TestDatabase.allConfigured)
    func succeeds(_ kind: TestDatabase) async throws {
        let pki = try TestPKI(now: FixedClock.t0.now())
        try await withTestApp(on: kind, eds: pki.verifier) { client, _, _ in
            for cert in [pki.parent, pki.parentRSA] {
                let (status, body, session, _) = try await attempt(client, cert)
                #expect(status == .ok, "\(body)")
                #expect(session != nil && body["role"] as? String == "applicant")
                let cabinet = try await client.execute(uri: "/cabinet", method: .get, headers: [.cookie: "__Host-bilim_session=\(session ?? "")"]) { $0 }
                #expect(cabinet.status == .ok && cabinet.text.contains("0012345"))  // the parent's own documents
            }
        }
    }

    @Test("EDS sign-in refuses a forged, expired, revoked or mis-signed certificate and a replayed challenge, with clear messages, logged without personal data")
    func attacks() async throws {
        let edsLogs = CapturedLogs()
        let pki = try TestPKI(now: FixedClock.t0.now(), logs: edsLogs)
        try await withTestApp(eds: pki.verifier) { client, deps, logs in
            let cases: [(IssuedCertificate, ((String) throws -> Data)?, String)] = [
                (pki.forged, nil, "eds.untrusted"),
                (pki.expired, nil, "eds.expired"),
                (pki.revoked, nil, "eds.revoked"),
                (pki.parent, { try pki.parent.sign(Data(("x" + $0).utf8)) }, "eds.badSignature"),
                (pki.parent, { try pki.stranger.sign(Data($0.utf8)) }, "eds.badSignature"),
            ]
            for (cert, sign, code) in cases {
                let (status, body, session, _) = try await attempt(client, cert, sign: sign)
                #expect(status == .unauthorized && body["code"] as? String == code, "\(code): \(body)")
                #expect(session == nil)
            }
            let (ok, _, _, used) = try await attempt(client, pki.parent)
            #expect(ok == .ok)
            let (replay, body, _, _) = try await attempt(client, pki.parent, challengeId: used)
            #expect(replay == .unauthorized && body["code"] as? String == "challenge.invalid")
            #expect(body["message"] as? String == "Текст для подписи неизвестен, устарел или уже использован: получите новый.")
            #expect(!logs.text.contains(DemoData.parentIIN.digits) && !edsLogs.text.contains(DemoData.parentIIN.digits))
            #expect(edsLogs.text.contains("EDS refused"))
            // Only the one good sign-in made a user.
            #expect(try await ReferenceRepository(db: deps.database.sql).users().filter { $0.login.hasPrefix("iin:") }.count <= 1)
        }
    }

    @Test("confirming an application by EDS over its canonical content; someone else's certificate is refused (000 List item 8)", arguments: TestDatabase.allConfigured)
    func confirmByEDS(_ kind: TestDatabase) async throws {
        let clock = MovableClock(almaty: "2025-03-03T10:00")
        let pki = try TestPKI(now: clock.now())
        try await withTestApp(on: kind, clock: clock, eds: pki.verifier) { client, deps, _ in
            let parent = try await signIn(client, "applicant")
            let headers: HTTPFields = [.contentType: "application/json", .cookie: parent, .acceptLanguage: "ru"]
            func prepare() async throws -> (String, String) {
                let p = try await client.execute(
                    uri: "/api/v1/cases/confirmations", method: .post, headers: headers,
                    body: ByteBuffer(string: #"{"method": "eds", "application": \#(CaseAPITests.application)}"#)) { $0.json }
                return (p["challengeId"] as? String ?? "", p["toSign"] as? String ?? "")
            }
            func apply(_ cert: IssuedCertificate, _ id: String, _ signature: Data) async throws -> (HTTPResponse.Status, [String: Any]) {
                var object = try JSONSerialization.jsonObject(with: Data(CaseAPITests.application.utf8)) as! [String: Any]
                object["confirmation"] = ["challengeId": id, "certificate": cert.certificatePEM, "signature": signature.base64EncodedString()]
                return try await client.execute(
                    uri: "/api/v1/cases", method: .post, headers: headers,
                    body: ByteBuffer(string: String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))) { ($0.status, $0.json) }
            }
            let (id1, text1) = try await prepare()
            #expect(text1.contains(#""service":"S1""#) && text1.contains(id1.isEmpty ? "-" : #""challenge":"#))
            let (wrong, w) = try await apply(pki.stranger, id1, try pki.stranger.sign(Data(text1.utf8)))
            #expect(wrong == .unauthorized && w["code"] as? String == "eds.wrongPerson", "\(w)")
            let (created, c) = try await apply(pki.parent, id1, try pki.parent.sign(Data(text1.utf8)))
            #expect(created == .created, "\(c)")
            let caseId = try #require((c["case"] as? [String: Any])?["id"] as? String)
            let confirmation = try #require(try await ChallengeRepository(db: deps.database.sql).confirmation(caseId: caseId))
            #expect(confirmation.method == "eds" && confirmation.certificateSerial == pki.parent.serialHex)
            #expect(confirmation.content.contains(#""documentId":"doc-certificate-2002""#))
        }
    }
}

/// The text of an HTML attribute or element as the browser reads it.
func htmlText(_ s: Substring) -> String {
    String(s).replacing("&quot;", with: "\"").replacing("&#39;", with: "'").replacing("&lt;", with: "<").replacing("&gt;", with: ">")
        .replacing("&amp;", with: "&")
}

func formValue(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? s }

@Suite struct EDSConfirmPagesTests {
    @Test("the apply page confirms by EDS: the exact text to sign, then the certificate and signature; a stranger's certificate is refused and nothing is registered (000 List item 8)", arguments: TestDatabase.allConfigured)
    func applyByEDS(_ kind: TestDatabase) async throws {
        let clock = MovableClock(almaty: "2025-03-03T10:00")
        let pki = try TestPKI(now: clock.now())
        try await withTestApp(on: kind, clock: clock, eds: pki.verifier) { client, deps, _ in
            let parent = try await signIn(client, "applicant")
            func form(_ body: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/apply/S1", method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded", .cookie: parent + "; lang=ru"],
                    body: ByteBuffer(string: body + "&_csrf=\(formToken(parent))")) { $0 }
            }
            let fields = "person=\(DemoData.parentIIN.digits)&document=doc-certificate-2002&eApplication=1&consent=1"
            let check = try await form("step=check&" + fields)
            #expect(check.text.contains(#"value="eds-challenge""#) && check.text.contains("Подписать ЭЦП"))
            let submission = try #require(check.text.firstMatch(of: /name="submission" value="([^"]+)"/)?.1)
            let base = fields + "&provider=org-almaty-school-1&submission=\(submission)"
            let challenge = try await form("step=eds-challenge&" + base)
            #expect(challenge.status == .ok && challenge.text.contains(#"value="confirm-eds""#))
            let id = String(try #require(challenge.text.firstMatch(of: /name="challengeId" value="([^"]+)"/)?.1))
            let toSign = htmlText(try #require(challenge.text.firstMatch(of: /<textarea id="to-sign"[^>]*>([^<]*)<\/textarea>/)?.1))
            #expect(toSign.contains(#""challenge":"#) && toSign.contains(#""documentId":"doc-certificate-2002""#))
            func confirm(_ cert: IssuedCertificate) async throws -> TestResponse {
                let signature = try cert.sign(Data(toSign.utf8)).base64EncodedString()
                return try await form(
                    "step=confirm-eds&\(base)&challengeId=\(id)&certificate=\(formValue(cert.certificatePEM))&signature=\(formValue(signature))")
            }
            let stranger = try await confirm(pki.stranger)
            #expect(stranger.status == .unauthorized && stranger.text.contains(#"role="alert""#))
            #expect(stranger.text.contains(DomainError(.edsWrongPerson).message(in: .ru)))
            #expect(try await ReferenceRepository(db: deps.database.sql).count("cases") == 0)
            // After a refused signature the applicant starts the confirmation over, with a new text to sign.
            #expect(stranger.text.contains(#"value="eds-challenge""#))
            let again = try await form("step=eds-challenge&" + base)
            let id2 = String(try #require(again.text.firstMatch(of: /name="challengeId" value="([^"]+)"/)?.1))
            let toSign2 = htmlText(try #require(again.text.firstMatch(of: /<textarea id="to-sign"[^>]*>([^<]*)<\/textarea>/)?.1))
            let signature = try pki.parentRSA.sign(Data(toSign2.utf8)).base64EncodedString()
            let done = try await form(
                "step=confirm-eds&\(base)&challengeId=\(id2)&certificate=\(formValue(pki.parentRSA.certificatePEM))&signature=\(formValue(signature))")
            #expect(done.status == .seeOther)
            let caseId = try #require(done.headers[.location]?.firstMatch(of: /\/cases\/([^?]+)/)?.1)
            let confirmation = try #require(try await ChallengeRepository(db: deps.database.sql).confirmation(caseId: String(caseId)))
            #expect(confirmation.method == "eds" && confirmation.certificateSerial == pki.parentRSA.serialHex)
        }
    }
}

@Suite struct SignedDocumentTests {
    @Test("a refusal signed by Bilim verifies; the same document with one byte changed does not; the QR link shows its status (002 Annex 3)", arguments: TestDatabase.allConfigured)
    func verify(_ kind: TestDatabase) async throws {
        try await withTestApp(on: kind, clock: MovableClock(almaty: "2025-03-05T10:00")) { client, deps, _ in
            let parent = try await signIn(client, "applicant")
            let staff = try await signIn(client, "college.staff")
            let body = try await confirmed(
                client, deps, parent, CorrectionAPITests.corrections(), prepare: "/api/v1/corrections/confirmations", key: "corrections")
            let created = try await client.execute(
                uri: "/api/v1/corrections", method: .post, headers: [.contentType: "application/json", .cookie: parent],
                body: ByteBuffer(string: body)) { $0.json }
            let id = try #require((created["case"] as? [String: Any])?["id"] as? String)
            _ = try await client.execute(
                uri: "/api/v1/cases/\(id)/actions", method: .post, headers: [.contentType: "application/json", .cookie: staff],
                body: ByteBuffer(string: #"{"action": "refuse-corrections", "grounds": ["incomplete-package"]}"#)) { $0.status }
            let docs = try await client.execute(uri: "/api/v1/cases/\(id)/documents", method: .get, headers: [.cookie: parent]) {
                (try? JSONSerialization.jsonObject(with: Data($0.text.utf8))) as? [[String: Any]] ?? []
            }
            let refusal = try #require(docs.first { $0["kind"] as? String == "refusal" })
            let number = try #require(refusal["number"] as? String)
            let jws = try await client.execute(uri: "/documents/\(number)", method: .get, headers: [.cookie: parent]) { r in
                #expect(r.headers[.contentType] == "application/jose")
                return r.text
            }
            // A stranger cannot download it.
            let other = try await signIn(client, "school.staff")
            try await client.execute(uri: "/documents/\(number)", method: .get, headers: [.cookie: other]) { #expect($0.status == .notFound) }

            func verify(_ text: String) async throws -> (HTTPResponse.Status, [String: Any]) {
                let payload = String(decoding: try JSONSerialization.data(withJSONObject: ["document": text]), as: UTF8.self)
                return try await client.execute(
                    uri: "/api/v1/verify", method: .post, headers: [.contentType: "application/json", .acceptLanguage: "ru"],
                    body: ByteBuffer(string: payload)) { ($0.status, $0.json) }
            }
            let (ok, good) = try await verify(jws)
            #expect(ok == .ok && good["genuine"] as? Bool == true && good["unchanged"] as? Bool == true && good["status"] as? String == "valid")
            let content = try #require(good["content"] as? String)
            #expect(content.contains("S3-2025-000001") && content.contains("incomplete-package"))
            #expect(content.contains("қағаз жеткізгіштегі құжатпен бірдей"))  // (002 Annex 3), in the application's language
            // One byte changed in the signed content.
            var bytes = Array(jws.utf8)
            let at = jws.firstIndex(of: ".").map { jws.distance(from: jws.startIndex, to: $0) + 5 } ?? 5
            bytes[at] = bytes[at] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
            let (bad, tampered) = try await verify(String(decoding: bytes, as: UTF8.self))
            #expect(bad == .unprocessableContent && tampered["code"] as? String == "verify.tampered")
            #expect(tampered["message"] as? String == "Подпись не сходится: документ изменён или подписан не Bilim.")
            let (garbage, g) = try await verify("not a document")
            #expect(garbage == .unprocessableContent && g["code"] as? String == "verify.malformed")

            // By number: status only; with the check code printed next to it, the content too.
            let code = try #require(refusal["checkCode"] as? String)
            let bare = try await client.execute(uri: "/api/v1/verify/\(number)", method: .get) { $0.json }
            #expect(bare["status"] as? String == "valid" && bare["content"] == nil)
            let full = try await client.execute(uri: "/api/v1/verify/\(number)?c=\(code)", method: .get) { $0.json }
            #expect((full["content"] as? String)?.contains("incomplete-package") == true)
            try await client.execute(uri: "/verify/\(number)?c=\(code)&lang=kk", method: .get) { r in
                #expect(r.status == .ok && r.text.contains("Құжат түпнұсқа, өзгермеген және күшінде"))
            }
        }
    }

    @Test("a duplicate is issued as a signed Verifiable Credential delivered to Digital documents; the original's credential is superseded, a corrected document's earlier credential revoked", arguments: TestDatabase.allConfigured)
    func credentials(_ kind: TestDatabase) async throws {
        try await Scenario_run(kind) { deps in
            let parent = try await Actor.of(try await ReferenceRepository(db: deps.database.sql).user(login: "applicant")!, database: deps.database, today: deps.today)
            let staff = try await Actor.of(try await ReferenceRepository(db: deps.database.sql).user(login: "college.staff")!, database: deps.database, today: deps.today)
            // S3: correct the diploma twice; each correction issues a credential and revokes the one before.
            for value in ["5", "4.5"] {
                let a = CorrectionApplication(
                    documentId: "doc-diploma-2006",
                    changes: [RequestedChange(field: "grade.psychology", value: value, explanation: "архив")], consent: true,
                    copy: UploadedFile(filename: "d.pdf", mediaType: "application/pdf", bytes: Array("%PDF-1.4\n%%EOF\n".utf8)), language: .ru)
                let c = try #require(try await ConfirmedIntake(deps).submit(a, by: parent).caseRow)
                try await CaseWorkflow(deps).perform(.acceptForReview, on: c.id, by: staff)
                try await CaseWorkflow(deps).perform(.applyCorrections, on: c.id, by: staff)
            }
            let creds = try await SignedDocumentRepository(db: deps.database.sql).credentials(holderIIN: DemoData.parentIIN.digits)
            #expect(creds.map(\.status) == ["revoked", "valid"])
            #expect(creds.first?.statusReason == "corrected")
            let result = try await DocumentVerification(deps).verify(document: creds[1].jws)
            #expect(result.genuine && result.unchanged && result.status == "valid")
            let vc = try #require(result.content)
            #expect(vc.contains(#""@context":["https://www.w3.org/ns/credentials/v2"]"#))
            #expect(vc.contains(#""type":["VerifiableCredential","EducationDocumentCredential"]"#))
            #expect(vc.contains(#""psychology":"4.5""#))
            let old = try await DocumentVerification(deps).verify(document: creds[0].jws)
            #expect(old.genuine && old.status == "revoked")
            // Delivered to the Digital documents stand-in with the credential, once the outbox runs.
            let delivery = OutboxDelivery(
                database: deps.database, gateway: EmbeddedSMSGateway(database: deps.database, clock: deps.clock), clock: deps.clock,
                logger: deps.logger)
            _ = try await delivery.deliverDue()
            let payloads = try await EmbeddedDigitalDocuments(database: deps.database, clock: deps.clock).payloads()
            #expect(payloads.count == 2 && payloads.allSatisfy { $0.contains("credential") && $0.contains("eyJ") })
        }
    }
}

/// Demo data and services on a database, at Wednesday 5 March 2025 10:00 in Almaty.
func Scenario_run(_ kind: TestDatabase, _ body: @Sendable (ServiceDependencies) async throws -> Void) async throws {
    try await kind.with { db in
        let clock = MovableClock(almaty: "2025-03-05T10:00")
        try await DemoData.seedIfEmpty(db, clock: clock)
        try await body(
            ServiceDependencies(
                database: db, passports: try ShippedData.passportCatalog(), clock: clock, ids: SequentialIDs(), logger: CapturedLogs().logger))
    }
}
