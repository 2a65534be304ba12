import Crypto
import Foundation
import SwiftASN1
import X509
import _CryptoExtras

/// A demo end-entity certificate with its private key, able to sign challenges like an EDS token would.
public struct IssuedCertificate: Sendable {
    /// The certificate, PEM.
    public let certificatePEM: String
    /// The certificate, DER.
    public let certificateDER: Data
    /// The private key, PKCS#8 PEM ("PRIVATE KEY"): readable by `openssl dgst -sign` and WebCrypto `importKey('pkcs8')`.
    public let privateKeyPEM: String
    /// The certificate serial, lower-case hex without leading zeros.
    public let serialHex: String
    /// The key type.
    public let keyType: DemoKeyType
    private let key: Key

    init(certificate: Certificate, key: Key) throws {
        certificatePEM = try certificate.serializeAsPEM().pemString
        certificateDER = Data(try DER.bytes(of: certificate))
        serialHex = SerialHex.string(certificate.serialNumber.bytes)
        privateKeyPEM = key.pkcs8PEM
        keyType = key.type
        self.key = key
    }

    /// Signs `message` with SHA-256: RSA PKCS#1 v1.5, or ECDSA with a DER-encoded signature.
    public func sign(_ message: Data) throws -> Data {
        switch key {
        case .p256(let key): try key.signature(for: message).derRepresentation
        case .rsa(let key): try key.signature(for: message, padding: .insecurePKCS1v1_5).rawRepresentation
        }
    }

    /// The private key of a demo certificate.
    enum Key: Sendable {
        case p256(P256.Signing.PrivateKey)
        case rsa(_RSA.Signing.PrivateKey)

        init(_ type: DemoKeyType) throws {
            switch type {
            case .ecdsaP256: self = .p256(P256.Signing.PrivateKey())
            case .rsa2048: self = .rsa(try _RSA.Signing.PrivateKey(keySize: .bits2048))
            }
        }

        var type: DemoKeyType {
            switch self {
            case .p256: .ecdsaP256
            case .rsa: .rsa2048
            }
        }

        var certificatePublicKey: Certificate.PublicKey {
            switch self {
            case .p256(let key): Certificate.PublicKey(key.publicKey)
            case .rsa(let key): Certificate.PublicKey(key.publicKey)
            }
        }

        var pkcs8PEM: String {
            switch self {
            case .p256(let key): key.pemRepresentation
            case .rsa(let key): key.pkcs8PEMRepresentation
            }
        }
    }
}
