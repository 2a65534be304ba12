import BilimSigning
import Crypto
import Foundation
import Testing

@Suite struct SigningKeysTests {
    @Test func privateKeyPEMRoundTripsAsPKCS8() throws {
        let key = P256.Signing.PrivateKey()
        let pem = SigningKeys.pem(of: key)
        #expect(pem.hasPrefix("-----BEGIN PRIVATE KEY-----"))
        #expect(try SigningKeys.privateKey(pem: pem).rawRepresentation == key.rawRepresentation)
    }

    @Test func keyIDIsStableShortAndDistinct() {
        let first = P256.Signing.PrivateKey().publicKey
        let second = P256.Signing.PrivateKey().publicKey
        #expect(SigningKeys.keyID(of: first) == SigningKeys.keyID(of: first))
        #expect(SigningKeys.keyID(of: first).count == 22)
        #expect(SigningKeys.keyID(of: first) != SigningKeys.keyID(of: second))
    }

    @Test func unreadablePEMThrows() {
        #expect(throws: (any Error).self) { try SigningKeys.privateKey(pem: "not a key") }
    }
}
