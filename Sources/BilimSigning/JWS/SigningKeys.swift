import Crypto
import Foundation

/// PEM storage and key IDs for the provider's ES256 signing keys.
public enum SigningKeys {
    /// The PKCS#8 PEM ("PRIVATE KEY") of `key`.
    public static func pem(of key: P256.Signing.PrivateKey) -> String {
        key.pemRepresentation
    }

    /// Reads a P-256 private key from PKCS#8 or SEC1 PEM.
    public static func privateKey(pem: String) throws -> P256.Signing.PrivateKey {
        try P256.Signing.PrivateKey(pemRepresentation: pem)
    }

    /// A stable key ID: base64url of the first 16 bytes of SHA-256 of the key's SubjectPublicKeyInfo DER.
    public static func keyID(of publicKey: P256.Signing.PublicKey) -> String {
        Base64URL.encode(Data(SHA256.hash(data: publicKey.derRepresentation).prefix(16)))
    }
}
