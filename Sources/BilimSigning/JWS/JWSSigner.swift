import Crypto
import Foundation

/// Signs payloads as compact JWS with ES256 (P-256, SHA-256, raw r||s signature).
public struct JWSSigner: Sendable {
    private let privateKey: P256.Signing.PrivateKey
    /// The key ID written into each header's `kid`.
    public var keyID: String
    /// The public key that verifies this signer's output.
    public var publicKey: P256.Signing.PublicKey { privateKey.publicKey }

    /// Creates a signer with a P-256 private key and the key ID to announce.
    public init(privateKey: P256.Signing.PrivateKey, keyID: String) {
        self.privateKey = privateKey
        self.keyID = keyID
    }

    /// Returns the compact serialization `header.payload.signature` of `payload`, with `typ` set to `type`.
    public func sign(payload: Data, type: String) throws -> String {
        let header = JWSHeader(alg: "ES256", kid: keyID, typ: type)
        let signingInput = Base64URL.encode(try CanonicalJSON.encode(header)) + "." + Base64URL.encode(payload)
        let signature = try privateKey.signature(for: Data(signingInput.utf8))
        return signingInput + "." + Base64URL.encode(signature.rawRepresentation)
    }
}
