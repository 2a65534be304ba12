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

/// The education department loads its region's programs from a file, whole or not at all.
@Suite struct AdmissionProgramsAPITests {
    static let header = "code,organization,specialty,qualification,base,language,form,funding,level,exam,pedagogical,seats,rural,exempt,subjects"
    static let good = """
        \(header)\r
        ALM-0111-1,org-almaty-college-1,01140100 Pedagogy of primary education,4S01140101 Primary school teacher,basic-secondary,kk,full-time,state-order,mid-level,special,yes,25,no,no,kazakh-language;mathematics\r
        ALM-0111-2,org-almaty-college-1,"01140100 Pedagogy, primary",4S01140101 Primary school teacher,general-secondary,ru,full-time,state-order,mid-level,special,yes,30,yes,no,\r
        ALM-0913-1,org-almaty-college-1,09130100 Nursing,4S09130103 General practice nurse,general-secondary,ru,full-time,state-order,mid-level,psychometric,no,20,no,yes,biology\r

        """

    /// The import's id, chosen by the client so that it can follow the progress; unique per test, as the progress
    /// is kept per process.
    let importId = "import-\(UUID().uuidString)"

    func post(_ client: any TestClientProtocol, _ cookie: String, _ csv: String, type: String = "text/csv", lang: String = "ru")
        async throws -> (HTTPResponse.Status, [String: Any])
    {
        try await client.execute(
            uri: "/api/v1/admission/programs/import?filename=programs.csv&id=\(importId)", method: .post,
            headers: [.contentType: type, .cookie: cookie, .acceptLanguage: lang], body: ByteBuffer(string: csv)
        ) { ($0.status, $0.json) }
    }

    @Test("a department loads its region's programs; reserves follow the quota shares, rural only where flagged (003 §3) (003 §63)", arguments: TestDatabase.allConfigured)
    func loads(_ kind: TestDatabase) async throws {
        try await withTestApp(on: kind, clock: MovableClock(almaty: "2026-06-01T10:00")) { client, deps, _ in
            let department = try await signIn(client, "department")
            let (status, body) = try await post(client, department, Self.good)
            #expect(status == .created, "\(body)")
            #expect(body["programs"] as? Int == 3 && body["year"] as? Int == 2026 && body["region"] as? String == "KZ-75")
            // 25 seats: disability 2, kandas 1, disabled_family 1, large_family 1 (5); 30 rural: 3 + 10 + 1 + 1 + 1 (16);
            // 20: 2 + 0 + 1 + 1 (4, kandas 0.8 → 0).
            #expect(body["reservedPlaces"] as? Int == 25)
            let list = try await client.execute(uri: "/api/v1/admission/programs", method: .get, headers: [.cookie: department]) {
                (try? JSONSerialization.jsonObject(with: Data($0.text.utf8))) as? [[String: Any]] ?? []
            }
            #expect(list.map { $0["code"] as? String } == ["ALM-0111-1", "ALM-0111-2", "ALM-0913-1"])
            func quotas(_ i: Int) -> String {
                ((list[i]["quotas"] as? [[String: Any]]) ?? []).map { "\($0["category"] ?? "")=\($0["seats"] ?? "")" }.joined(separator: " ")
            }
            #expect(quotas(0) == "disability=2 kandas=1 disabled_family=1 large_family=1")
            #expect(quotas(1) == "disability=3 rural=10 kandas=1 disabled_family=1 large_family=1")
            #expect(quotas(2) == "disability=2 disabled_family=1 large_family=1")
            // The quoted specialty keeps its comma; the windows follow the program type (003 Annex 1 item 3).
            #expect(list[1]["specialty"] as? String == "01140100 Pedagogy, primary")
            #expect(list.map { $0["track"] as? String } == ["pedagogical-medical", "pedagogical-medical", "pedagogical-medical"])
            // Exempt from the minimum group (health care): 0; the others 15.
            #expect(list.map { $0["minGroupSize"] as? Int } == [15, 15, 0])
            let state = try await client.execute(uri: "/api/v1/admission/imports/\(importId)", method: .get, headers: [.cookie: department]) { $0.json }
            #expect(state["status"] as? String == "loaded" && state["done"] as? Int == 3)
            // The same codes again: refused whole, nothing added.
            let (again, refused) = try await post(client, department, Self.good)
            #expect(again == .unprocessableContent && (refused["errors"] as? [[String: Any]])?.count == 3)
            #expect(try await AdmissionRepository(db: deps.database.sql).count("admission_programs", year: 2026) == 3)
        }
    }

    @Test("the subjects are the specialty's, from the region's reference (003 §54): an empty column takes it, the department corrects a list with its reason and the year's programs follow; a bad correction changes nothing", arguments: TestDatabase.allConfigured)
    func specialtyReference(_ kind: TestDatabase) async throws {
        try await withTestApp(on: kind, clock: MovableClock(almaty: "2026-06-01T10:00")) { client, deps, _ in
            let department = try await signIn(client, "department")
            #expect(try await post(client, department, Self.good).0 == .created)
            func programs() async throws -> [String: [String]] {
                let list = try await client.execute(uri: "/api/v1/admission/programs", method: .get, headers: [.cookie: department]) {
                    (try? JSONSerialization.jsonObject(with: Data($0.text.utf8))) as? [[String: Any]] ?? []
                }
                return Dictionary(uniqueKeysWithValues: list.map { ($0["code"] as? String ?? "", $0["subjects"] as? [String] ?? []) })
            }
            // ALM-0111-2 left its column empty: the Russian-language program takes the specialty's list in Russian.
            #expect(try await programs()["ALM-0111-2"] == ["russian-language", "mathematics"])
            let reference = try await client.execute(uri: "/api/v1/admission/specialties/subjects", method: .get, headers: [.cookie: department]) {
                (try? JSONSerialization.jsonObject(with: Data($0.text.utf8))) as? [[String: Any]] ?? []
            }
            let pedagogy = reference.first { $0["specialty"] as? String == "01140100" }
            #expect(pedagogy?["subjects"] as? [String] == ["instruction-language", "mathematics"])
            #expect((pedagogy?["source"] as? String ?? "").contains("Annex 5 is not in the seeds"))
            func correct(_ body: String) async throws -> (HTTPResponse.Status, [String: Any]) {
                try await client.execute(
                    uri: "/api/v1/admission/specialties/subjects", method: .post,
                    headers: [.contentType: "application/json", .cookie: department, .acceptLanguage: "ru"], body: ByteBuffer(string: body)
                ) { ($0.status, $0.json) }
            }
            for bad in [
                #"{"specialty": "09130100", "subjects": [], "reason": "checked"}"#, #"{"specialty": "09130100", "subjects": ["biology"], "reason": " "}"#,
                #"{"specialty": "09130100", "subjects": ["biology", "biology"], "reason": "checked"}"#,
            ] {
                let (status, body) = try await correct(bad)
                #expect(status == .unprocessableContent && body["code"] as? String == "specialty.subjectsInvalid", "\(body)")
            }
            #expect(try await programs()["ALM-0913-1"] == ["biology"])
            let (status, body) = try await correct(#"{"specialty": "09130100 Nursing", "subjects": ["biology", "chemistry"], "reason": "Annex 5 checked"}"#)
            #expect(status == .ok && body["programs"] as? Int == 1, "\(body)")
            #expect(try await programs()["ALM-0913-1"] == ["biology", "chemistry"])
            let change = try await deps.database.sql.select().columns("subjects_before", "subjects_after", "reason", "changed_by").from("specialty_subject_changes")
                .first()
            #expect(try change?.decode(column: "reason", as: String.self) == "Annex 5 checked")
            #expect(try change?.decode(column: "subjects_before", as: String?.self) == #"["biology"]"#)
            #expect(try change?.decode(column: "changed_by", as: String.self) == "user-department")
            // A later file's line that gives the old list is refused; an empty column takes the corrected one.
            let later = Self.header + "\nALM-0913-2,org-almaty-college-1,09130100 Nursing,4S09130103 Nurse,basic-secondary,kk,full-time,state-order,mid-level,psychometric,no,20,no,yes,biology\n"
            let (refused, r) = try await post(client, department, later)
            #expect(refused == .unprocessableContent && ((r["errors"] as? [[String: Any]])?.first?["code"] as? String) == "import.subjectsDiffer", "\(r)")
            let (loaded, l) = try await post(client, department, later.replacing(",biology\n", with: ",\n"))
            #expect(loaded == .created, "\(l)")
            #expect(try await programs()["ALM-0913-2"] == ["biology", "chemistry"])
        }
    }

    @Test("the README's sample file loads into the demo's Almaty region")
    func sample() async throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("samples/admission-programs-almaty.csv")
        let csv = try String(contentsOf: url, encoding: .utf8)
        try await withTestApp(clock: MovableClock(almaty: "2026-06-01T10:00")) { client, _, _ in
            let department = try await signIn(client, "department")
            let (status, body) = try await post(client, department, csv)
            #expect(status == .created && body["programs"] as? Int == 5, "\(body)")
        }
    }

    @Test("one bad line refuses the whole file: every line's error is reported and nothing is loaded", arguments: TestDatabase.allConfigured)
    func refusesWhole(_ kind: TestDatabase) async throws {
        try await withTestApp(on: kind, clock: MovableClock(almaty: "2026-06-01T10:00")) { client, deps, _ in
            let department = try await signIn(client, "department")
            let bad = """
                \(Self.header)
                ALM-1,org-almaty-college-1,S,Q,basic-secondary,kk,full-time,state-order,worker,none,no,25,no,no,math
                ALM-2,org-almaty-college-1,S,Q,nine-grades,kk,full-time,state-order,worker,none,no,25,no,no,math
                ALM-3,org-almaty-college-1,S,Q,basic-secondary,kk,full-time,state-order,worker,none,no,0,no,no,math
                ALM-1,org-almaty-college-1,S,Q2,basic-secondary,kk,full-time,state-order,worker,none,no,25,no,no,math
                ALM-5,org-karaganda-college-1,S,Q,basic-secondary,kk,full-time,state-order,worker,none,no,25,no,no,math
                ALM-6,org-almaty-college-1,S
                ALM-7,org-almaty-college-1,S,Q,basic-secondary,kk,full-time,state-order,worker,none,maybe,25,no,no,math
                """
            let (status, body) = try await post(client, department, bad)
            #expect(status == .unprocessableContent)
            #expect(body["code"] as? String == "import.refused")
            #expect(body["message"] as? String == "Файл не загружен: ошибки в 6 строках. Ничего не изменено.")
            let errors = try #require(body["errors"] as? [[String: Any]])
            #expect(errors.map { $0["line"] as? Int } == [3, 4, 5, 6, 7, 8])
            #expect(errors.map { $0["code"] as? String } == [
                "import.value", "import.value", "import.duplicate", "import.organization", "import.columnCount", "import.value",
            ])
            #expect((errors[0]["message"] as? String)?.contains("Столбец «base»: значение «nine-grades» недопустимо") == true)
            #expect(errors[2]["message"] as? String == "Код программы «ALM-1» повторяется (2).")
            #expect(try await AdmissionRepository(db: deps.database.sql).count("admission_programs", year: 2026) == 0)
            #expect(try await AdmissionRepository(db: deps.database.sql).count("admission_imports", year: 2026) == 0)
            // The progress of a refused file says why, to whoever sent it.
            let state = try await client.execute(uri: "/api/v1/admission/imports/\(importId)", method: .get, headers: [.cookie: department]) { $0.json }
            #expect(state["status"] as? String == "refused" && (state["errors"] as? [Any])?.count == 6)

            let (h, header) = try await post(client, department, "code;organization\nA;B\n", lang: "en")
            #expect(h == .unprocessableContent && (header["errors"] as? [[String: Any]])?.first?["code"] as? String == "import.header")
            let (e, empty) = try await post(client, department, Self.header + "\n")
            #expect(e == .unprocessableContent && (empty["errors"] as? [[String: Any]])?.first?["code"] as? String == "import.empty")
        }
    }

    @Test("only an education department loads programs, only as text/csv; others see nothing of its import")
    func access() async throws {
        try await withTestApp(clock: MovableClock(almaty: "2026-06-01T10:00")) { client, deps, _ in
            let staff = try await signIn(client, "college.staff")
            let (s1, b1) = try await post(client, staff, Self.good)
            #expect(s1 == .forbidden && b1["code"] as? String == "access.forbidden")
            let department = try await signIn(client, "department")
            let (s2, b2) = try await post(client, department, Self.good, type: "text/plain")
            // text/plain can be sent cross-site, so it stops at the CSRF check before the route.
            #expect(s2 == .forbidden && b2["code"] as? String == "csrf.invalid")
            _ = try await post(client, department, Self.good)
            // The route's door refuses the role whatever the id: a 403 that says nothing of the import.
            try await client.execute(uri: "/api/v1/admission/imports/\(importId)", method: .get, headers: [.cookie: staff]) {
                #expect($0.status == .forbidden && !$0.text.contains("programs") && !$0.text.contains(importId))
            }
            try await client.execute(uri: "/api/v1/admission/programs", method: .get, headers: [.cookie: staff]) {
                #expect($0.status == .forbidden)
            }
            #expect(try await AdmissionRepository(db: deps.database.sql).count("admission_programs", year: 2026) == 3)
        }
    }
}

@Suite struct AdmissionProgramsPageTests {
    typealias Part = CorrectionPagesTests.Part

    func upload(_ client: any TestClientProtocol, _ cookie: String, _ csv: String, lang: String = "ru") async throws -> TestResponse {
        let parts: [Part] = [
            .file("file", filename: "programs.csv", type: "text/csv", bytes: Array(csv.utf8)), .field("_csrf", formToken(cookie)),
        ]
        return try await client.execute(
            uri: "/admission/programs", method: .post,
            headers: [.contentType: "multipart/form-data; boundary=\(CorrectionPagesTests.boundary)", .cookie: cookie + "; lang=\(lang)"],
            body: ByteBuffer(bytes: CorrectionPagesTests.body(parts))) { $0 }
    }

    @Test("the department's page: a refused file lists every line's error and loads nothing; a good one lists the programs with their reserves (003 §63)", arguments: TestDatabase.allConfigured)
    func page(_ kind: TestDatabase) async throws {
        try await withTestApp(on: kind, clock: MovableClock(almaty: "2026-06-01T10:00")) { client, deps, _ in
            let department = try await signIn(client, "department")
            try await client.execute(uri: "/admission/programs?lang=kk", method: .get, headers: [.cookie: department]) { r in
                #expect(r.status == .ok && r.text.contains("2026 жылғы қабылдау бағдарламалары") && r.text.contains("Бағдарламалар әлі жүктелмеген."))
                #expect(r.text.contains(#"<progress id="upload-progress""#) && r.text.contains("/assets/admission.js"))
            }
            let bad = AdmissionProgramsAPITests.header + "\nX1,org-almaty-college-1,S,Q,basic-secondary,kk,full-time,state-order,worker,none,no,-3,no,no,math\n"
            let refused = try await upload(client, department, bad)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Файл не загружен: ошибки в 1 строках. Ничего не изменено."))
            #expect(refused.text.contains("<th scope=\"row\">2</th><td>Столбец «seats»: значение «-3» недопустимо (1–999999).</td>"))
            #expect(try await AdmissionRepository(db: deps.database.sql).count("admission_programs", year: 2026) == 0)

            let loaded = try await upload(client, department, AdmissionProgramsAPITests.good)
            #expect(loaded.status == .seeOther && loaded.headers[.location] == "/admission/programs?loaded=3")
            try await client.execute(uri: "/admission/programs?loaded=3&lang=ru", method: .get, headers: [.cookie: department]) { r in
                #expect(r.text.contains("Загружено программ: 3."))
                #expect(r.text.contains("ALM-0111-2") && r.text.contains("сельская молодёжь: 10"))
                #expect(r.text.contains("Алматинский педагогический колледж"))
            }
        }
    }

    @Test("the programs page lists the subjects by specialty and corrects one with its reason, in Russian; a correction without a reason is refused on the page and changes nothing (003 §54)")
    func subjectsOnThePage() async throws {
        try await withTestApp(clock: MovableClock(almaty: "2026-06-01T10:00")) { client, deps, _ in
            let department = try await signIn(client, "department")
            let page = try await client.execute(uri: "/admission/programs?lang=ru", method: .get, headers: [.cookie: department]) { $0.text }
            #expect(page.contains("Предметы по специальностям") && page.contains("<th scope=\"row\">01140100</th>") && page.contains("язык обучения"))
            func post(_ body: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/admission/programs/subjects?lang=ru", method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded", .cookie: department],
                    body: ByteBuffer(string: body + "&_csrf=\(formToken(department))")) { $0 }
            }
            let bad = try await post("specialty=09130100&subjects=biology%3Bchemistry&reason=")
            #expect(bad.status == .unprocessableContent && bad.text.contains("причина исправления обязательна") && bad.text.contains("value=\"biology;chemistry\""))
            #expect(try await deps.database.sql.select().column("id").from("specialty_subject_changes").all().isEmpty)
            let done = try await post("specialty=09130100&subjects=biology%3Bchemistry&reason=Annex+5+checked")
            #expect(done.status == .seeOther && done.headers[.location] == "/admission/programs?corrected=0")
            let after = try await client.execute(uri: "/admission/programs?lang=ru&corrected=0", method: .get, headers: [.cookie: department]) { $0.text }
            #expect(after.contains("Список исправлен") && after.contains("исправлено управлением"))
        }
    }

    @Test("only an education department opens the programs page")
    func access() async throws {
        try await withTestApp { client, _, _ in
            let staff = try await signIn(client, "college.staff")
            try await client.execute(uri: "/admission/programs", method: .get, headers: [.cookie: staff]) { #expect($0.status == .forbidden) }
            // Signed out: to the sign-in page, with the way back.
            try await client.execute(uri: "/admission/programs", method: .get) { r in
                #expect(r.status == .found && r.headers[.location] == "/sign-in?next=/admission/programs")
            }
        }
    }
}
