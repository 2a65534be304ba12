import BilimSigning
import Foundation
import Testing

/// NCA RK issues people's certificates from an issuing CA under its root; these prove that depth-3 chains work.
@Suite struct EDSIntermediateTests {
    let root: TestAuthority
    let issuing: TestAuthority
    let person: IssuedCertificate

    init() throws {
        root = try Fixtures.authority("NCA RK Root")
        issuing = try root.issueAuthority(
            commonName: "NCA RK Issuing", notBefore: Fixtures.now - 100 * Fixtures.day,
            notAfter: Fixtures.now + 1000 * Fixtures.day)
        person = try Fixtures.person(from: issuing)
    }

    func signIn(_ store: EDSTrustStore) async throws(SignatureFailure) -> EDSIdentity {
        let signature: Data
        do { signature = try person.sign(Fixtures.challenge) } catch { throw .badSignature }
        return try await store.verify(
            certificate: person.certificateDER, signature: signature, message: Fixtures.challenge, at: Fixtures.now)
    }

    /// The store with each CA's current CRL, and `crls` besides.
    func store(crls: [Data] = []) throws -> EDSTrustStore {
        try EDSTrustStore(
            rootCertificatesPEM: root.certificatePEM, intermediateCertificatesPEM: issuing.certificatePEM,
            revocationLists: [Fixtures.current(root), Fixtures.current(issuing)] + crls)
    }

    @Test func personUnderAConfiguredIssuingCAVerifies() async throws {
        #expect(try await signIn(store()).iin == Fixtures.iin)
    }

    @Test func personUnderAnUnconfiguredIssuingCAIsUntrusted() async throws {
        await #expect(throws: SignatureFailure.untrustedCertificate) { try await signIn(Fixtures.store(root)) }
    }

    @Test func issuingCAAloneIsNotATrustAnchor() async throws {
        let onlyIntermediate = try EDSTrustStore(
            rootCertificatesPEM: Fixtures.authority("Unrelated").certificatePEM,
            intermediateCertificatesPEM: issuing.certificatePEM, revocationLists: [])
        await #expect(throws: SignatureFailure.untrustedCertificate) { try await signIn(onlyIntermediate) }
    }

    @Test func personRevokedByTheIssuingCAsCRLIsRefused() async throws {
        let crl = try issuing.revocationList(
            revokedSerials: [person.serialHex], thisUpdate: Fixtures.now, nextUpdate: Fixtures.now + Fixtures.day)
        await #expect(throws: SignatureFailure.certificateRevoked) { try await signIn(store(crls: [crl])) }
    }

    @Test func issuingCARevokedByTheRootsCRLRefusesItsPeople() async throws {
        let crl = try root.revocationList(
            revokedSerials: [issuing.serialHex], thisUpdate: Fixtures.now, nextUpdate: Fixtures.now + Fixtures.day)
        await #expect(throws: SignatureFailure.certificateRevoked) { try await signIn(store(crls: [crl])) }
    }
}
