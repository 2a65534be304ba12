import BilimSigning
import Foundation
import Testing

/// Cross-checks against the machine's OpenSSL, which stands in for the tools applicants and NCA RK use.
@Suite struct OpenSSLInteropTests {
    /// A scratch folder with helpers to write files and run `/usr/bin/openssl` in it.
    struct Workspace: ~Copyable {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bilim-signing-\(UUID().uuidString)")

        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }

        func write(_ name: String, _ data: Data) throws { try data.write(to: url.appendingPathComponent(name)) }
        func write(_ name: String, _ text: String) throws { try write(name, Data(text.utf8)) }
        func read(_ name: String) throws -> Data { try Data(contentsOf: url.appendingPathComponent(name)) }

        func openssl(_ arguments: String...) throws -> (status: Int32, output: String) { try openssl(arguments) }

        func openssl(_ arguments: [String]) throws -> (status: Int32, output: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
            process.arguments = arguments
            process.currentDirectoryURL = url
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            let output = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: output, as: UTF8.self))
        }
    }

    @Test(arguments: DemoKeyType.allCases)
    func challengeSignedWithOpenSSLDgstVerifies(keyType: DemoKeyType) async throws {
        let ca = try Fixtures.authority()
        let person = try Fixtures.person(from: ca, keyType: keyType)
        let workspace = try Workspace()
        try workspace.write("key.pem", person.privateKeyPEM)
        try workspace.write("challenge.txt", Fixtures.challenge)
        let run = try workspace.openssl("dgst", "-sha256", "-sign", "key.pem", "-out", "signature.bin", "challenge.txt")
        #expect(run.status == 0, "\(run.output)")
        let identity = try await Fixtures.store(ca).verify(
            certificate: Data(person.certificatePEM.utf8), signature: workspace.read("signature.bin"),
            message: Fixtures.challenge, at: Fixtures.now)
        #expect(identity.iin == Fixtures.iin)
    }

    @Test func openSSLAcceptsTheDemoChainAndEnforcesTheDemoCRL() throws {
        let ca = try Fixtures.authority()
        let person = try Fixtures.person(from: ca)
        let crl = try ca.revocationList(
            revokedSerials: [person.serialHex], thisUpdate: Fixtures.now - Fixtures.day,
            nextUpdate: Fixtures.now + Fixtures.day)
        let workspace = try Workspace()
        try workspace.write("ca.pem", ca.certificatePEM)
        try workspace.write("person.pem", person.certificatePEM)
        try workspace.write("crl.der", crl)
        try workspace.write("crl.pem", Fixtures.pem(crl, type: "X509 CRL"))
        let at = String(Int(Fixtures.now.timeIntervalSince1970))
        let chain = try workspace.openssl("verify", "-attime", at, "-CAfile", "ca.pem", "person.pem")
        #expect(chain.status == 0, "\(chain.output)")
        let crlSignature = try workspace.openssl(
            "crl", "-inform", "DER", "-in", "crl.der", "-CAfile", "ca.pem", "-noout")
        #expect(crlSignature.status == 0 && crlSignature.output.contains("verify OK"), "\(crlSignature.output)")
        let revoked = try workspace.openssl(
            "verify", "-attime", at, "-crl_check", "-CRLfile", "crl.pem", "-CAfile", "ca.pem", "person.pem")
        #expect(revoked.status != 0 && revoked.output.contains("revoked"), "\(revoked.output)")
    }

    @Test func openSSLMadeRSARootPersonCertificateAndCRLAreUnderstood() async throws {
        let workspace = try Workspace()
        try workspace.write("ca.cnf", Self.config)
        try workspace.write("index.txt", "R\t301231000000Z\t250101000000Z\t9A12\tunknown\t/C=KZ/CN=x\n")
        try workspace.write("crlnumber", "01\n")
        try workspace.write("challenge.txt", Fixtures.challenge)
        let steps: [[String]] = [
            [
                "req", "-x509", "-config", "ca.cnf", "-extensions", "root_ext", "-newkey", "rsa:2048", "-nodes",
                "-keyout", "root.key", "-out", "root.pem", "-days", "30",
            ],
            ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "person.key"],
            [
                "req", "-new", "-key", "person.key", "-subj", "/C=KZ/serialNumber=IIN\(Fixtures.iin)/CN=OpenSSL Person",
                "-out", "person.csr",
            ],
            [
                "x509", "-req", "-in", "person.csr", "-CA", "root.pem", "-CAkey", "root.key", "-set_serial", "0x9a12",
                "-days", "30", "-extfile", "ca.cnf", "-extensions", "person_ext", "-out", "person.pem",
            ],
            ["ca", "-config", "ca.cnf", "-gencrl", "-keyfile", "root.key", "-cert", "root.pem", "-out", "crl.pem"],
            ["dgst", "-sha256", "-sign", "person.key", "-out", "signature.bin", "challenge.txt"],
        ]
        for step in steps {
            let run = try workspace.openssl(step)
            try #require(run.status == 0, "openssl \(step.joined(separator: " ")): \(run.output)")
        }
        let root = String(decoding: try workspace.read("root.pem"), as: UTF8.self)
        let (certificate, signature) = (try workspace.read("person.pem"), try workspace.read("signature.bin"))
        // Without a current CRL of its issuer nothing is accepted (fail closed).
        await #expect(throws: SignatureFailure.revocationUnknown) {
            try await EDSTrustStore(rootCertificatesPEM: root, revocationLists: []).verify(
                certificate: certificate, signature: signature, message: Fixtures.challenge, at: Date())
        }
        try workspace.write("index.txt", "")
        try #require(try workspace.openssl(["ca", "-config", "ca.cnf", "-gencrl", "-keyfile", "root.key", "-cert", "root.pem", "-out", "empty.pem"]).status == 0)
        let identity = try await EDSTrustStore(rootCertificatesPEM: root, revocationLists: [workspace.read("empty.pem")]).verify(
            certificate: certificate, signature: signature, message: Fixtures.challenge, at: Date())
        #expect(
            identity.iin == Fixtures.iin && identity.certificateSerial == "9a12" && identity.keyAlgorithm == "ECDSA")
        #expect(identity.commonName == "OpenSSL Person")
        let withCRL = try EDSTrustStore(rootCertificatesPEM: root, revocationLists: [workspace.read("crl.pem")])
        await #expect(throws: SignatureFailure.certificateRevoked) {
            try await withCRL.verify(
                certificate: certificate, signature: signature, message: Fixtures.challenge, at: Date())
        }
    }

    static let config = """
        [ req ]
        distinguished_name = dn
        prompt = no
        [ dn ]
        C = KZ
        CN = OpenSSL Demo Root
        [ root_ext ]
        basicConstraints = critical,CA:TRUE
        keyUsage = critical,keyCertSign,cRLSign
        subjectKeyIdentifier = hash
        [ person_ext ]
        basicConstraints = critical,CA:FALSE
        keyUsage = critical,digitalSignature
        [ ca ]
        default_ca = demo
        [ demo ]
        database = index.txt
        crlnumber = crlnumber
        default_md = sha256
        default_crl_days = 7

        """
}
