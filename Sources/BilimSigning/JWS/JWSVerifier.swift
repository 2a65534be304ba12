import Crypto
import Foundation

/// Verifies compact ES256 JWS against a fixed set of public keys, looked up by `kid`.
public struct JWSVerifier: Sendable {
    private let keys: [String: P256.Signing.PublicKey]

    /// Creates a verifier that trusts `keys`, indexed by key ID.
    public init(keys: [String: P256.Signing.PublicKey]) {
        self.keys = keys
    }

    /// Checks `compact` and returns its header and payload, or throws why it is refused.
    public func verify(_ compact: String) throws(SignatureFailure) -> VerifiedJWS {
        let parts = compact.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3,
            let headerBytes = Base64URL.decode(String(parts[0])),
            let payload = Base64URL.decode(String(parts[1])),
            let signatureBytes = Base64URL.decode(String(parts[2])),
            let header = try? JSONDecoder().decode(JWSHeader.self, from: headerBytes)
        else { throw .malformed }
        guard header.alg == "ES256" else { throw .unsupportedAlgorithm }
        guard let kid = header.kid, let key = keys[kid] else { throw .unknownKey }
        guard let signature = try? P256.Signing.ECDSASignature(rawRepresentation: signatureBytes) else {
            throw .badSignature
        }
        let signingInput = Data("\(parts[0]).\(parts[1])".utf8)
        guard key.isValidSignature(signature, for: signingInput) else { throw .badSignature }
        return VerifiedJWS(header: header, payload: payload)
    }
}
