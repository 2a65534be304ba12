import BilimSigning
import Crypto
import Foundation
import SwiftASN1
import Testing
import X509

@Suite struct EDSTrustTests {
    func verify(_ certificate: Data, store: EDSTrustStore, at time: Date = Fixtures.now) async throws(SignatureFailure)
    {
        _ = try await store.verify(certificate: certificate, signature: Data(), message: Data(), at: time)
    }

    @Test func certificateFromAnotherAuthorityIsUntrusted() async throws {
        let (trusted, other) = (try Fixtures.authority("NCA RK"), try Fixtures.authority("Other CA"))
        let person = try Fixtures.person(from: other)
        await #expect(throws: SignatureFailure.untrustedCertificate) {
            try await verify(person.certificateDER, store: Fixtures.store(trusted))
        }
    }

    @Test func authorityCopyingTheTrustedRootsNameIsUntrusted() async throws {
        let trusted = try Fixtures.authority("NCA RK")
        let lookalike = try Fixtures.authority("NCA RK")
        let person = try Fixtures.person(from: lookalike)
        await #expect(throws: SignatureFailure.untrustedCertificate) {
            try await verify(person.certificateDER, store: Fixtures.store(trusted))
        }
    }

    @Test func selfMadeCertificateCopyingATrustedSubjectIsUntrusted() async throws {
        let ca = try Fixtures.authority()
        let genuine = try Certificate(derEncoded: [UInt8](try Fixtures.person(from: ca).certificateDER))
        let key = P256.Signing.PrivateKey()
        let forged = try Fixtures.forged(
            subject: genuine.subject, issuer: genuine.issuer, key: Certificate.PublicKey(key.publicKey),
            signer: Certificate.PrivateKey(key))
        let signature = try key.signature(for: Fixtures.challenge).derRepresentation
        await #expect(throws: SignatureFailure.untrustedCertificate) {
            try await Fixtures.store(ca).verify(
                certificate: forged, signature: signature, message: Fixtures.challenge, at: Fixtures.now)
        }
    }

    @Test func rootPresentedAsThePersonsCertificateIsUntrusted() async throws {
        let ca = try Fixtures.authority()
        await #expect(throws: SignatureFailure.untrustedCertificate) {
            try await verify(Data(ca.certificatePEM.utf8), store: Fixtures.store(ca))
        }
    }

    @Test func expiredCertificateIsRefused() async throws {
        let ca = try Fixtures.authority()
        let person = try Fixtures.person(
            from: ca, notBefore: Fixtures.now - 400 * Fixtures.day, notAfter: Fixtures.now - Fixtures.day)
        await #expect(throws: SignatureFailure.certificateExpired) {
            try await verify(person.certificateDER, store: Fixtures.store(ca))
        }
    }

    @Test func notYetValidCertificateIsRefused() async throws {
        let ca = try Fixtures.authority()
        let person = try Fixtures.person(
            from: ca, notBefore: Fixtures.now + Fixtures.day, notAfter: Fixtures.now + 30 * Fixtures.day)
        await #expect(throws: SignatureFailure.certificateNotYetValid) {
            try await verify(person.certificateDER, store: Fixtures.store(ca))
        }
    }

    @Test func certificateUnderAnExpiredRootIsUntrusted() async throws {
        let ca = try DemoPKI.makeAuthority(
            commonName: "Old NCA", notBefore: Fixtures.now - 900 * Fixtures.day,
            notAfter: Fixtures.now - Fixtures.day)
        let person = try Fixtures.person(from: ca)
        await #expect(throws: SignatureFailure.untrustedCertificate) {
            try await verify(person.certificateDER, store: Fixtures.store(ca))
        }
    }

    @Test(arguments: [
        Data(), Data("garbage".utf8), Data("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n".utf8),
    ])
    func unreadableCertificateIsMalformed(input: Data) async throws {
        let ca = try Fixtures.authority()
        await #expect(throws: SignatureFailure.malformedCertificate) {
            try await verify(input, store: Fixtures.store(ca))
        }
    }

    @Test func trustStoreNeedsReadableRoots() {
        #expect(throws: SignatureFailure.malformedCertificate) {
            try EDSTrustStore(rootCertificatesPEM: "", revocationLists: [])
        }
        #expect(throws: SignatureFailure.malformedCertificate) {
            try EDSTrustStore(
                rootCertificatesPEM: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
                revocationLists: [])
        }
    }
}
