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

/// Graduates of foreign institutions apply at the college (003 §12): a receipt of acceptance listing the documents
/// and the staff member, or a motivated refusal receipt on an incomplete package or the grounds of 003 Annex 1 item 9.
@Suite struct AdmissionDeskTests {
    static let foreigner = IIN.compose(birthDate: CivilDate(year: 2009, month: 11, day: 2)!, sex: .male, serial: 7001).digits
    static let complete = [
        "application", "education-document-original", "photo", "medical-certificate-075u", "digital-identity-document", "foreigner-status-document",
    ]

    static func body(
        documents: [String] = complete, grades: [String: String] = ["kazakh-language": "5", "mathematics": "4.5"], status: String? = "residence-permit",
        consent: Bool = true, validUntil: String? = nil, grounds: [String]? = nil, choices: [String] = ["B-WRK"]
    ) -> [String: Any] {
        var b: [String: Any] = [
            "applicantIIN": foreigner, "choices": choices, "documents": documents, "consent": consent, "dormitory": true,
            "document": ["country": "kg", "number": "A-1234567", "issuedOn": "2026-06-20", "base": "basic-secondary", "grades": grades],
        ]
        if let status { b["foreignerStatus"] = status }
        if let validUntil { b["identityDocumentValidUntil"] = validUntil }
        if let grounds { b["refusalGrounds"] = grounds }
        return b
    }

    func post(_ client: any TestClientProtocol, _ cookie: String, _ body: [String: Any]) async throws -> (HTTPResponse.Status, [String: Any]) {
        try await client.execute(
            uri: "/api/v1/admission/applications/desk", method: .post,
            headers: [.contentType: "application/json", .cookie: cookie, .acceptLanguage: "ru"],
            body: ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body))
        ) { ($0.status, $0.json) }
    }

    func page(_ client: any TestClientProtocol, _ cookie: String, _ number: String) async throws -> String {
        try await client.execute(uri: "/receipts/\(number)", method: .get, headers: [.cookie: cookie]) { $0.text }
    }

    func counts(_ deps: ServiceDependencies) async throws -> [Int] {
        var out: [Int] = []
        for t in ["admission_applications", "foreign_education_documents", "receipts"] {
            out.append(
                try await deps.database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(t).first()?
                    .decode(column: "n", as: Int.self) ?? 0)
        }
        return out
    }

    func setUp(_ client: any TestClientProtocol, _ deps: ServiceDependencies) async throws -> String {
        let name = try PersonName(surname: "Асанов", givenName: "Бакыт", patronymic: nil)
        try await ReferenceRepository(db: deps.database.sql).insert(PersonRow(iin: try IIN(Self.foreigner), name: name, phone: nil, createdAt: deps.clock.now()))
        try await AdmissionApplicationsAPITests.loadPrograms(client)
        return try await signIn(client, "college.staff")
    }

    @Test("the college takes a foreign graduate's application with their residence permit and prints the receipt of acceptance (003 §12) (003 Annex 1 item 8)", arguments: TestDatabase.allConfigured)
    func accepted(_ kind: TestDatabase) async throws {
        try await withTestApp(on: kind, clock: MovableClock(almaty: "2026-07-10T11:00")) { client, deps, _ in
            let college = try await setUp(client, deps)
            let (status, answer) = try await post(client, college, Self.body())
            #expect(status == .created, "\(answer)")
            let application = answer["application"] as? [String: Any] ?? [:]
            let receipt = answer["receipt"] as? [String: Any] ?? [:]
            #expect(application["choices"] as? [String] == ["B-WRK"] && application["base"] as? String == "basic-secondary")
            #expect(receipt["kind"] as? String == "acceptance" && (receipt["documents"] as? [String])?.count == 6)
            #expect(try await counts(deps) == [1, 1, 1])
            // The recognized grades score like a registry document's (003 §62).
            let grades = try await DocumentRegistryRepository(db: deps.database.sql).grades(documentId: application["documentId"] as? String ?? "")
            #expect(grades.map(\.gradeHundredths) == [500, 450])
            let html = try await page(client, college, receipt["number"] as? String ?? "")
            #expect(html.contains("Документ, определяющий статус иностранца или лица без гражданства") || html.contains("Шетелдіктің немесе азаматтығы жоқ адамның"))
            // A second application the same year is refused.
            let (again, second) = try await post(client, college, Self.body())
            #expect(again == .conflict && second["code"] as? String == "admission.alreadyApplied")
            #expect(try await counts(deps) == [1, 1, 1])
        }
    }

    @Test("an incomplete or expired package, no consent, or a court verdict gets the motivated refusal receipt and nothing else (003 §18) (003 Annex 1 item 9)", arguments: TestDatabase.allConfigured)
    func refused(_ kind: TestDatabase) async throws {
        try await withTestApp(on: kind, clock: MovableClock(almaty: "2026-07-10T11:00")) { client, deps, _ in
            let college = try await setUp(client, deps)
            let cases: [([String: Any], [String], [String])] = [
                (Self.body(documents: Array(Self.complete.dropLast())), ["foreigner-status-document"], []),
                (Self.body(validUntil: "2026-07-09"), ["expired-identity-document"], []),
                (Self.body(consent: false), [], ["no-personal-data-consent"]),
                (Self.body(grounds: ["court-ban"]), [], ["court-ban"]),
                (Self.body(grounds: ["unreliable-documents", "non-compliant-documents"]), [], ["unreliable-documents", "non-compliant-documents"]),
            ]
            for (i, (body, missing, grounds)) in cases.enumerated() {
                let (status, answer) = try await post(client, college, body)
                let receipt = answer["receipt"] as? [String: Any] ?? [:]
                #expect(status == .created && receipt["kind"] as? String == "refusal", "\(answer)")
                #expect(receipt["missing"] as? [String] == missing && receipt["grounds"] as? [String] == grounds, "\(receipt)")
                #expect(answer["application"] == nil || answer["application"] is NSNull)
                #expect(try await counts(deps) == [0, 0, i + 1])
            }
            // The court verdict is stated in the passport's words with its clause.
            let (_, court) = try await post(client, college, Self.body(grounds: ["court-ban"]))
            let html = try await page(client, college, (court["receipt"] as? [String: Any])?["number"] as? String ?? "")
            #expect(html.contains("(003 Annex 1 item 9)"))
        }
    }

    @Test("bad desk input is refused with its message and writes nothing; registration closes after 26 August (003 §53)", arguments: TestDatabase.allConfigured)
    func badInput(_ kind: TestDatabase) async throws {
        let clock = MovableClock(almaty: "2026-07-10T11:00")
        try await withTestApp(on: kind, clock: clock) { client, deps, _ in
            let college = try await setUp(client, deps)
            let cases: [([String: Any], HTTPResponse.Status, String, String?)] = [
                (Self.body(grades: ["kazakh-language": "5.5", "mathematics": "4"]), .unprocessableContent, "admission.scoreMalformed",
                 "Оценка «5.5» неверна: число от 1 до 5, не более двух знаков после точки (например, 4 или 4.5)."),
                (Self.body(grades: ["kazakh-language": "5"]), .unprocessableContent, "admission.gradesMissing", nil),
                (Self.body(grounds: ["bad-weather"]), .unprocessableContent, "request.invalid", nil),
                (Self.body(status: "tourist-visa"), .unprocessableContent, "request.invalid", nil),
                (Self.body(choices: ["G-MID"]), .unprocessableContent, "admission.programWrongBase", nil),
            ]
            for (body, status, code, message) in cases {
                let (s, answer) = try await post(client, college, body)
                #expect(s == status && answer["code"] as? String == code, "\(code): \(answer)")
                if let message { #expect(answer["message"] as? String == message) }
            }
            #expect(try await counts(deps) == [0, 0, 0])
            let parent = try await signIn(client, "applicant")
            #expect(try await post(client, parent, Self.body()).0 == .forbidden)
            clock.set(almaty: "2026-08-27T09:00")
            let late = try await signIn(client, "college.staff")
            let (s, answer) = try await post(client, late, Self.body())
            #expect(s == .unprocessableContent && answer["message"] as? String == "Колледжи регистрируют абитуриентов до 2026-08-26.")
            #expect(try await counts(deps) == [0, 0, 0])
        }
    }

    @Test("the desk page: a complete package prints the receipt of acceptance, a court verdict the refusal, a bad grade its message (003 §12) (003 Annex 1 item 9)", arguments: TestDatabase.allConfigured)
    func page(_ kind: TestDatabase) async throws {
        try await withTestApp(on: kind, clock: MovableClock(almaty: "2026-07-10T11:00")) { client, deps, _ in
            let college = try await setUp(client, deps)
            let form = try await client.execute(uri: "/admission/desk", method: .get, headers: [.cookie: college + "; lang=ru"]) { $0.text }
            #expect(form.contains("name=\"grade_mathematics\"") && form.contains("Вид на жительство иностранца"))
            func post(_ body: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/admission/desk", method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .cookie: college + "; lang=ru"],
                    body: ByteBuffer(string: body + "&_csrf=\(formToken(college))")) { $0 }
            }
            let docs = Self.complete.map { "doc_\($0)=1" }.joined(separator: "&")
            let fields = "iin=\(Self.foreigner)&foreignerStatus=residence-permit&country=KG&number=A-1&issuedOn=2026-06-20&base=basic-secondary"
                + "&grade_kazakh-language=5&grade_mathematics=4.5&choice1=B-WRK&\(docs)&consent=1"
            let bad = try await post(fields.replacingOccurrences(of: "grade_mathematics=4.5", with: "grade_mathematics=4.555"))
            #expect(bad.status == .unprocessableContent && bad.text.contains("Оценка «4.555» неверна") && bad.text.contains("href=\"#grade_mathematics\""))
            #expect(try await counts(deps) == [0, 0, 0])
            let court = try await post(fields + "&ground_court-ban=1")
            let courtReceipt = try #require(court.headers[.location])
            #expect(court.status == .seeOther && courtReceipt.hasPrefix("/receipts/R-2026-"))
            let refusal = try await client.execute(uri: courtReceipt, method: .get, headers: [.cookie: college]) { $0.text }
            #expect(refusal.contains("Основания отказа") && refusal.contains("приговора суда"))
            let taken = try await post(fields)
            let receipt = try #require(taken.headers[.location])
            let acceptance = try await client.execute(uri: receipt, method: .get, headers: [.cookie: college]) { $0.text }
            #expect(acceptance.contains("Вид на жительство") == false && acceptance.contains("Документ, определяющий статус иностранца"))
            #expect(try await counts(deps) == [1, 1, 2])
        }
    }
}

/// The desk cannot act for anyone it likes (003 §12): it takes applications to its own college's programs only, and
/// not for a person whose domestic document of that level is in the registry (they apply with it on the portal).
@Suite struct AdmissionDeskLimitsTests {
    @Test("a desk application to another college's program, or for a person with a domestic document of that level, is refused and nothing is written (003 §12)", arguments: TestDatabase.allConfigured)
    func limits(_ kind: TestDatabase) async throws {
        try await withTestApp(on: kind, clock: MovableClock(almaty: "2026-07-10T11:00")) { client, deps, _ in
            let t = AdmissionDeskTests()
            let college = try await t.setUp(client, deps)
            // Another college's program in the same region.
            try await ReferenceRepository(db: deps.database.sql).insert(
                OrganizationRow(
                    id: "org-almaty-college-2", kind: .tvet, bin: nil, name: LocalizedText(kk: "Колледж 2", ru: "Колледж 2", en: "College 2"),
                    regionCode: "KZ-75", createdAt: deps.clock.now()))
            try await AdmissionApplicationsAPITests.loadPrograms(
                client,
                "code,organization,specialty,qualification,base,language,form,funding,level,exam,pedagogical,seats,rural,exempt,subjects\n"
                    + "C2-WRK,org-almaty-college-2,Cook,Cook,basic-secondary,kk,full-time,state-order,worker,none,no,25,no,no,kazakh-language;mathematics\n")
            let (other, o) = try await t.post(client, college, AdmissionDeskTests.body(choices: ["C2-WRK"]))
            #expect(other == .unprocessableContent && o["code"] as? String == "admission.programNotOwn", "\(o)")
            #expect(o["message"] as? String == "В колледже принимают заявления только на его программы: «C2-WRK» — программа другого колледжа.")
            // The demo child holds a basic secondary certificate in the registry: not a desk applicant.
            var body = AdmissionDeskTests.body()
            body["applicantIIN"] = DemoData.childIIN.digits
            let (domestic, d) = try await t.post(client, college, body)
            #expect(domestic == .unprocessableContent && d["code"] as? String == "admission.domesticDocument", "\(d)")
            #expect(try await t.counts(deps) == [0, 0, 0])
        }
    }
}
