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

/// The region's competition as stored runs: input snapshot and output, rerun and compared, explained per applicant.
@Suite struct AdmissionRunsAPITests {
    static let input = #"""
        {"defaultMinGroupSize": 0,
         "programs": [{"id": "P1", "seats": 2, "quotas": [{"category": "rural", "seats": 1}]}, {"id": "P2", "seats": 1},
                      {"id": "P3", "seats": 5, "minGroupSize": 3}],
         "applicants": [
           {"id": "N1", "score": "5", "documentAverage": "5", "choices": ["P1"]},
           {"id": "N2", "score": "4.9", "documentAverage": "5", "choices": ["P3", "P1", "P2"]},
           {"id": "R1", "score": "3", "documentAverage": "3", "quota": "rural", "choices": ["P1"]},
           {"id": "N3", "score": "4.61", "documentAverage": "4", "choices": ["P2"]}]}
        """#

    func post(_ client: any TestClientProtocol, _ uri: String, _ cookie: String, _ body: String = "") async throws -> (HTTPResponse.Status, [String: Any]) {
        try await client.execute(
            uri: uri, method: .post, headers: [.contentType: "application/json", .cookie: cookie, .acceptLanguage: "ru"],
            body: ByteBuffer(string: body)) { ($0.status, $0.json) }
    }

    @Test("a run's explanations are computed once, stored with the run, and read on every view: a view never runs the allocation again")
    func explanationsStored() async throws {
        try await withTestApp(clock: MovableClock(almaty: "2026-08-21T10:00")) { client, deps, _ in
            let department = try await signIn(client, "department")
            let (_, summary) = try await post(client, "/api/v1/admission/runs", department, Self.input)
            let id = try #require(summary["id"] as? String)
            let sql = deps.database.sql
            let stored = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("admission_explanations")
                .where("run_id", .equal, id).first(decodingColumn: "n", as: Int.self)
            #expect(stored == 4)
            // What is stored is what is shown: a stored text changed by hand shows as changed, so nothing recomputed it.
            let json = try #require(try await AdmissionRepository(db: sql).explanation(runId: id, applicantId: "N3"))
            try await sql.update("admission_explanations").set("explanation", to: json.replacing("\"4.61\"", with: "\"9.99\""))
                .where("run_id", .equal, id).where("applicant_id", .equal, "N3").run()
            let n3 = try await client.execute(uri: "/api/v1/admission/runs/\(id)/explanations/N3", method: .get, headers: [.cookie: department]) { $0.text }
            #expect(n3.contains("9.99") && !n3.contains("4.61"), "\(n3)")
        }
    }

    @Test("a run is stored with its input and output, reruns identically, and explains each applicant's result (003 §54) (003 §61) (003 §63)", arguments: TestDatabase.allConfigured)
    func runs(_ kind: TestDatabase) async throws {
        try await withTestApp(on: kind, clock: MovableClock(almaty: "2026-08-21T10:00")) { client, deps, _ in
            let department = try await signIn(client, "department")
            let (status, summary) = try await post(client, "/api/v1/admission/runs", department, Self.input)
            #expect(status == .created, "\(summary)")
            let id = try #require(summary["id"] as? String)
            // N1 and R1 (reserve) take P1; N2 goes on to P2, which N3 then loses to N2 (4.9 > 4.61); P3 (N2 alone
            // at first) did not form.
            #expect(summary["admitted"] as? Int == 3 && summary["notFormed"] as? Int == 1 && summary["region"] as? String == "KZ-75")
            let result = try await client.execute(uri: "/api/v1/admission/runs/\(id)/result", method: .get, headers: [.cookie: department]) { $0.json }
            #expect((result["assignments"] as? [String: Any])?["N2"] as? String == "P2")
            let input = try await client.execute(uri: "/api/v1/admission/runs/\(id)/input", method: .get, headers: [.cookie: department]) { $0.text }
            #expect(input == Self.input)

            let (_, same) = try await post(client, "/api/v1/admission/runs/\(id)/rerun", department)
            #expect(same["identical"] as? Bool == true && (same["changedApplicants"] as? [String])?.isEmpty == true)

            let n2 = try await client.execute(uri: "/api/v1/admission/runs/\(id)/explanations/N2", method: .get, headers: [.cookie: department]) { $0.json }
            #expect(n2["admittedTo"] as? String == "P2" && n2["admittedChoice"] as? Int == 3)
            let choices = try #require(n2["choices"] as? [[String: Any]])
            #expect(choices.map { $0["outcome"] as? String } == ["notFormed", "full", "admitted"])
            // P1's open place went to N1 (5.00); R1 was admitted on the rural reserve and does not set the bar.
            #expect(choices[1]["lastAdmittedScoreText"] as? String == "5.00")
            let n3 = try await client.execute(uri: "/api/v1/admission/runs/\(id)/explanations/N3", method: .get, headers: [.cookie: department]) { $0.json }
            #expect(n3["admittedTo"] == nil && (n3["choices"] as? [[String: Any]])?.first?["lastAdmittedScoreText"] as? String == "4.90")

            // A stored output that no longer matches its input is found out by the rerun.
            try await deps.database.sql.update("admission_runs")
                .set("output", to: SQLBind(#"{"assignments": {"N1": "P1", "N2": null, "R1": "P1", "N3": "P2"}, "programs": {}}"#))
                .set("output_sha256", to: SQLBind("tampered")).where("id", .equal, id).run()
            let (_, differs) = try await post(client, "/api/v1/admission/runs/\(id)/rerun", department)
            #expect(differs["identical"] as? Bool == false && differs["changedApplicants"] as? [String] == ["N2", "N3"])
        }
    }

    @Test("bad input is refused with the contract's message and nothing is stored; only the region's department sees its runs")
    func refusedAndPrivate() async throws {
        try await withTestApp(clock: MovableClock(almaty: "2026-08-21T10:00")) { client, deps, _ in
            let department = try await signIn(client, "department")
            let (status, body) = try await post(
                client, "/api/v1/admission/runs", department,
                #"{"programs": [{"id": "P1", "seats": 1}], "applicants": [{"id": "A", "score": "4.567", "documentAverage": "4", "choices": ["P1"]}]}"#)
            #expect(status == .unprocessableContent && body["code"] as? String == "admission.inputInvalid")
            #expect((body["message"] as? String)?.hasPrefix("Данные конкурса отклонены: applicants[0].score") == true, "\(body)")
            #expect(try await deps.database.sql.select().column("id").from("admission_runs").all().isEmpty)

            let (_, created) = try await post(client, "/api/v1/admission/runs", department, Self.input)
            let id = try #require(created["id"] as? String)
            let staff = try await signIn(client, "college.staff")
            try await client.execute(uri: "/api/v1/admission/runs/\(id)", method: .get, headers: [.cookie: staff]) { #expect($0.status == .forbidden) }
            let (s, _) = try await post(client, "/api/v1/admission/runs", staff, Self.input)
            #expect(s == .forbidden)
        }
    }
}
