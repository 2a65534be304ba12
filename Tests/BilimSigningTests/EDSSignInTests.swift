import BilimSigning
import Crypto
import Foundation
import Testing

@Suite struct EDSSignInTests {
    @Test(arguments: DemoKeyType.allCases)
    func signedChallengeGivesTheIdentity(keyType: DemoKeyType) async throws {
        let ca = try Fixtures.authority()
        let person = try Fixtures.person(from: ca, keyType: keyType)
        let identity = try await Fixtures.store(ca).verify(
            certificate: person.certificateDER, signature: person.sign(Fixtures.challenge),
            message: Fixtures.challenge, at: Fixtures.now)
        #expect(
            identity
                == EDSIdentity(
                    iin: Fixtures.iin, commonName: "АХМЕТОВ АЙДАР", certificateSerial: person.serialHex,
                    keyAlgorithm: keyType == .rsa2048 ? "RSA" : "ECDSA",
                    notValidAfter: Fixtures.now + 335 * Fixtures.day))
    }

    @Test func ecdsaSignatureIsAcceptedAsDERAndAsRawRS() async throws {
        let ca = try Fixtures.authority()
        let person = try Fixtures.person(from: ca)
        let der = try person.sign(Fixtures.challenge)
        let raw = try P256.Signing.ECDSASignature(derRepresentation: der).rawRepresentation
        #expect(raw.count == 64)
        let store = try Fixtures.store(ca)
        for signature in [der, raw] {
            let identity = try await store.verify(
                certificate: person.certificateDER, signature: signature, message: Fixtures.challenge,
                at: Fixtures.now)
            #expect(identity.iin == Fixtures.iin)
        }
    }

    @Test func certificateIsAcceptedAsPEM() async throws {
        let ca = try Fixtures.authority()
        let person = try Fixtures.person(from: ca)
        let identity = try await Fixtures.store(ca).verify(
            certificate: Data(person.certificatePEM.utf8), signature: person.sign(Fixtures.challenge),
            message: Fixtures.challenge, at: Fixtures.now)
        #expect(identity.certificateSerial == person.serialHex)
    }

    @Test func anyOfSeveralRootsIsTrusted() async throws {
        let (first, second) = (try Fixtures.authority("NCA RK (RSA)"), try Fixtures.authority("NCA RK (GOST)"))
        let person = try Fixtures.person(from: second)
        let identity = try await Fixtures.store(first, second).verify(
            certificate: person.certificateDER, signature: person.sign(Fixtures.challenge),
            message: Fixtures.challenge, at: Fixtures.now)
        #expect(identity.iin == Fixtures.iin)
    }

    @Test(arguments: DemoKeyType.allCases)
    func signatureOverAnotherMessageIsBad(keyType: DemoKeyType) async throws {
        let ca = try Fixtures.authority()
        let person = try Fixtures.person(from: ca, keyType: keyType)
        let signature = try person.sign(Data("another challenge".utf8))
        await #expect(throws: SignatureFailure.badSignature) {
            try await Fixtures.store(ca).verify(
                certificate: person.certificateDER, signature: signature, message: Fixtures.challenge,
                at: Fixtures.now)
        }
    }

    @Test func signatureByAnotherKeyOrGarbageIsBad() async throws {
        let ca = try Fixtures.authority()
        let person = try Fixtures.person(from: ca)
        let other = try Fixtures.person(from: ca)
        let store = try Fixtures.store(ca)
        for signature in [try other.sign(Fixtures.challenge), Data(count: 64), Data("x".utf8)] {
            await #expect(throws: SignatureFailure.badSignature) {
                try await store.verify(
                    certificate: person.certificateDER, signature: signature, message: Fixtures.challenge,
                    at: Fixtures.now)
            }
        }
    }
}
