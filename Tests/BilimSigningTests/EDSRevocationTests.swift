import BilimSigning
import Foundation
import Testing

@Suite struct EDSRevocationTests {
    func signIn(_ person: IssuedCertificate, store: EDSTrustStore) async throws(SignatureFailure) -> EDSIdentity {
        let signature: Data
        do { signature = try person.sign(Fixtures.challenge) } catch { throw .badSignature }
        return try await store.verify(
            certificate: person.certificateDER, signature: signature, message: Fixtures.challenge, at: Fixtures.now)
    }

    @Test(arguments: ["DER", "PEM"])
    func revokedCertificateIsRefusedWhileItsNeighbourPasses(encoding: String) async throws {
        let ca = try Fixtures.authority()
        let revoked = try Fixtures.person(from: ca)
        let neighbour = try Fixtures.person(from: ca)
        var crl = try ca.revocationList(
            revokedSerials: [revoked.serialHex, "01"], thisUpdate: Fixtures.now - Fixtures.day,
            nextUpdate: Fixtures.now + 6 * Fixtures.day)
        if encoding == "PEM" { crl = Fixtures.pem(crl, type: "X509 CRL") }
        let store = try Fixtures.store(ca, crls: [crl])
        await #expect(throws: SignatureFailure.certificateRevoked) { try await signIn(revoked, store: store) }
        #expect(try await signIn(neighbour, store: store).iin == Fixtures.iin)
    }

    @Test func serialsWithTheHighBitSetMatchWhateverHexCaseIsUsed() async throws {
        let ca = try Fixtures.authority()
        let person = try Fixtures.person(from: ca, serialHex: "80ff01")
        #expect(person.serialHex == "80ff01")
        let crl = try ca.revocationList(
            revokedSerials: ["80FF01"], thisUpdate: Fixtures.now, nextUpdate: Fixtures.now + Fixtures.day)
        await #expect(throws: SignatureFailure.certificateRevoked) {
            try await signIn(person, store: Fixtures.store(ca, crls: [crl]))
        }
    }

    @Test func emptyCRLRevokesNothing() async throws {
        let ca = try Fixtures.authority()
        let person = try Fixtures.person(from: ca)
        let crl = try ca.revocationList(
            revokedSerials: [], thisUpdate: Fixtures.now, nextUpdate: Fixtures.now + Fixtures.day)
        #expect(try await signIn(person, store: Fixtures.store(ca, crls: [crl])).iin == Fixtures.iin)
    }

    @Test func crlOfAnotherTrustedRootDoesNotRevoke() async throws {
        let (first, second) = (try Fixtures.authority("NCA RK 1"), try Fixtures.authority("NCA RK 2"))
        let person = try Fixtures.person(from: first, serialHex: "1234")
        let crl = try second.revocationList(
            revokedSerials: ["1234"], thisUpdate: Fixtures.now, nextUpdate: Fixtures.now + Fixtures.day)
        #expect(try await signIn(person, store: Fixtures.store(first, second, crls: [crl, Fixtures.current(first)])).iin == Fixtures.iin)
    }

    @Test func crlSignedByAnotherKeyUnderTheRootsNameIsRejected() throws {
        let ca = try Fixtures.authority("NCA RK")
        let impostor = try Fixtures.authority("NCA RK")
        let crl = try impostor.revocationList(
            revokedSerials: ["01"], thisUpdate: Fixtures.now, nextUpdate: Fixtures.now)
        #expect(throws: SignatureFailure.badRevocationList) { try Fixtures.store(ca, crls: [crl]) }
    }

    @Test func crlOfAnUnknownIssuerIsRejected() throws {
        let ca = try Fixtures.authority("NCA RK")
        let stranger = try Fixtures.authority("Stranger CA")
        let crl = try stranger.revocationList(revokedSerials: [], thisUpdate: Fixtures.now, nextUpdate: Fixtures.now)
        #expect(throws: SignatureFailure.badRevocationList) { try Fixtures.store(ca, crls: [crl]) }
    }

    @Test func tamperedOrUnreadableCRLIsRejected() throws {
        let ca = try Fixtures.authority()
        var crl = try ca.revocationList(revokedSerials: ["0a0b"], thisUpdate: Fixtures.now, nextUpdate: Fixtures.now)
        let serialOffset = try #require(crl.range(of: Data([0x02, 0x02, 0x0a, 0x0b]))).lowerBound + 3
        crl[serialOffset] = 0x0c
        for bad in [crl, Data("garbage".utf8), Fixtures.pem(Data([0x30, 0x00]), type: "X509 CRL")] {
            #expect(throws: SignatureFailure.badRevocationList) { try Fixtures.store(ca, crls: [bad]) }
        }
    }
}
