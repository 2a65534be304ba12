import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The real server process: the metrics behind their token, and a refused sign-in logged with a pseudonymised login
/// and the peer address, and counted.
@Suite struct LiveServerTests {
    @Test("/metrics answers only its bearer token; a refused staff sign-in is logged without the login, with the peer address, and counted")
    func metricsAndRefusedSignIn() async throws {
        let helper = ProcessKillTests()
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let port = helper.freePort()
        let log = dir.appendingPathComponent("server.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let p = Process()
        p.executableURL = CLI.executable
        p.arguments = ["serve", "--demo", "--port", String(port)]
        var env = ProcessInfo.processInfo.environment
        env["DATABASE_URL"] = "sqlite:\(dir.appendingPathComponent("bilim.sqlite").path)"
        env["BILIM_OUTBOX"] = "off"
        env["BILIM_LOG_LEVEL"] = "notice"
        env["BILIM_METRICS_TOKEN"] = "metrics-s3cret"
        p.environment = env
        p.standardOutput = FileHandle.nullDevice
        p.standardError = try FileHandle(forWritingTo: log)
        try p.run()
        defer { if p.isRunning { p.terminate() } }
        try await helper.waitUntilUp(port)
        let base = "http://127.0.0.1:\(port)"

        let (refused, _, _) = try await helper.request(
            "POST", base + "/sign-in", body: "login=college.staff&password=wrong-password&_csrf=t",
            headers: ["Content-Type": "application/x-www-form-urlencoded", "Cookie": "__Host-bilim_csrf=t"])
        #expect(refused == 401)

        for auth in [nil, "Bearer wrong", "metrics-s3cret"] {
            let (status, _, body) = try await helper.request("GET", base + "/metrics", headers: auth.map { ["Authorization": $0] } ?? [:])
            #expect(status == 404 && !body.contains("bilim_"), "\(auth ?? "none"): \(status)")
        }
        let (status, _, metrics) = try await helper.request("GET", base + "/metrics", headers: ["Authorization": "Bearer metrics-s3cret"])
        #expect(status == 200)
        #expect(metrics.contains(#"bilim_sign_in_refused_total{method="password"} 1"#), "\(metrics.prefix(2000))")

        p.terminate()
        p.waitUntilExit()
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").filter { $0.contains("sign-in refused") }
        #expect(lines.count == 1, "\(lines)")
        if let line = lines.first {
            #expect(!line.contains("college.staff") && !line.contains("wrong-password"), "\(line)")
            #expect(line.contains("login.pseudonym=") && line.contains("client.address=127.0.0.1") && line.contains("signIn.failed"), "\(line)")
        }
    }
}
