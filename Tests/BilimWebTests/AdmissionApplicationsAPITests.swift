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

/// Admission applications on the portal: one per year, up to four choices, each checked before anything is written.
@Suite struct AdmissionApplicationsAPITests {
    static let header = AdmissionProgramsAPITests.header
    static let prepare = "/api/v1/admission/applications/confirmations"
    /// The child's basic secondary certificate has Kazakh, mathematics, English and biology.
    static let programs = """
        \(header)
        B-PED,org-almaty-college-1,Pedagogy,Teacher,basic-secondary,kk,full-time,state-order,mid-level,special,yes,25,no,no,kazakh-language;mathematics
        B-WRK,org-almaty-college-1,Cook,Cook,basic-secondary,kk,full-time,state-order,worker,none,no,25,no,no,kazakh-language;mathematics
        B-ART,org-almaty-college-1,Music,Musician,basic-secondary,kk,full-time,state-order,mid-level,creative,no,12,no,yes,kazakh-language
        B-CHEM,org-almaty-college-1,Laboratory,Chemist,basic-secondary,ru,full-time,state-order,mid-level,none,no,25,no,no,chemistry;mathematics
        G-MID,org-almaty-college-1,Accounting,Accountant,general-secondary,ru,full-time,state-order,mid-level,none,no,25,no,no,mathematics
        B-MID,org-almaty-college-1,Accounting,Accountant,basic-secondary,ru,full-time,state-order,mid-level,none,no,25,no,no,mathematics
        """

    static func application(
        choices: [String] = ["B-PED", "B-WRK"], documents: [String] = ["medical-075u", "photo-3x4"], quota: String? = nil,
        ooc: Bool = false, iin: String = DemoData.childIIN.digits, document: String = "doc-certificate-2026"
    ) -> String {
        var o: [String: Any] = [
            "applicantIIN": iin, "documentId": document, "choices": choices, "documents": documents, "consent": true,
            "dormitory": true, "meals": true, "outOfCompetition": ooc,
        ]
        if let quota { o["quotaCategory"] = quota }
        return String(decoding: try! JSONSerialization.data(withJSONObject: o), as: UTF8.self)
    }

    func post(_ client: any TestClientProtocol, _ cookie: String, _ body: String) async throws -> (HTTPResponse.Status, [String: Any]) {
        try await client.execute(
            uri: "/api/v1/admission/applications", method: .post,
            headers: [.contentType: "application/json", .cookie: cookie, .acceptLanguage: "ru"], body: ByteBuffer(string: body)
        ) { ($0.status, $0.json) }
    }

    func load(_ client: any TestClientProtocol) async throws { try await Self.loadPrograms(client) }

    /// The department loads the test programs through the API.
    static func loadPrograms(_ client: any TestClientProtocol, _ csv: String = programs) async throws {
        let department = try await signIn(client, "department")
        let status = try await client.execute(
            uri: "/api/v1/admission/programs/import", method: .post, headers: [.contentType: "text/csv", .cookie: department],
            body: ByteBuffer(string: csv)) { $0.status }
        #expect(status == .created)
    }

    /// The parent applies for their child through the API, confirmed by the code sent by SMS; the application's id.
    static func applyConfirmed(_ client: any TestClientProtocol, _ deps: ServiceDependencies, choices: [String]) async throws -> String {
        let parent = try await signIn(client, "applicant")
        let body = try await confirmed(client, deps, parent, application(choices: choices), prepare: prepare)
        let created = try await client.execute(
            uri: "/api/v1/admission/applications", method: .post, headers: [.contentType: "application/json", .cookie: parent],
            body: ByteBuffer(string: body)) { ($0.status, $0.json) }
        #expect(created.0 == .created, "\(created.1)")
        return created.1["id"] as? String ?? ""
    }

    func count(_ deps: ServiceDependencies) async throws -> Int {
        try await AdmissionRepository(db: deps.database.sql).count("admission_applications", year: 2026)
    }

    @Test("a parent applies for their child: up to four choices, dormitory and meals in the same application; once a year (003 §12)", arguments: TestDatabase.allConfigured)
    func applies(_ kind: TestDatabase) async throws {
        try await withTestApp(on: kind, clock: MovableClock(almaty: "2026-07-01T10:00")) { client, deps, _ in
            try await load(client)
            let parent = try await signIn(client, "applicant")
            // Not confirmed, or confirmed for other content: refused (003 Annex 1 item 8).
            let (unconfirmed, refusal) = try await post(client, parent, Self.application(choices: ["B-PED", "B-WRK", "B-ART", "B-MID"]))
            #expect(unconfirmed == .unprocessableContent && refusal["code"] as? String == "confirmation.required", "\(refusal)")
            let other = try await confirmed(client, deps, parent, Self.application(choices: ["B-PED"]), prepare: Self.prepare)
            let swapped = other.replacingOccurrences(of: #"["B-PED"]"#, with: #"["B-WRK"]"#)
            let (changed, changedBody) = try await post(client, parent, swapped)
            #expect(changed == .unprocessableContent && changedBody["code"] as? String == "confirmation.contentChanged", "\(changedBody)")
            #expect(try await count(deps) == 0)
            let (status, body) = try await post(
                client, parent, try await confirmed(client, deps, parent, Self.application(choices: ["B-PED", "B-WRK", "B-ART", "B-MID"]), prepare: Self.prepare))
            #expect(status == .created, "\(body)")
            // The signed notice of acceptance names the day the result can be received (003 §16).
            let notice = try await deps.database.sql.select().column("notice_number").from("admission_confirmations").first()?
                .decode(column: "notice_number", as: String.self) ?? ""
            let verdict = try await client.execute(uri: "/api/v1/verify/\(notice)", method: .get) { $0.json }
            #expect(verdict["genuine"] as? Bool == true && verdict["status"] as? String == "valid", "\(verdict)")
            let view = try await client.execute(uri: "/documents/\(notice)/view", method: .get, headers: [.cookie: parent]) { $0.text }
            #expect(view.contains("2026-08-23"), "\(view.prefix(300))")
            #expect(body["choices"] as? [String] == ["B-PED", "B-WRK", "B-ART", "B-MID"] && body["base"] as? String == "basic-secondary")
            #expect(body["dormitory"] as? Bool == true && body["meals"] as? Bool == true)
            let mine = try await client.execute(uri: "/api/v1/admission/applications", method: .get, headers: [.cookie: parent]) {
                (try? JSONSerialization.jsonObject(with: Data($0.text.utf8))) as? [[String: Any]] ?? []
            }
            #expect(mine.count == 1 && mine.first?["applicantIIN"] as? String == DemoData.childIIN.digits)
            let (again, second) = try await post(client, parent, Self.application(choices: ["B-MID"]))
            #expect(again == .conflict && second["code"] as? String == "admission.alreadyApplied")
            #expect(try await count(deps) == 1)
        }
    }

    @Test("each bad application is refused with its own message and nothing is written (003 §12) (003 Annex 1 item 3) (003 Annex 1 item 8) (003 §54)", arguments: TestDatabase.allConfigured)
    func refused(_ kind: TestDatabase) async throws {
        try await withTestApp(on: kind, clock: MovableClock(almaty: "2026-07-25T10:00")) { client, deps, _ in
            try await load(client)
            // A Karaganda college's program: the department of Karaganda runs its competition (003 §54).
            try await AdmissionRepository(db: deps.database.sql).insert(
                AdmissionProgramRow(
                    id: "prog-k-wrk", year: 2026, regionCode: "KZ-35", code: "K-WRK", organizationId: "org-karaganda-college-1", specialty: "Cook",
                    qualification: "Cook", base: "basic-secondary", language: "ru", studyForm: "full-time", funding: "state-order", level: "worker",
                    exam: "none", pedagogical: 0, seats: 25, rural: 0, minGroupSize: 15, subjects: "[\"mathematics\"]", importId: "test",
                    createdAt: "2026-07-25T05:00:00Z"),
                quotas: [])
            let parent = try await signIn(client, "applicant")
            let cases: [(String, HTTPResponse.Status, String, String?)] = [
                (Self.application(choices: ["B-PED", "B-WRK", "B-MID", "B-CHEM", "B-ART"]), .unprocessableContent, "admission.tooManyChoices", "Можно выбрать не более 4 программ."),
                (Self.application(choices: ["B-PED", "B-PED"]), .unprocessableContent, "admission.choiceRepeated", "Программа «B-PED» выбрана дважды."),
                (Self.application(choices: ["NOPE"]), .unprocessableContent, "admission.programClosed", "На программу «NOPE» приём не ведётся."),
                (Self.application(choices: ["G-MID"]), .unprocessableContent, "admission.programWrongBase", nil),
                // Creative programs take applications from 25 June to 20 July only.
                (Self.application(choices: ["B-ART"]), .unprocessableContent, "admission.windowClosed", "Заявления на эту программу принимаются с 2026-06-25 по 2026-07-20."),
                (Self.application(choices: ["B-CHEM"]), .unprocessableContent, "admission.gradesMissing", "В документе об образовании нет оценок по предметам: chemistry."),
                (Self.application(quota: "rural"), .unprocessableContent, "admission.quotaDocumentMissing", "Приложите документ, подтверждающий квотную категорию «rural»."),
                (Self.application(documents: ["medical-075u", "photo-3x4", "quota-document"], quota: "disability"), .unprocessableContent, "field.required", nil),
                (Self.application(ooc: true), .unprocessableContent, "admission.quotaDocumentMissing", nil),
                (Self.application(documents: ["photo-3x4"]), .unprocessableContent, "field.required", nil),
                (Self.application(quota: "astronaut"), .unprocessableContent, "request.invalid", nil),
                (Self.application(iin: "900101300012"), .forbidden, "access.forbidden", nil),
                (Self.application(document: "doc-certificate-2002"), .unprocessableContent, "application.documentNotHolders", nil),
                (Self.application(choices: ["B-WRK", "K-WRK"]), .unprocessableContent, "admission.choicesAcrossRegions",
                 "Все выборы должны быть программами одного региона: конкурс проводит управление образования региона."),
            ]
            for (body, status, code, message) in cases {
                let (s, answer) = try await post(client, parent, body)
                #expect(s == status && answer["code"] as? String == code, "\(code): \(answer)")
                if let message { #expect(answer["message"] as? String == message) }
            }
            #expect(try await count(deps) == 0)
            // With the proof attached the quota application goes through.
            let (ok, _) = try await post(
                client, parent,
                try await confirmed(
                    client, deps, parent, Self.application(documents: ["medical-075u", "photo-3x4", "quota-document"], quota: "rural"), prepare: Self.prepare))
            let after = try await count(deps)
            #expect(ok == .created && after == 1)
        }
    }
}
