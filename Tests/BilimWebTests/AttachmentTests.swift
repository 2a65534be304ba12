import BilimCore
import BilimServices
import BilimStore
import BilimTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct AttachmentTests {
    static let pdf = Array("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".utf8)
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]

    @Test("a file that is not the PDF or image it claims to be, or is too large, is refused and nothing is stored", arguments: TestDatabase.allConfigured)
    func files(_ kind: TestDatabase) async throws {
        try await withTestApp(on: kind, clock: MovableClock(almaty: "2025-03-03T10:00")) { client, deps, _ in
            let parent = try await signIn(client, "applicant")
            let created = try await client.execute(
                uri: "/api/v1/cases", method: .post, headers: [.contentType: "application/json", .cookie: parent],
                body: ByteBuffer(string: try await confirmed(client, deps, parent, CaseAPITests.application))) { $0.json }
            let id = try #require((created["case"] as? [String: Any])?["id"] as? String)
            func upload(_ type: String, _ bytes: [UInt8], as cookie: String = parent) async throws -> (HTTPResponse.Status, [String: Any]) {
                try await client.execute(
                    uri: "/api/v1/cases/\(id)/attachments?code=original-education-document", method: .post,
                    headers: [.contentType: type, .cookie: cookie, .acceptLanguage: "ru", HTTPField.Name("X-Filename")!: "scan.pdf", HTTPField.Name("X-CSRF-Token")!: formToken(cookie)],
                    body: ByteBuffer(bytes: bytes)) { r in (r.status, r.json) }
            }

            let ok = try await upload("application/pdf", Self.pdf)
            #expect(ok.0 == .created && ok.1["size"] as? Int == Self.pdf.count && (ok.1["sha256"] as? String)?.count == 64)
            let png = try await upload("image/png", Self.png)
            #expect(png.0 == .created)

            let liar = try await upload("image/png", Self.pdf)
            #expect(liar.0 == .unprocessableContent && liar.1["code"] as? String == "file.notWhatItSays")
            #expect(liar.1["message"] as? String == "Файл не является тем, чем назван (image/png).")
            // text/plain is a type a cross-site form can send: without the form token it stops at the CSRF check.
            try await client.execute(
                uri: "/api/v1/cases/\(id)/attachments?code=original-education-document", method: .post,
                headers: [.contentType: "text/plain", .cookie: parent], body: ByteBuffer(string: "hello")
            ) { r in #expect(r.status == .forbidden && r.json["code"] as? String == "csrf.invalid") }
            let text = try await upload("text/plain", Array("hello".utf8))
            #expect(text.0 == .unprocessableContent && text.1["code"] as? String == "file.typeNotAllowed")
            let big = try await upload("application/pdf", Self.pdf + [UInt8](repeating: 0x20, count: FileCheck.maxBytes))
            #expect(big.0 == .contentTooLarge)
            let stranger = try await upload("application/pdf", Self.pdf, as: try await signIn(client, "college.staff"))
            #expect(stranger.0 == .notFound)

            let stored = try await AttachmentRepository(db: deps.database.sql).list(caseId: id)
            #expect(stored.map(\.mediaType) == ["application/pdf", "image/png"])
            #expect(try await AttachmentRepository(db: deps.database.sql).content(id: stored[0].id) == Data(Self.pdf))
        }
    }
}
