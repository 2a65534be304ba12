import BilimServices
import BilimStore
import BilimTestSupport
import BilimWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Connections on a real socket: a request that stops half-way through its head is closed after the idle bound,
/// and the client's address is the socket peer.
@Suite struct ConnectionBoundTests {
    /// A TCP connection to the port on loopback that has sent `text`; nil when it cannot connect. The caller closes it.
    static func connected(port: Int, sending text: String) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            return nil
        }
        _ = text.withCString { send(fd, $0, strlen($0), 0) }
        return fd
    }

    /// Opens a TCP connection to the port on loopback, sends `text`, and waits up to `wait` seconds for the server to
    /// close it; true when it did.
    static func closedAfterSending(_ text: String, port: Int, wait: Double) -> Bool {
        guard let fd = connected(port: port, sending: text) else { return false }
        defer { close(fd) }
        var tv = timeval(tv_sec: Int(wait), tv_usec: Int((wait - Double(Int(wait))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 512)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n == 0 { return true }  // closed by the server
            if n < 0 { return errno == ECONNRESET }  // timed out (still open) unless reset
        }
    }

    static func answer(_ text: String, port: Int) -> String {
        guard let fd = connected(port: port, sending: text) else { return "" }
        defer { close(fd) }
        var tv = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = recv(fd, &buffer, buffer.count, 0)
        return n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self) : ""
    }

    @Test("a request that sends half its head is closed after the idle bound, not kept open")
    func halfSentHeader() async throws {
        try await withConfiguredApp(WebConfiguration(port: 0, idleTimeout: .milliseconds(500)), live: true) { client, _ in
            let port = try #require(client.port)
            #expect(Self.closedAfterSending("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ", port: port, wait: 5))
            #expect(Self.closedAfterSending("", port: port, wait: 5))
            // The server still answers a whole request (on a new connection: the test client's own idle one was closed
            // by the same bound).
            #expect(Self.answer("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", port: port).hasPrefix("HTTP/1.1 200"))
        }
    }
}
