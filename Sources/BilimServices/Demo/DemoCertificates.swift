import BilimCore
import BilimSigning
import Foundation

/// A test certification authority and an EDS certificate per demo person, so that a newcomer can try signing in
/// and confirming with an EDS: the parent's key is ECDSA P-256, the child's RSA 2048; a third certificate of the
/// parent's is revoked and listed in the authority's revocation list. Written once into a directory.
package enum DemoCertificates {
    package static func ensure(directory: URL, now: Date) throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: directory.appendingPathComponent("ca.pem").path) { return }
        try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        let year: TimeInterval = 365 * 24 * 3600
        let ca = try DemoPKI.makeAuthority(
            commonName: "Bilim DEMO test CA (not for real use)", notBefore: now.addingTimeInterval(-3600), notAfter: now.addingTimeInterval(10 * year))
        func write(_ name: String, _ text: String) throws {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try write("ca.pem", ca.certificatePEM)
        let people: [(String, String, DemoKeyType)] = [
            ("parent", DemoData.parentIIN.digits, .ecdsaP256), ("child", DemoData.childIIN.digits, .rsa2048),
        ]
        for (name, iin, type) in people {
            let cert = try ca.issue(
                iin: iin, commonName: "DEMO \(name)", keyType: type, notBefore: now.addingTimeInterval(-3600),
                notAfter: now.addingTimeInterval(3 * year))
            try write("\(name).cert.pem", cert.certificatePEM)
            try write("\(name).key.pem", cert.privateKeyPEM)
        }
        let revoked = try ca.issue(
            iin: DemoData.parentIIN.digits, commonName: "DEMO parent (revoked)", keyType: .ecdsaP256,
            notBefore: now.addingTimeInterval(-3600), notAfter: now.addingTimeInterval(3 * year))
        try write("parent-revoked.cert.pem", revoked.certificatePEM)
        try write("parent-revoked.key.pem", revoked.privateKeyPEM)
        let crl = try ca.revocationList(
            revokedSerials: [revoked.serialHex], thisUpdate: now.addingTimeInterval(-60), nextUpdate: now.addingTimeInterval(year))
        try crl.write(to: directory.appendingPathComponent("demo-ca.crl"))
        try write(
            "README.txt",
            """
            Bilim DEMO test certification authority: for trying EDS sign-in, never for real use.
            Sign a challenge's text with a demo key, for example:
              printf '%s' 'bilim:sign-in:…' | openssl dgst -sha256 -sign parent.key.pem | base64 -w0
            and paste the certificate (parent.cert.pem) and the signature on the sign-in page.
            parent-revoked.cert.pem is on the revocation list (demo-ca.crl) and is refused.
            """)
    }
}
