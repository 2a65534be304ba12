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

    /// The applicant's own phone, registered for them: the desk's code goes here, never to the staff member.
    static let phone = "+77010007001"

    static func body(
        recognition: String = "", documents: [String] = complete, status: String? = "residence-permit", base: String = "basic-secondary",
        consent: Bool = true, validUntil: String? = nil, grounds: [String]? = nil, choices: [String] = ["B-WRK"]
    ) -> [String: Any] {
        var b: [String: Any] = [
            "applicantIIN": foreigner, "choices": choices, "documents": documents, "consent": consent, "dormitory": true,
            "document": ["country": "kg", "number": "A-1234567", "issuedOn": "2026-06-20", "base": base, "recognition": recognition],
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

    /// The application with the applicant's confirmation: a code to their registered phone, read from the gateway.
    func confirmedPost(
        _ client: any TestClientProtocol, _ deps: ServiceDependencies, _ cookie: String, _ body: [String: Any]
    ) async throws -> (HTTPResponse.Status, [String: Any]) {
        let text = String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
        let confirmed = try await confirmed(client, deps, cookie, text, prepare: "/api/v1/admission/applications/desk/confirmations")
        return try await post(client, cookie, try #require(try JSONSerialization.jsonObject(with: Data(confirmed.utf8)) as? [String: Any]))
    }

    /// The admission commission's adopted decision recognizing the foreign document with its grades (003 §62).
    static func recognize(
        _ client: any TestClientProtocol, iin: String = foreigner, base: String = "basic-secondary",
        grades: [String: String] = ["kazakh-language": "5", "mathematics": "4.5"], kind: String = "admission", votes: [String] = ["chair", "m1"]
    ) async throws -> (HTTPResponse.Status, [String: Any]) {
        let commission = try await signIn(client, "commission")
        func call(_ uri: String, _ body: [String: Any]) async throws -> (HTTPResponse.Status, [String: Any]) {
            try await client.execute(
                uri: uri, method: .post, headers: [.contentType: "application/json", .cookie: commission, .acceptLanguage: "ru"],
                body: ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body))
            ) { ($0.status, $0.json) }
        }
        let (_, meeting) = try await call(
            "/api/v1/admission/commissions/meetings",
            [
                "kind": kind, "final": false, "heldOn": "2026-07-09", "record": "archive/minutes-2026-07-09.pdf",
                "members": [["person": "chair", "role": "chair"], ["person": "m1", "role": "member"], ["person": "m2", "role": "member"]],
                "present": ["chair", "m1", "m2"],
            ])
        return try await call(
            "/api/v1/admission/commissions/meetings/\(meeting["id"] as? String ?? "")/decisions",
            [
                "subject": "Recognition of document A-1234567", "votes": votes.map { ["person": $0, "vote": "yes"] },
                "recognition": ["applicantIIN": iin, "base": base, "grades": grades],
            ])
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

    /// The foreign graduate in the registry with their own phone, the programs, and the commission's recognition of
    /// their document; returns the staff member's cookie and the decision's id.
    func setUp(_ client: any TestClientProtocol, _ deps: ServiceDependencies) async throws -> (String, String) {
        let name = try PersonName(surname: "Асанов", givenName: "Бакыт", patronymic: nil)
        try await ReferenceRepository(db: deps.database.sql).insert(
            PersonRow(iin: try IIN(Self.foreigner), name: name, phone: Self.phone, createdAt: deps.clock.now()))
        try await AdmissionApplicationsAPITests.loadPrograms(client)
        let (status, decision) = try await Self.recognize(client)
        #expect(status == .created && decision["adopted"] as? Bool == true, "\(decision)")
        return (try await signIn(client, "college.staff"), decision["id"] as? String ?? "")
    }

    @Test("the college takes a foreign graduate's application with their residence permit and prints the receipt of acceptance (003 §12) (003 Annex 1 item 8)", arguments: TestDatabase.allConfigured)
    func accepted(_ kind: TestDatabase) async throws {
        try await withTestApp(on: kind, clock: MovableClock(almaty: "2026-07-10T11:00")) { client, deps, _ in
            let (college, decision) = try await setUp(client, deps)
            let (status, answer) = try await confirmedPost(client, deps, college, Self.body(recognition: decision))
            #expect(status == .created, "\(answer)")
            let application = answer["application"] as? [String: Any] ?? [:]
            let receipt = answer["receipt"] as? [String: Any] ?? [:]
            #expect(application["choices"] as? [String] == ["B-WRK"] && application["base"] as? String == "basic-secondary")
            #expect(receipt["kind"] as? String == "acceptance" && (receipt["documents"] as? [String])?.count == 6)
            #expect(try await counts(deps) == [1, 1, 1])
            // The grades are the commission decision's, and score like a registry document's (003 §62).
            let grades = try await DocumentRegistryRepository(db: deps.database.sql).grades(documentId: application["documentId"] as? String ?? "")
            #expect(grades.map(\.gradeHundredths) == [500, 450])
            let html = try await page(client, college, receipt["number"] as? String ?? "")
            #expect(html.contains("Документ, определяющий статус иностранца или лица без гражданства") || html.contains("Шетелдіктің немесе азаматтығы жоқ адамның"))
            // A second application the same year is refused.
            let (again, second) = try await post(client, college, Self.body(recognition: decision))
            #expect(again == .conflict && second["code"] as? String == "admission.alreadyApplied")
            #expect(try await counts(deps) == [1, 1, 1])
        }
    }

    @Test("an incomplete or expired package, no consent, or a court verdict gets the motivated refusal receipt and nothing else (003 §18) (003 Annex 1 item 9)", arguments: TestDatabase.allConfigured)
    func refused(_ kind: TestDatabase) async throws {
        try await withTestApp(on: kind, clock: MovableClock(almaty: "2026-07-10T11:00")) { client, deps, _ in
            let (college, decision) = try await setUp(client, deps)
            func body(
                documents: [String] = Self.complete, consent: Bool = true, validUntil: String? = nil, grounds: [String]? = nil
            ) -> [String: Any] {
                Self.body(recognition: decision, documents: documents, consent: consent, validUntil: validUntil, grounds: grounds)
            }
            let cases: [([String: Any], [String], [String])] = [
                (body(documents: Array(Self.complete.dropLast())), ["foreigner-status-document"], []),
                (body(validUntil: "2026-07-09"), ["expired-identity-document"], []),
                (body(consent: false), [], ["no-personal-data-consent"]),
                (body(grounds: ["court-ban"]), [], ["court-ban"]),
                (body(grounds: ["unreliable-documents", "non-compliant-documents"]), [], ["unreliable-documents", "non-compliant-documents"]),
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
            let (_, court) = try await post(client, college, body(grounds: ["court-ban"]))
            let html = try await page(client, college, (court["receipt"] as? [String: Any])?["number"] as? String ?? "")
            #expect(html.contains("(003 Annex 1 item 9)"))
        }
    }

    @Test("bad desk input is refused with its message and writes nothing; registration closes after 26 August (003 §53)", arguments: TestDatabase.allConfigured)
    func badInput(_ kind: TestDatabase) async throws {
        let clock = MovableClock(almaty: "2026-07-10T11:00")
        try await withTestApp(on: kind, clock: clock) { client, deps, _ in
            let (college, decision) = try await setUp(client, deps)
            let (_, onlyKazakh) = try await Self.recognize(client, grades: ["kazakh-language": "5"])
            let cases: [([String: Any], HTTPResponse.Status, String, String?)] = [
                (Self.body(recognition: onlyKazakh["id"] as? String ?? ""), .unprocessableContent, "admission.gradesMissing", nil),
                (Self.body(recognition: decision, grounds: ["bad-weather"]), .unprocessableContent, "request.invalid", nil),
                (Self.body(recognition: decision, status: "tourist-visa"), .unprocessableContent, "request.invalid", nil),
                (Self.body(recognition: decision, choices: ["G-MID"]), .unprocessableContent, "admission.programWrongBase", nil),
            ]
            for (body, status, code, message) in cases {
                let (s, answer) = try await confirmedPost(client, deps, college, body)
                #expect(s == status && answer["code"] as? String == code, "\(code): \(answer)")
                if let message { #expect(answer["message"] as? String == message) }
            }
            #expect(try await counts(deps) == [0, 0, 0])
            let parent = try await signIn(client, "applicant")
            #expect(try await post(client, parent, Self.body(recognition: decision)).0 == .forbidden)
            clock.set(almaty: "2026-08-27T09:00")
            let late = try await signIn(client, "college.staff")
            let (s, answer) = try await post(client, late, Self.body(recognition: decision))
            #expect(s == .unprocessableContent && answer["message"] as? String == "Колледжи регистрируют абитуриентов до 2026-08-26.")
            #expect(try await counts(deps) == [0, 0, 0])
        }
    }

    @Test("the desk takes grades only from the commission's adopted decision on this person's document, never typed at the desk (003 §62)", arguments: TestDatabase.allConfigured)
    func gradesAreTheCommissions(_ kind: TestDatabase) async throws {
        try await withTestApp(on: kind, clock: MovableClock(almaty: "2026-07-10T11:00")) { client, deps, _ in
            let (college, decision) = try await setUp(client, deps)
            // The recognition itself: a grade out of 1 to 5, or an examination commission's decision, is refused.
            let (badGrade, g) = try await Self.recognize(client, grades: ["kazakh-language": "5.5", "mathematics": "4"])
            #expect(badGrade == .unprocessableContent && g["code"] as? String == "admission.scoreMalformed")
            #expect(g["message"] as? String == "Оценка «5.5» неверна: число от 1 до 5, не более двух знаков после точки (например, 4 или 4.5).")
            let (exam, e) = try await Self.recognize(client, kind: "examination")
            #expect(exam == .unprocessableContent && e["code"] as? String == "request.invalid" && e["clause"] as? String == "003 §62", "\(e)")
            // A decision not adopted (one vote of three present), another person's, or none: no grades to take.
            let (_, rejected) = try await Self.recognize(client, votes: ["chair"])
            #expect(rejected["adopted"] as? Bool == false)
            let other = IIN.compose(birthDate: CivilDate(year: 2009, month: 3, day: 3) ?? .earliest, sex: .female, serial: 7002).digits
            let (_, stranger) = try await Self.recognize(client, iin: other)
            var typed = Self.body(recognition: "")
            typed["document"] = ["country": "kg", "number": "A-1", "issuedOn": "2026-06-20", "base": "basic-secondary", "recognition": "",
                                 "grades": ["kazakh-language": "5", "mathematics": "5"]]
            for body in [Self.body(recognition: rejected["id"] as? String ?? ""), Self.body(recognition: stranger["id"] as? String ?? ""), typed] {
                let (s, answer) = try await confirmedPost(client, deps, college, body)
                #expect(s == .unprocessableContent && answer["code"] as? String == "admission.recognitionMissing" && answer["clause"] as? String == "003 §62", "\(answer)")
                #expect(answer["message"] as? String == "Оценки по иностранному документу устанавливает решением приёмная комиссия колледжа: принятого решения комиссии по этому лицу нет.")
            }
            // The base is the decision's.
            let (mismatch, m) = try await confirmedPost(client, deps, college, Self.body(recognition: decision, base: "general-secondary"))
            #expect(mismatch == .unprocessableContent && m["code"] as? String == "admission.recognitionMismatch", "\(m)")
            #expect(try await counts(deps) == [0, 0, 0])
        }
    }

    @Test("a desk application needs the applicant's own confirmation: the code goes to their registered phone, not the staff member; without it nothing is written", arguments: TestDatabase.allConfigured)
    func applicantConfirms(_ kind: TestDatabase) async throws {
        try await withTestApp(on: kind, clock: MovableClock(almaty: "2026-07-10T11:00")) { client, deps, _ in
            let (college, decision) = try await setUp(client, deps)
            let (none, n) = try await post(client, college, Self.body(recognition: decision))
            #expect(none == .unprocessableContent && n["code"] as? String == "confirmation.required", "\(n)")
            // A code the staff member makes up, or a challenge of another content, does not confirm.
            let (made, mu) = try await post(client, college, Self.body(recognition: decision).merging(["confirmation": ["challengeId": "x", "code": "123456"]]) { $1 })
            #expect(made == .unauthorized && mu["code"] as? String == "challenge.invalid")
            #expect(try await counts(deps) == [0, 0, 0])
            let (status, answer) = try await confirmedPost(client, deps, college, Self.body(recognition: decision))
            #expect(status == .created, "\(answer)")
            let sent = try await EmbeddedSMSGateway(database: deps.database, clock: deps.clock).sent()
            #expect(sent.count == 1 && sent.first?.phone == Self.phone, "\(sent.map(\.phone))")
            let method = try await deps.database.sql.select().column("method").from("admission_confirmations").first()?.decode(column: "method", as: String.self)
            #expect(method == "otp")
            #expect(try await counts(deps) == [1, 1, 1])
            // The applicant without a registered phone confirms with their EDS: a code cannot be sent.
            try await deps.database.sql.update("persons").set("phone", to: SQLLiteral.null).where("iin", .equal, Self.foreigner).run()
            let (noPhone, np) = try await client.execute(
                uri: "/api/v1/admission/applications/desk/confirmations", method: .post, headers: [.contentType: "application/json", .cookie: college],
                body: ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: ["method": "otp", "application": Self.body(recognition: decision)]))
            ) { ($0.status, $0.json) }
            #expect(noPhone == .unprocessableContent && np["code"] as? String == "otp.noPhone", "\(np)")
        }
    }

    @Test("the desk page: the commission's decision to choose, a court verdict prints the refusal, a complete package asks the applicant's code and prints the receipt of acceptance (003 §12) (003 Annex 1 item 9)", arguments: TestDatabase.allConfigured)
    func page(_ kind: TestDatabase) async throws {
        try await withTestApp(on: kind, clock: MovableClock(almaty: "2026-07-10T11:00")) { client, deps, _ in
            let (college, decision) = try await setUp(client, deps)
            let form = try await client.execute(uri: "/admission/desk", method: .get, headers: [.cookie: college + "; lang=ru"]) { $0.text }
            #expect(form.contains("name=\"recognition\"") && form.contains("value=\"\(decision)\"") && form.contains("Вид на жительство иностранца"))
            #expect(!form.contains("name=\"grade_"))
            func post(_ body: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/admission/desk", method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .cookie: college + "; lang=ru"],
                    body: ByteBuffer(string: body + "&_csrf=\(formToken(college))")) { $0 }
            }
            let docs = Self.complete.map { "doc_\($0)=1" }.joined(separator: "&")
            let fields = "iin=\(Self.foreigner)&foreignerStatus=residence-permit&country=KG&number=A-1&issuedOn=2026-06-20&base=basic-secondary"
                + "&recognition=\(decision)&choice1=B-WRK&\(docs)&consent=1"
            let none = try await post(fields.replacingOccurrences(of: "recognition=\(decision)", with: "recognition="))
            #expect(none.status == .unprocessableContent && none.text.contains("приёмная комиссия колледжа") && none.text.contains("href=\"#recognition\""))
            #expect(try await counts(deps) == [0, 0, 0])
            let court = try await post(fields + "&ground_court-ban=1")
            let courtReceipt = try #require(court.headers[.location])
            #expect(court.status == .seeOther && courtReceipt.hasPrefix("/receipts/R-2026-"))
            let refusal = try await client.execute(uri: courtReceipt, method: .get, headers: [.cookie: college]) { $0.text }
            #expect(refusal.contains("Основания отказа") && refusal.contains("приговора суда"))
            // The answers to check with the applicant, then a code to their phone, then the receipt.
            let check = try await post(fields)
            #expect(check.status == .ok && check.text.contains("Асанов Бакыт") && check.text.contains("name=\"step\" value=\"send-code\""))
            #expect(try await counts(deps) == [0, 0, 1])
            let sent = try await post(fields + "&step=send-code")
            let challenge = try #require(sent.text.firstMatch(of: /name="challengeId" value="([^"]+)"/)).output.1
            let wrong = try await post(fields + "&step=confirm&challengeId=\(challenge)&code=000000")
            #expect(wrong.status == .unprocessableContent && wrong.text.contains("role=\"alert\""))
            let taken = try await post(fields + "&step=confirm&challengeId=\(challenge)&code=\(try await lastCode(deps))")
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
            let (college, decision) = try await t.setUp(client, deps)
            // Another college's program in the same region.
            try await ReferenceRepository(db: deps.database.sql).insert(
                OrganizationRow(
                    id: "org-almaty-college-2", kind: .tvet, bin: nil, name: LocalizedText(kk: "Колледж 2", ru: "Колледж 2", en: "College 2"),
                    regionCode: "KZ-75", createdAt: deps.clock.now()))
            try await AdmissionApplicationsAPITests.loadPrograms(
                client,
                "code,organization,specialty,qualification,base,language,form,funding,level,exam,pedagogical,seats,rural,exempt,subjects\n"
                    + "C2-WRK,org-almaty-college-2,Cook,Cook,basic-secondary,kk,full-time,state-order,worker,none,no,25,no,no,kazakh-language;mathematics\n")
            let (other, o) = try await t.confirmedPost(client, deps, college, AdmissionDeskTests.body(recognition: decision, choices: ["C2-WRK"]))
            #expect(other == .unprocessableContent && o["code"] as? String == "admission.programNotOwn", "\(o)")
            #expect(o["message"] as? String == "В колледже принимают заявления только на его программы: «C2-WRK» — программа другого колледжа.")
            // The demo child holds a basic secondary certificate in the registry: not a desk applicant.
            var body = AdmissionDeskTests.body(recognition: decision)
            body["applicantIIN"] = DemoData.childIIN.digits
            let (domestic, d) = try await t.confirmedPost(client, deps, college, body)
            #expect(domestic == .unprocessableContent && d["code"] as? String == "admission.domesticDocument", "\(d)")
            #expect(try await t.counts(deps) == [0, 0, 0])
        }
    }
}
