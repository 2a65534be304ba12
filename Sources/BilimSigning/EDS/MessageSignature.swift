import Crypto
import Foundation
import X509
import _CryptoExtras

/// Verifies a signature over raw message bytes with an EDS certificate's public key.
enum MessageSignature {
    /// Checks `signature` over `message` (SHA-256) and returns the key algorithm name, `RSA` or `ECDSA`.
    ///
    /// RSA uses PKCS#1 v1.5 and needs at least 2048 bits; P-256 accepts DER (OpenSSL) or raw r||s (WebCrypto).
    static func verify(_ signature: Data, over message: Data, with key: Certificate.PublicKey) throws(SignatureFailure)
        -> String
    {
        if let ecdsa = P256.Signing.PublicKey(key) {
            let parsed =
                signature.count == 64
                ? try? P256.Signing.ECDSASignature(rawRepresentation: signature)
                : try? P256.Signing.ECDSASignature(derRepresentation: signature)
            guard let parsed, ecdsa.isValidSignature(parsed, for: message) else { throw .badSignature }
            return "ECDSA"
        }
        if let rsa = _RSA.Signing.PublicKey(key), rsa.keySizeInBits >= 2048 {
            let parsed = _RSA.Signing.RSASignature(rawRepresentation: signature)
            guard rsa.isValidSignature(parsed, for: message, padding: .insecurePKCS1v1_5) else { throw .badSignature }
            return "RSA"
        }
        throw .unsupportedAlgorithm
    }
}
