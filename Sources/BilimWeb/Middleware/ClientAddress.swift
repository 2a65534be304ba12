import BilimCore
import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

#if canImport(Glibc)
    import Glibc
#endif

/// An address range, `203.0.113.7`, `10.0.0.0/8` or `2001:db8::/32`, of the proxies whose X-Forwarded-For is believed
/// (`BILIM_TRUSTED_PROXIES`, comma-separated).
package struct AddressRange: Sendable, Hashable, CustomStringConvertible {
    let bytes: [UInt8]
    let prefix: Int

    package init?(_ text: some StringProtocol) {
        let parts = text.trimmingSpaces.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = parts.first, let bytes = AddressRange.parse(first) else { return nil }
        let bits = bytes.count * 8
        if parts.count == 2 {
            guard parts[1].utf8.count <= 3, parts[1].utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let p = Int(parts[1]),
                (0...bits).contains(p)
            else { return nil }
            prefix = p
        } else {
            prefix = bits
        }
        self.bytes = bytes
    }

    /// A whole list; nil names the first item that is not an address or a range.
    package static func list(_ text: String) -> Result<[AddressRange], BadRange> {
        var out: [AddressRange] = []
        for item in text.split(separator: ",") where !item.trimmingSpaces.isEmpty {
            guard let r = AddressRange(item) else { return .failure(BadRange(item: String(item.trimmingSpaces.prefix(60)))) }
            out.append(r)
        }
        return .success(out)
    }

    package struct BadRange: Error, CustomStringConvertible {
        package let item: String
        package var description: String { "'\(item)' is not an IP address or CIDR range" }
    }

    package func contains(_ address: String) -> Bool {
        guard let a = AddressRange.parse(address), a.count == bytes.count else { return false }
        var left = prefix
        for i in 0..<bytes.count where left > 0 {
            let take = min(8, left)
            let mask: UInt8 = take == 8 ? 0xFF : ~(0xFF >> UInt8(take))
            if a[i] & mask != bytes[i] & mask { return false }
            left -= take
        }
        return true
    }

    /// IPv4 (4 bytes) or IPv6 (16 bytes); an IPv4-mapped IPv6 address counts as its IPv4 address.
    static func parse(_ text: some StringProtocol) -> [UInt8]? {
        let s = String(text.trimmingSpaces.prefix(64))
        var v4 = in_addr()
        if inet_pton(AF_INET, s, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, s, &v6) == 1 else { return nil }
        let b = withUnsafeBytes(of: &v6) { Array($0) }
        if b[0..<10].allSatisfy({ $0 == 0 }), b[10] == 0xFF, b[11] == 0xFF { return Array(b[12..<16]) }
        return b
    }

    package var description: String { "\(bytes)/\(prefix)" }
}

/// Who is asking: the socket peer, or, when the peer is a trusted proxy, the right-most X-Forwarded-For hop that is
/// not one (each proxy appends the address it received from, so everything left of an untrusted hop is the
/// client's own writing and worth nothing).
package enum ClientAddress {
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!

    package static func resolve(peer: String?, forwardedFor: String?, trusted: [AddressRange]) -> String {
        guard let peer else { return "unknown" }
        guard trusted.contains(where: { $0.contains(peer) }), let forwardedFor else { return peer }
        let hops = forwardedFor.split(separator: ",").suffix(32).map { String($0.trimmingSpaces.prefix(64)) }
        for hop in hops.reversed() where !hop.isEmpty {
            if !trusted.contains(where: { $0.contains(hop) }) { return hop }
        }
        return hops.first(where: { !$0.isEmpty }) ?? peer
    }

    static func peer(of address: SocketAddress?) -> String? { address?.ipAddress }
}

/// Puts the client's address into the context, for the per-address limits and the logs.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = BilimRequestContext
    let trusted: [AddressRange]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        context.clientAddress = ClientAddress.resolve(
            peer: context.peer, forwardedFor: request.headers[ClientAddress.forwardedFor], trusted: trusted)
        return try await next(request, context)
    }
}

/// A stable pseudonym for a login or an IIN in logs: the first 12 hex digits of its SHA-256, enough to follow one
/// account's refusals without writing who it is.
package enum Pseudonym {
    package static func of(_ text: String) -> String {
        String(SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined().prefix(12))
    }
}
