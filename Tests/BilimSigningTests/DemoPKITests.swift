import BilimSigning
import Crypto
import Foundation
import SwiftASN1
import Testing
import X509

@Suite struct DemoPKITests {
    @Test func authorityReloadsFromItsPEMsAndKeepsIssuing() async throws {
        let ca = try Fixtures.authority()
        let reloaded = try TestAuthority(certificatePEM: ca.certificatePEM, privateKeyPEM: ca.privateKeyPEM)
        #expect(reloaded.certificatePEM == ca.certificatePEM)
        let person = try Fixtures.person(from: reloaded)
        let identity = try await Fixtures.store(ca).verify(
            certificate: person.certificateDER, signature: person.sign(Fixtures.challenge),
            message: Fixtures.challenge, at: Fixtures.now)
        #expect(identity.iin == Fixtures.iin)
    }

    @Test func authorityRefusesAKeyOfAnotherCertificate() throws {
        let (ca, other) = (try Fixtures.authority(), try Fixtures.authority())
        #expect(throws: DemoPKIError.keyDoesNotMatchCertificate) {
            try TestAuthority(certificatePEM: ca.certificatePEM, privateKeyPEM: other.privateKeyPEM)
        }
    }

    @Test func authorityCertificateIsACAForCertificatesAndCRLs() throws {
        let certificate = try Certificate(pemEncoded: try Fixtures.authority().certificatePEM)
        #expect(certificate.subject == certificate.issuer)
        guard case .isCertificateAuthority = try certificate.extensions.basicConstraints else {
            Issue.record("not a CA")
            return
        }
        let usage = try #require(try certificate.extensions.keyUsage)
        #expect(usage.keyCertSign && usage.cRLSign && !usage.digitalSignature)
    }

    @Test(arguments: DemoKeyType.allCases)
    func personCertificateHasTheNCAStyleSubjectAndPKCS8Key(keyType: DemoKeyType) throws {
        let person = try Fixtures.person(from: try Fixtures.authority(), keyType: keyType, serialHex: "00ab12")
        #expect(person.privateKeyPEM.hasPrefix("-----BEGIN PRIVATE KEY-----"))
        #expect(person.serialHex == "ab12")
        #expect(person.keyType == keyType)
        let certificate = try Certificate(derEncoded: [UInt8](person.certificateDER))
        #expect(try Certificate(pemEncoded: person.certificatePEM) == certificate)
        let attributes = certificate.subject.flatMap { $0 }.map { "\($0.type)=\(String($0.value) ?? "?")" }
        #expect(attributes == ["2.5.4.6=KZ", "2.5.4.5=IIN\(Fixtures.iin)", "2.5.4.3=АХМЕТОВ АЙДАР"])
        let usage = try #require(try certificate.extensions.keyUsage)
        #expect(usage.digitalSignature && !usage.keyCertSign)
        #expect(throws: Never.self) { try Certificate.PrivateKey(pemEncoded: person.privateKeyPEM) }
    }

    @Test func invalidSerialIsRefused() throws {
        let ca = try Fixtures.authority()
        #expect(throws: DemoPKIError.invalidSerial("xyz")) { try Fixtures.person(from: ca, serialHex: "xyz") }
        #expect(throws: DemoPKIError.invalidSerial("")) {
            try ca.revocationList(revokedSerials: [""], thisUpdate: Fixtures.now, nextUpdate: Fixtures.now)
        }
    }

    @Test func keyOtherThanRSAOrP256IsUnsupported() async throws {
        let ca = try Fixtures.authority()
        let caCertificate = try Certificate(pemEncoded: ca.certificatePEM)
        let key = P384.Signing.PrivateKey()
        let subject = try DistinguishedName {
            CountryName("KZ")
            CommonName("P-384 holder")
        }
        let certificate = try Fixtures.forged(
            subject: subject, issuer: caCertificate.subject, key: Certificate.PublicKey(key.publicKey),
            signer: Certificate.PrivateKey(pemEncoded: ca.privateKeyPEM))
        let signature = try key.signature(for: Fixtures.challenge).derRepresentation
        await #expect(throws: SignatureFailure.unsupportedAlgorithm) {
            try await Fixtures.store(ca).verify(
                certificate: certificate, signature: signature, message: Fixtures.challenge, at: Fixtures.now)
        }
    }
}
