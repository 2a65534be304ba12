import Crypto
import Foundation
import SwiftASN1
import X509

/// Makes demo and test certification authorities that imitate NCA RK: never use them in production.
public enum DemoPKI {
    /// Creates a CA with a fresh P-256 key and a self-signed certificate
    /// (basicConstraints CA, keyUsage keyCertSign + cRLSign, subject CN=`commonName`, C=KZ).
    public static func makeAuthority(commonName: String, notBefore: Date, notAfter: Date) throws -> TestAuthority {
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName {
            CountryName("KZ")
            CommonName(commonName)
        }
        let extensions = try Certificate.Extensions {
            Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
            Critical(KeyUsage(keyCertSign: true, cRLSign: true))
            SubjectKeyIdentifier(hash: Certificate.PublicKey(key.publicKey))
        }
        let certificate = try Certificate(
            version: .v3,
            serialNumber: Certificate.SerialNumber(),
            publicKey: Certificate.PublicKey(key.publicKey),
            notValidBefore: notBefore,
            notValidAfter: notAfter,
            issuer: name,
            subject: name,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: extensions,
            issuerPrivateKey: Certificate.PrivateKey(key))
        return try TestAuthority(certificate: certificate, privateKey: key)
    }
}

/// The key type of a demo end-entity certificate.
public enum DemoKeyType: String, Sendable, CaseIterable {
    /// ECDSA on P-256; signatures are made DER-encoded.
    case ecdsaP256
    /// RSA 2048 bits; signatures are PKCS#1 v1.5 with SHA-256.
    case rsa2048
}

/// Why a demo PKI operation failed.
public enum DemoPKIError: Error, Sendable, Equatable {
    /// The private key PEM does not belong to the certificate PEM.
    case keyDoesNotMatchCertificate
    /// A serial number is not hexadecimal.
    case invalidSerial(String)
}

extension DER {
    /// The DER bytes of `value`.
    static func bytes(of value: some DERSerializable) throws -> [UInt8] {
        var serializer = DER.Serializer()
        try serializer.serialize(value)
        return serializer.serializedBytes
    }
}
