import BilimServices
import BilimStore
import BilimTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The real server process, killed between a state change and its notification.
@Suite struct ProcessKillTests {
    /// A port the kernel says is free right now (bind to port 0, read it back, close).
    func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    func start(_ path: String, port: Int, outbox: Bool) throws -> Process {
        let p = Process()
        p.executableURL = CLI.executable
        p.arguments = ["serve", "--demo", "--port", String(port)]
        var env = ProcessInfo.processInfo.environment
        env["DATABASE_URL"] = "sqlite:\(path)"
        env["BILIM_OUTBOX"] = outbox ? "on" : "off"
        env["BILIM_LOG_LEVEL"] = "critical"
        p.environment = env
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    func request(_ method: String, _ url: String, body: String? = nil, headers: [String: String] = [:]) async throws
        -> (Int, [String: String], String)
    {
        var r = URLRequest(url: URL(string: url)!)
        r.httpMethod = method
        r.httpBody = body.map { Data($0.utf8) }
        for (k, v) in headers { r.setValue(v, forHTTPHeaderField: k) }
        final class NoRedirect: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
            func urlSession(
                _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
            ) { completionHandler(nil) }
        }
        let session = URLSession(configuration: .ephemeral, delegate: NoRedirect(), delegateQueue: nil)
        let (data, response) = try await session.data(for: r)
        let http = response as! HTTPURLResponse
        var h: [String: String] = [:]
        for (k, v) in http.allHeaderFields { h[String(describing: k).lowercased()] = String(describing: v) }
        return (http.statusCode, h, String(decoding: data, as: UTF8.self))
    }

    func waitUntilUp(_ port: Int) async throws {
        for _ in 0..<150 {
            if let (status, _, _) = try? await request("GET", "http://127.0.0.1:\(port)/health"), status == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("the server did not come up on port \(port)")
    }

    func sentSMS(_ path: String) async throws -> Int {
        let db = try await Database.open(.sqliteFile(path: path), logger: TestDatabase.quietLogger)
        defer { Task { try? await db.shutdown() } }
        let n = try await EmbeddedSMSGateway(database: db, clock: SystemClock()).sent().filter { !$0.messageKey.hasPrefix("confirm:") }.count
        try await db.shutdown()
        return n
    }

    func confirmationCode(_ path: String) async throws -> String {
        let db = try await Database.open(.sqliteFile(path: path), logger: TestDatabase.quietLogger)
        let sms = try await EmbeddedSMSGateway(database: db, clock: SystemClock()).sent().last { $0.messageKey.hasPrefix("confirm:") }
        try await db.shutdown()
        return String(try #require(sms?.text.firstMatch(of: /\d{6}/)).output)
    }

    @Test("kill -9 after the case is registered and before its SMS: the restarted server sends it, once")
    func killBetweenChangeAndNotification() async throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("bilim.sqlite").path
        let port = freePort()

        // First life: notifications stay queued (BILIM_OUTBOX=off), as if the process died before delivering.
        let first = try start(path, port: port, outbox: false)
        try await waitUntilUp(port)
        let base = "http://127.0.0.1:\(port)"
        let signIn = try await request(
            "POST", base + "/sign-in", body: "login=applicant&password=\(DemoData.password)&_csrf=t",
            headers: ["Content-Type": "application/x-www-form-urlencoded", "Cookie": "__Host-bilim_csrf=t"])
        let session = try #require(signIn.1["set-cookie"]?.firstMatch(of: /bilim_session=([^;]+)/)?.1)
        let application = #"{"service": "S1", "providerId": "org-almaty-school-1", "documentId": "doc-certificate-2002", "documents": ["e-application"], "consent": true}"#
        let headers = ["Content-Type": "application/json", "Cookie": "__Host-bilim_session=\(session)"]
        // The portal application is confirmed with the one-time code the embedded gateway received.
        let prepared = try await request(
            "POST", base + "/api/v1/cases/confirmations", body: #"{"method": "otp", "application": \#(application)}"#, headers: headers)
        let challenge = try #require(prepared.2.firstMatch(of: /"challengeId":"([^"]+)"/)?.1)
        let code = try await confirmationCode(path)
        let applied = try await request(
            "POST", base + "/api/v1/cases",
            body: String(application.dropLast()) + #", "confirmation": {"challengeId": "\#(challenge)", "code": "\#(code)"}}"#,
            headers: headers)
        #expect(applied.0 == 201, "\(applied.2)")
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        #expect(try await sentSMS(path) == 0)

        // Second life: the outbox worker delivers what the first life committed.
        let second = try start(path, port: port, outbox: true)
        defer {
            second.terminate()
            second.waitUntilExit()
        }
        try await waitUntilUp(port)
        var sent = 0
        for _ in 0..<100 where sent == 0 {
            try await Task.sleep(for: .milliseconds(100))
            sent = try await sentSMS(path)
        }
        try await Task.sleep(for: .seconds(3))  // more worker passes: nothing goes twice
        #expect(try await sentSMS(path) == 1)
    }
}
