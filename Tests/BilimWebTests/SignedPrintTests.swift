import BilimCore
import BilimServices
import BilimStore
import BilimTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The receipt a portal application gets in the cabinet, and every signed document as a page to read and print,
/// with its QR code leading to `/verify`.
@Suite struct SignedPrintTests {
    static let json: HTTPFields = [.contentType: "application/json"]

    func documents(_ client: any TestClientProtocol, _ caseId: String, _ cookie: String) async throws -> [[String: Any]] {
        try await client.execute(uri: "/api/v1/cases/\(caseId)/documents", method: .get, headers: [.cookie: cookie]) {
            (try? JSONSerialization.jsonObject(with: Data($0.text.utf8))) as? [[String: Any]] ?? []
        }
    }

    @Test("a portal application gets its acceptance notice in the cabinet as a signed receipt that verifies (004 §51)", arguments: TestDatabase.allConfigured)
    func portalReceipt(_ kind: TestDatabase) async throws {
        try await withTestApp(on: kind, clock: MovableClock(almaty: "2025-03-03T10:00")) { client, deps, _ in
            let parent = try await signIn(client, "applicant")
            let body = try await confirmed(client, deps, parent, CaseAPITests.application)
            let created = try await client.execute(
                uri: "/api/v1/cases", method: .post, headers: [.contentType: "application/json", .cookie: parent, .acceptLanguage: "ru"],
                body: ByteBuffer(string: body)) { $0.json }
            let caseJSON = try #require(created["case"] as? [String: Any])
            let id = try #require(caseJSON["id"] as? String)
            let docs = try await documents(client, id, parent)
            #expect(docs.map { $0["kind"] as? String } == ["receipt"])
            let number = try #require(docs.first?["number"] as? String)
            let jws = try await client.execute(uri: "/documents/\(number)", method: .get, headers: [.cookie: parent]) { $0.text }
            let result = try await DocumentVerification(deps).verify(document: jws)
            #expect(result.genuine && result.unchanged && result.status == "valid" && result.kind == "receipt")
            let content = try #require(result.content)
            let registration = try #require(caseJSON["number"] as? String)
            #expect(content.contains(#""caseNumber":"\#(registration)""#))
            #expect(content.contains(#""registeredOn":"2025-03-03""#))
            #expect(content.contains(#""deadline":"\#(try #require(caseJSON["deadline"] as? String))""#))
            #expect(content.contains(#""code":"e-application""#))
        }
    }

    @Test("a corrections application's receipt, and the refusal: each a page to print with a QR code to /verify with its check code; strangers see nothing (002 §10) (002 Annex 3)", arguments: TestDatabase.allConfigured)
    func printable(_ kind: TestDatabase) async throws {
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
            let docs = try await documents(client, id, parent)
            #expect(docs.compactMap { $0["kind"] as? String }.sorted() == ["receipt", "refusal"])
            let receipt = try #require(docs.first { $0["kind"] as? String == "receipt" })
            let refusal = try #require(docs.first { $0["kind"] as? String == "refusal" })
            let number = try #require(refusal["number"] as? String)
            let receiptNumber = try #require(receipt["number"] as? String)
            let code = try #require(refusal["checkCode"] as? String)

            // The case page lists both, with links to read and to download.
            try await client.execute(uri: "/cases/\(id)?lang=ru", method: .get, headers: [.cookie: parent]) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("Электронные документы"))
                #expect(r.text.contains(#"href="/documents/\#(number)/view""#))
                #expect(r.text.contains(#"href="/documents/\#(receiptNumber)/view""#))
            }
            // The refusal, printable, in Russian: its grounds with the clause, the statement, the QR code and the link.
            let page = try await client.execute(uri: "/documents/\(number)/view?lang=ru", method: .get, headers: [.cookie: parent]) { r in
                #expect(r.status == .ok)
                return r.text
            }
            #expect(page.contains("Мотивированный отказ") && page.contains("№ \(number)"))
            // The document says what it says in the application's language (Kazakh here), the labels follow the page.
            #expect(page.contains("(002 §11)</li>"))
            #expect(page.contains("қағаз жеткізгіштегі құжатпен бірдей"))
            let link = try #require(page.firstMatch(of: /href="(https?:\/\/[^"\/]+\/verify\/([^"?]+)\?c=([0-9A-F]+))"/))
            #expect(link.output.2 == number && link.output.3 == code)
            let qr = try QRCode(text: String(link.output.1), correction: .medium)
                .svg(moduleSize: 3, quietZone: 4, title: "QR-код для проверки документа")
            #expect(page.contains(qr))
            // And in Kazakh.
            try await client.execute(uri: "/documents/\(number)/view?lang=kk", method: .get, headers: [.cookie: parent]) { r in
                #expect(r.status == .ok && r.text.contains("Тексеру коды") && r.text.contains("<svg"))
            }
            // The QR link shows anyone that it is genuine and valid.
            try await client.execute(uri: "/verify/\(number)?c=\(code)&lang=ru", method: .get) { r in
                #expect(r.status == .ok && r.text.contains("incomplete-package"))
            }
            // The college that decided may open it; another organization's staff and the signed-out may not.
            try await client.execute(uri: "/documents/\(number)/view", method: .get, headers: [.cookie: staff]) { #expect($0.status == .ok) }
            let school = try await signIn(client, "school.staff")
            try await client.execute(uri: "/documents/\(number)/view", method: .get, headers: [.cookie: school]) { r in
                #expect(r.status == .notFound && !r.text.contains(code))
            }
            try await client.execute(uri: "/documents/\(number)/view", method: .get) { r in
                #expect(r.status == .found && r.headers[.location] == "/sign-in?next=/documents/\(number)/view")
            }
            try await client.execute(uri: "/documents/E-1999-000001/view", method: .get, headers: [.cookie: parent]) {
                #expect($0.status == .notFound)
            }
        }
    }

    @Test("a corrected document's credential is listed in the cabinet and printable with its grades (002 §8)", arguments: TestDatabase.allConfigured)
    func credentialInCabinet(_ kind: TestDatabase) async throws {
        try await withTestApp(on: kind, clock: MovableClock(almaty: "2025-03-05T10:00")) { client, deps, _ in
            let parent = try await signIn(client, "applicant")
            let staff = try await signIn(client, "college.staff")
            try await client.execute(uri: "/cabinet?lang=ru", method: .get, headers: [.cookie: parent]) { r in
                #expect(r.text.contains("Цифровых документов пока нет."))
            }
            let body = try await confirmed(
                client, deps, parent, CorrectionAPITests.corrections(), prepare: "/api/v1/corrections/confirmations", key: "corrections")
            let created = try await client.execute(
                uri: "/api/v1/corrections", method: .post, headers: [.contentType: "application/json", .cookie: parent],
                body: ByteBuffer(string: body)) { $0.json }
            let id = try #require((created["case"] as? [String: Any])?["id"] as? String)
            for action in ["accept-for-review", "apply-corrections"] {
                let s = try await client.execute(
                    uri: "/api/v1/cases/\(id)/actions", method: .post, headers: [.contentType: "application/json", .cookie: staff],
                    body: ByteBuffer(string: #"{"action": "\#(action)"}"#)) { $0.status }
                #expect(s == .ok)
            }
            let credential = try #require(
                try await SignedDocumentRepository(db: deps.database.sql).credentials(holderIIN: DemoData.parentIIN.digits).last)
            try await client.execute(uri: "/cabinet?lang=ru", method: .get, headers: [.cookie: parent]) { r in
                #expect(r.text.contains("Цифровые документы об образовании"))
                #expect(r.text.contains(#"href="/documents/\#(credential.number)/view""#))
            }
            try await client.execute(uri: "/documents/\(credential.number)/view?lang=ru", method: .get, headers: [.cookie: parent]) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("Цифровой документ об образовании") && r.text.contains("Оценки"))
                #expect(r.text.contains(credential.checkCode))
            }
        }
    }
}
