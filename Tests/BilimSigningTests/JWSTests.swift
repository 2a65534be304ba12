import BilimSigning
import Crypto
import Foundation
import Testing

@Suite struct JWSTests {
    let signer = JWSSigner(privateKey: P256.Signing.PrivateKey(), keyID: "result-key-1")
    var verifier: JWSVerifier { JWSVerifier(keys: [signer.keyID: signer.publicKey]) }
    let payload = Data(#"{"caseNumber":"B-2025-000123","decision":"approved"}"#.utf8)

    /// Splits a compact JWS into its three decoded parts.
    func parts(_ compact: String) throws -> [Data] {
        try compact.split(separator: ".", omittingEmptySubsequences: false).map {
            try #require(Base64URL.decode(String($0)))
        }
    }

    func compact(_ parts: [Data]) -> String {
        parts.map(Base64URL.encode).joined(separator: ".")
    }

    func unsigned(header: String) -> String {
        Base64URL.encode(Data(header.utf8)) + "." + Base64URL.encode(payload) + "."
    }

    @Test func signedPayloadVerifiesWithItsHeader() throws {
        let jws = try signer.sign(payload: payload, type: "bilim-result+json")
        let verified = try verifier.verify(jws)
        #expect(verified.payload == payload)
        #expect(verified.header == JWSHeader(alg: "ES256", kid: "result-key-1", typ: "bilim-result+json"))
        let header = String(decoding: try parts(jws)[0], as: UTF8.self)
        #expect(header == #"{"alg":"ES256","kid":"result-key-1","typ":"bilim-result+json"}"#)
        #expect(try parts(jws)[2].count == 64)
    }

    @Test(arguments: 0..<3) func oneChangedByteInAnyPartIsABadSignature(part: Int) throws {
        var decoded = try parts(try signer.sign(payload: payload, type: "bilim-result+json"))
        if part == 0 {
            decoded[0] = Data(#"{"alg":"ES256","kid":"result-key-1","typ":"bilim-result+jsoN"}"#.utf8)
        } else {
            decoded[part][decoded[part].startIndex + 5] ^= 0x01
        }
        #expect(throws: SignatureFailure.badSignature) { try verifier.verify(compact(decoded)) }
    }

    @Test func everySingleCharacterChangeIsRefused() throws {
        let jws = Array(try signer.sign(payload: payload, type: "t"))
        for index in jws.indices where jws[index] != "." {
            var changed = jws
            changed[index] = jws[index] == "A" ? "B" : "A"
            #expect(throws: SignatureFailure.self) { try verifier.verify(String(changed)) }
        }
    }

    @Test(arguments: ["none", "HS256", "RS256", "es256"])
    func headersWithAnotherAlgorithmAreUnsupported(alg: String) {
        let forged = unsigned(header: #"{"alg":"\#(alg)","kid":"result-key-1","typ":"t"}"#)
        #expect(throws: SignatureFailure.unsupportedAlgorithm) { try verifier.verify(forged) }
        #expect(throws: SignatureFailure.unsupportedAlgorithm) { try verifier.verify(forged + "c2ln") }
    }

    @Test func unknownOrMissingKeyIDIsUnknownKey() throws {
        let stranger = JWSSigner(privateKey: P256.Signing.PrivateKey(), keyID: "stranger")
        #expect(throws: SignatureFailure.unknownKey) { try verifier.verify(stranger.sign(payload: payload, type: "t")) }
        let noKid = unsigned(header: #"{"alg":"ES256"}"#) + Base64URL.encode(Data(count: 64))
        #expect(throws: SignatureFailure.unknownKey) { try verifier.verify(noKid) }
    }

    @Test func sameKeyIDWithAnotherKeyIsABadSignature() throws {
        let impostor = JWSSigner(privateKey: P256.Signing.PrivateKey(), keyID: signer.keyID)
        #expect(throws: SignatureFailure.badSignature) {
            try verifier.verify(impostor.sign(payload: payload, type: "t"))
        }
    }

    @Test(arguments: ["", "a.b", "a.b.c.d", "!!.e30.AA", "e30.e30.AA=", "bm90IGpzb24.e30.AA"])
    func nonCompactInputIsMalformed(input: String) {
        #expect(throws: SignatureFailure.malformed) { try verifier.verify(input) }
    }
}
