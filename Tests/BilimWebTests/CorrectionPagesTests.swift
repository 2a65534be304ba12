import BilimCore
import BilimServices
import BilimStore
import BilimTestSupport
import BilimWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct CorrectionPagesTests {
    static let boundary = "----BilimTestBoundary7MA4YWxkTrZu0gW"
    /// A tiny PDF with CRLFs, a line that looks like a boundary's start, and bytes that are not UTF-8.
    static let pdf: [UInt8] = Array("%PDF-1.4\r\n1 0 obj<<>>endobj\r\n--not-the-boundary\r\n".utf8) + [0x00, 0xE2, 0xFF, 0x0D, 0x0A]
        + Array("trailer<<>>\r\n%%EOF\n".utf8)

    enum Part {
        case field(String, String)
        case file(String, filename: String, type: String, bytes: [UInt8])
    }

    static func body(_ parts: [Part], boundary: String = boundary) -> [UInt8] {
        var out: [UInt8] = []
        for p in parts {
            out += Array("--\(boundary)\r\n".utf8)
            switch p {
            case .field(let name, let value):
                out += Array("Content-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
            case .file(let name, let filename, let type, let bytes):
                out += Array("Content-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\nContent-Type: \(type)\r\n\r\n".utf8)
                out += bytes + [13, 10]
            }
        }
        return out + Array("--\(boundary)--\r\n".utf8)
    }

    func post(
        _ client: any TestClientProtocol, _ cookie: String, _ parts: [Part], lang: String = "ru", query: String = "",
        csrf: Bool = true
    ) async throws -> TestResponse {
        try await client.execute(
            uri: "/corrections/new" + query, method: .post,
            headers: [.contentType: "multipart/form-data; boundary=\(Self.boundary)", .cookie: cookie + "; lang=\(lang)"],
            body: ByteBuffer(bytes: Self.body(parts + (csrf ? [.field("_csrf", formToken(cookie))] : [])))
        ) { $0 }
    }

    /// The hidden fields a check page carries to its next step, unescaped.
    static func hidden(_ html: String) -> [Part] {
        var seen = Set<String>()
        var out: [Part] = []
        for m in html.matches(of: /<input type="hidden" name="([^"]+)" value="([^"]*)">/) {
            let name = String(m.1)
            guard !["_csrf", "step", "challengeId"].contains(name), seen.insert(name).inserted else { continue }
            let value = String(m.2).replacing("&quot;", with: "\"").replacing("&#39;", with: "'").replacing("&lt;", with: "<")
                .replacing("&gt;", with: ">").replacing("&amp;", with: "&")
            out.append(.field(name, value))
        }
        return out
    }

    static func form(value: String, copy: [UInt8] = pdf, type: String = "application/pdf") -> [Part] {
        [
            .field("step", "check"), .field("document", "doc-diploma-2006"), .field("changes.0.field", ""),
            .field("changes.0.value", ""), .field("changes.0.explanation", ""),
            .field("changes.1.field", "grade.psychology"), .field("changes.1.value", value),
            .field("changes.1.explanation", "В архивной ведомости — отлично"), .field("consent", "1"),
            .file("copy", filename: "diploma.pdf", type: type, bytes: copy),
        ]
    }

    // MARK: the parser

    @Test("multipart: text fields and a file part, with the boundary from the Content-Type")
    func parsesNormalBody() throws {
        let boundary = try Multipart.boundary(contentType: "multipart/form-data; boundary=\"\(Self.boundary)\"")
        #expect(boundary == Self.boundary)
        let form = try Multipart.parse(
            Self.body([.field("step", "check"), .field("changes.0.explanation", "Строка 1\r\nСтрока 2"), .field("empty", "")]),
            boundary: boundary)
        #expect(form.fields == ["step": "check", "changes.0.explanation": "Строка 1\r\nСтрока 2", "empty": ""])
        #expect(form.files.isEmpty)
    }

    @Test("multipart: a binary PDF part with CRLFs keeps every byte, its filename and declared type")
    func parsesBinaryFile() throws {
        let form = try Multipart.parse(
            Self.body([.field("a", "1"), .file("copy", filename: "диплом.pdf", type: "application/pdf", bytes: Self.pdf), .field("b", "2")]),
            boundary: Self.boundary)
        let file = try #require(form.files["copy"])
        #expect(file.bytes == Self.pdf && file.filename == "диплом.pdf" && file.mediaType == "application/pdf")
        #expect(form.fields == ["a": "1", "b": "2"])
    }

    @Test("multipart: a missing boundary or a malformed body is request.invalid on body")
    func refusesMalformed() throws {
        for contentType in ["multipart/form-data", "multipart/form-data; boundary=", "application/x-www-form-urlencoded"] {
            #expect(throws: DomainError(.requestInvalid, field: "body", ["field": "body"])) {
                try Multipart.boundary(contentType: contentType)
            }
        }
        let good = Self.body([.field("a", "1")])
        let broken: [[UInt8]] = [
            Array(good.dropLast(4)),  // no closing boundary
            Array("--\(Self.boundary)\r\nX-Nothing: 1\r\n\r\nv\r\n--\(Self.boundary)--".utf8),  // no Content-Disposition
            Array("preamble".utf8) + good,
            Self.body([.field("a", "1"), .field("a", "2")]),  // a name twice
            Array("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"a\r\n\r\nv\r\n--\(Self.boundary)--".utf8),
        ]
        for body in broken {
            #expect(throws: DomainError(.requestInvalid, field: "body", ["field": "body"])) {
                try Multipart.parse(body, boundary: Self.boundary)
            }
        }
    }

    // MARK: the pages

    @Test(
        "the applicant's corrections path: form, check your answers with old and new values, code, case; staff see the changes side by side (002 §6) (000 List item 8)",
        arguments: TestDatabase.allConfigured, ["ru", "kk"])
    func applicantPath(_ kind: TestDatabase, _ code: String) async throws {
        let lang = try #require(Language(rawValue: code))
        let text = try UIText.load()
        try await withTestApp(on: kind, clock: MovableClock(almaty: "2025-03-05T10:00")) { client, deps, _ in
            let parent = try await signIn(client, "applicant")
            try await client.execute(uri: "/cabinet?lang=\(code)", method: .get, headers: [.cookie: parent]) { r in
                #expect(r.text.contains(#"<a href="/corrections/new">\#(text("corrections_link", lang))</a>"#))
            }
            try await client.execute(uri: "/corrections/new?lang=\(code)", method: .get, headers: [.cookie: parent]) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains(#"value="doc-diploma-2006""#) && r.text.contains("ТКБ № 0098765"))
                #expect(!r.text.contains("doc-certificate-2002"))  // a school certificate is not corrected here
                #expect(r.text.contains(#"enctype="multipart/form-data""#) && r.text.contains(#"accept=".pdf,.png,.jpg,.jpeg""#))
                #expect(r.text.contains(#"<option value="grade.pedagogy">"#) && r.text.contains(#"<option value="grade.psychology">"#))
                #expect(r.text.contains(#"name="changes.4.explanation""#) && !r.text.contains(#"name="changes.5.field""#))
                #expect(r.text.contains("<h1>\(text("corrections_title", lang))</h1>"))
                #expect(!r.text.contains("aria-invalid"))
            }
            let check = try await post(client, parent, Self.form(value: "5"), lang: code)
            #expect(check.status == .ok && check.text.contains(text("apply_check_title", lang)))
            #expect(check.text.contains("<td>4</td><td>5</td><td>В архивной ведомости — отлично</td>"))
            #expect(check.text.contains(text("corrections_field_grade", lang).replacing("{subject}", with: text("subject_psychology", lang))))
            let carried = Self.hidden(check.text)
            #expect(carried.contains { if case .field("copy.data", let v) = $0 { Data(base64Encoded: v) == Data(Self.pdf) } else { false } })

            let sent = try await post(client, parent, [.field("step", "send-code")] + carried, lang: code, query: "?carry=1")
            #expect(sent.status == .ok && sent.text.contains(text("confirm_code_label", lang)))
            let challenge = try #require(sent.text.firstMatch(of: /name="challengeId" value="([^"]+)"/)?.1)
            let otp = try await lastCode(deps)
            let wrong = try await post(
                client, parent, [.field("step", "confirm"), .field("challengeId", String(challenge)), .field("code", "000000")] + carried,
                lang: code, query: "?carry=1")
            let wrongText = DomainError(.otpWrong).message(in: lang).prefix { $0 != "." }
            #expect(wrong.status == .unprocessableContent && wrong.text.contains(wrongText) && wrong.text.contains(#"role="alert""#))
            #expect(try await ReferenceRepository(db: deps.database.sql).count("cases") == 0)

            let confirm: [Part] = [.field("step", "confirm"), .field("challengeId", String(challenge)), .field("code", otp)] + carried
            let done = try await post(client, parent, confirm, lang: code, query: "?carry=1")
            #expect(done.status == .seeOther)
            let location = try #require(done.headers[.location])
            #expect(location.hasSuffix("?created=1"))
            // A second click does not make a second case.
            let again = try await post(client, parent, confirm, lang: code, query: "?carry=1")
            #expect(again.headers[.location] == location)
            #expect(try await ReferenceRepository(db: deps.database.sql).count("cases") == 1)
            let casePath = String(location.split(separator: "?")[0])
            let caseId = String(casePath.split(separator: "/").last ?? "")
            #expect(try await CaseRepository(db: deps.database.sql).find(id: caseId)?.service == "S3")

            try await client.execute(uri: location, method: .get, headers: [.cookie: parent + "; lang=\(code)"]) { r in
                #expect(r.text.contains("S3-2025-000001"))
                #expect(r.text.contains(text("corrections_case_old", lang)) && r.text.contains("<td>4</td><td>5</td>"))
            }
            let staff = try await signIn(client, "college.staff")
            try await client.execute(uri: casePath, method: .get, headers: [.cookie: staff + "; lang=\(code)"]) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains(text("corrections_case_title", lang)) && r.text.contains(text("corrections_case_old", lang)))
                #expect(r.text.contains("<td>4</td><td>5</td><td>В архивной ведомости — отлично</td>"))
                #expect(r.text.contains(#"id="action-accept-for-review""#) && r.text.contains(text("action_accept-for-review", lang)))
                // Refusing corrections asks for the passport's grounds, as the duplicate refusal does.
                let refuse = try #require(r.text.firstRange(of: #"id="action-refuse-corrections""#))
                #expect(r.text[refuse.upperBound...].prefix(2000).contains(#"name="ground."#))
                #expect(r.text.contains(text("action_refuse-corrections", lang)))
            }
            // Staff review the case with the page's actions: the registry takes the correct value.
            for action in ["accept-for-review", "apply-corrections"] {
                let r = try await client.execute(
                    uri: casePath + "/actions", method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded", .cookie: staff],
                    body: ByteBuffer(string: "action=\(action)&_csrf=\(formToken(staff))")) { $0 }
                #expect(r.status == .seeOther, "\(action)")
            }
            let grades = try await DocumentRegistryRepository(db: deps.database.sql).grades(documentId: "doc-diploma-2006")
            #expect(grades.first { $0.subject == "psychology" }?.gradeHundredths == 500)
            try await client.execute(uri: casePath, method: .get, headers: [.cookie: parent + "; lang=\(code)"]) { r in
                #expect(r.text.contains(text("action_apply-corrections", lang)))  // in the timeline
            }
        }
    }

    @Test("a correction that changes nothing is refused with its message on the row's value; nothing is registered (002 §8)", arguments: TestDatabase.allConfigured)
    func noOpRefused(_ kind: TestDatabase) async throws {
        try await withTestApp(on: kind, clock: MovableClock(almaty: "2025-03-05T10:00")) { client, deps, _ in
            let parent = try await signIn(client, "applicant")

            let r = try await post(client, parent, Self.form(value: "4"))

            #expect(r.status == .unprocessableContent)
            // The message of correction.nothingToChange, naming the field by its label.
            #expect(r.text.contains(DomainError(.correctionNothingToChange, ["value": "Оценка: Психология"]).message(in: .ru)))
            #expect(r.text.contains(#"role="alert""#) && r.text.contains(##"href="#changes-1-value""##))
            // Only the field in error is marked invalid; the checked copy is kept for the next try.
            #expect(r.text.contains(#"id="changes-1-value" name="changes.1.value" value="4" maxlength="300" aria-describedby="changes-1-value-hint changes-1-value-error" aria-invalid="true">"#))
            #expect(r.text.components(separatedBy: "aria-invalid").count == 2)
            #expect(r.text.contains(#"name="copy.name" value="diploma.pdf""#))
            #expect(try await ReferenceRepository(db: deps.database.sql).count("cases") == 0)
            #expect(try await EmbeddedSMSGateway(database: deps.database, clock: deps.clock).sent().isEmpty)
        }
    }

    @Test("a file that is not the PDF it says it is, a missing copy or consent, and a missing CSRF token are refused", arguments: TestDatabase.allConfigured)
    func badInputRefused(_ kind: TestDatabase) async throws {
        try await withTestApp(on: kind, clock: MovableClock(almaty: "2025-03-05T10:00")) { client, deps, _ in
            let parent = try await signIn(client, "applicant")

            let fake = try await post(client, parent, Self.form(value: "5", copy: Array("hello, not a pdf".utf8)), lang: "kk")
            #expect(fake.status == .unprocessableContent)
            #expect(fake.text.contains(DomainError(.fileNotWhatItSays, ["value": "application/pdf"]).message(in: .kk)))
            #expect(fake.text.contains(#"aria-invalid="true""#) && fake.text.contains(##"href="#copy""##))
            #expect(!fake.text.contains(#"name="copy.data""#))

            let missing = try await post(
                client, parent, Self.form(value: "5").filter { if case .file = $0 { false } else if case .field("consent", _) = $0 { false } else { true } })
            #expect(missing.status == .unprocessableContent)
            #expect(missing.text.contains(DomainError(.correctionCopyRequired).message(in: .ru)))
            #expect(missing.text.contains(DomainError(.consentMissing).message(in: .ru)))

            let forged = try await post(client, parent, Self.form(value: "5"), csrf: false)
            #expect(forged.status != .ok && forged.status != .seeOther)
            #expect(forged.text.contains(DomainError(.csrfInvalid).message(in: .ru)))

            let huge = try await post(
                client, parent, Self.form(value: "5", copy: Self.pdf + [UInt8](repeating: 0x20, count: Multipart.maxBodySize)))
            #expect(huge.status == .contentTooLarge)
            #expect(try await ReferenceRepository(db: deps.database.sql).count("cases") == 0)

            // Only applicants apply; staff are told so, in their language.
            let staff = try await signIn(client, "college.staff")
            try await client.execute(uri: "/corrections/new?lang=ru", method: .get, headers: [.cookie: staff]) { r in
                #expect(r.status == .forbidden && r.text.contains("<html") && r.text.contains("lang=\"ru\""))
            }
        }
    }
}
