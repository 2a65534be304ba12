import BilimSigning
import Foundation
import Testing
import X509

/// An EDS is accepted only when a current revocation list of its issuer says it is not revoked, and only for what
/// its key usage allows.
@Suite struct EDSFailClosedTests {
    func verify(_ person: IssuedCertificate, _ store: EDSTrustStore, purpose: EDSPurpose = .signIn) async throws(SignatureFailure) -> EDSIdentity {
        let signature: Data
        do { signature = try person.sign(Fixtures.challenge) } catch { throw .badSignature }
        return try await store.verify(
            certificate: person.certificateDER, signature: signature, message: Fixtures.challenge, at: Fixtures.now, purpose: purpose)
    }

    @Test("no CRL, an expired one (now ≥ nextUpdate) or one not yet issued (thisUpdate > now): revocation unknown, refused")
    func staleOrMissingCRL() async throws {
        let ca = try Fixtures.authority()
        let person = try Fixtures.person(from: ca)
        let d = Fixtures.day, now = Fixtures.now
        for crls in [
            [Data](),
            [try ca.revocationList(revokedSerials: [], thisUpdate: now - 8 * d, nextUpdate: now - d)],
            [try ca.revocationList(revokedSerials: [], thisUpdate: now - 8 * d, nextUpdate: now)],
            [try ca.revocationList(revokedSerials: [], thisUpdate: now + d, nextUpdate: now + 8 * d)],
        ] {
            let store = try EDSTrustStore(rootCertificatesPEM: ca.certificatePEM, revocationLists: crls)
            await #expect(throws: SignatureFailure.revocationUnknown) { try await verify(person, store) }
        }
        // thisUpdate ≤ now < nextUpdate: current.
        let current = try EDSTrustStore(
            rootCertificatesPEM: ca.certificatePEM,
            revocationLists: [try ca.revocationList(revokedSerials: [], thisUpdate: now, nextUpdate: now + 1)])
        #expect(try await verify(person, current).iin == Fixtures.iin)
    }

    @Test("an authentication certificate signs in but cannot sign; a signing certificate signs but cannot sign in")
    func keyUsageFitsThePurpose() async throws {
        let ca = try Fixtures.authority()
        let store = try Fixtures.store(ca)
        let auth = try ca.issue(
            iin: Fixtures.iin, commonName: "AUTH", notBefore: Fixtures.now - Fixtures.day, notAfter: Fixtures.now + Fixtures.day,
            keyUsage: KeyUsage(digitalSignature: true, keyEncipherment: true))
        let sign = try ca.issue(
            iin: Fixtures.iin, commonName: "RSA", notBefore: Fixtures.now - Fixtures.day, notAfter: Fixtures.now + Fixtures.day,
            keyUsage: KeyUsage(nonRepudiation: true))
        #expect(try await verify(auth, store, purpose: .signIn).iin == Fixtures.iin)
        await #expect(throws: SignatureFailure.keyUsageNotAllowed) { try await verify(auth, store, purpose: .signing) }
        #expect(try await verify(sign, store, purpose: .signing).iin == Fixtures.iin)
        await #expect(throws: SignatureFailure.keyUsageNotAllowed) { try await verify(sign, store, purpose: .signIn) }
    }
}
