import Crypto
import Foundation
import SwiftASN1
import X509
import _CryptoExtras

/// A demo certification authority that issues EDS-like certificates and CRLs.
public struct TestAuthority: Sendable {
    let certificate: Certificate
    let privateKey: P256.Signing.PrivateKey
    /// The CA certificate, PEM.
    public let certificatePEM: String
    /// The CA's P-256 private key, PKCS#8 PEM.
    public var privateKeyPEM: String { privateKey.pemRepresentation }
    /// The CA certificate's serial, lower-case hex without leading zeros.
    public var serialHex: String { SerialHex.string(certificate.serialNumber.bytes) }
    /// The CA certificate, DER.
    public let certificateDER: Data

    init(certificate: Certificate, privateKey: P256.Signing.PrivateKey) throws {
        self.certificate = certificate
        self.privateKey = privateKey
        self.certificatePEM = try certificate.serializeAsPEM().pemString
        self.certificateDER = Data(try DER.bytes(of: certificate))
    }

    /// Reloads a CA saved as PEMs; throws if the key does not match the certificate.
    public init(certificatePEM: String, privateKeyPEM: String) throws {
        let certificate = try Certificate(pemEncoded: certificatePEM)
        let key = try P256.Signing.PrivateKey(pemRepresentation: privateKeyPEM)
        guard certificate.publicKey == Certificate.PublicKey(key.publicKey) else {
            throw DemoPKIError.keyDoesNotMatchCertificate
        }
        try self.init(certificate: certificate, privateKey: key)
    }

    /// Issues an end-entity certificate (keyUsage digitalSignature and nonRepudiation unless `keyUsage` says
    /// otherwise: one demo certificate signs in and signs) for subject
    /// `C=KZ, serialNumber=IIN<iin>, CN=<commonName>`; the serialNumber attribute is left out when `iin` is nil.
    /// `serialHex` picks the certificate serial; nil draws a random one.
    public func issue(
        iin: String?, commonName: String, keyType: DemoKeyType = .ecdsaP256,
        notBefore: Date, notAfter: Date, serialHex: String? = nil,
        keyUsage: KeyUsage = KeyUsage(digitalSignature: true, nonRepudiation: true)
    ) throws -> IssuedCertificate {
        let key = try IssuedCertificate.Key(keyType)
        let serial =
            try serialHex.map { hex in
                guard let bytes = SerialHex.bytes(hex) else { throw DemoPKIError.invalidSerial(hex) }
                return Certificate.SerialNumber(bytes: bytes)
            } ?? Certificate.SerialNumber()
        let extensions = try Certificate.Extensions {
            Critical(BasicConstraints.notCertificateAuthority)
            Critical(keyUsage)
            try AuthorityKeyIdentifier(keyIdentifier: certificate.extensions.subjectKeyIdentifier?.keyIdentifier)
        }
        let leaf = try signedCertificate(
            serial: serial, publicKey: key.certificatePublicKey, notBefore: notBefore, notAfter: notAfter,
            subject: Self.subject(iin: iin, commonName: commonName), extensions: extensions)
        return try IssuedCertificate(certificate: leaf, key: key)
    }

    /// Signs a certificate with this CA's key and name as issuer.
    func signedCertificate(
        serial: Certificate.SerialNumber, publicKey: Certificate.PublicKey, notBefore: Date, notAfter: Date,
        subject: DistinguishedName, extensions: Certificate.Extensions
    ) throws -> Certificate {
        try Certificate(
            version: .v3, serialNumber: serial, publicKey: publicKey, notValidBefore: notBefore,
            notValidAfter: notAfter, issuer: certificate.subject, subject: subject,
            signatureAlgorithm: .ecdsaWithSHA256, extensions: extensions,
            issuerPrivateKey: Certificate.PrivateKey(privateKey))
    }

    private static func subject(iin: String?, commonName: String) throws -> DistinguishedName {
        var attributes = [
            try RelativeDistinguishedName.Attribute(type: .RDNAttributeType.countryName, printableString: "KZ")
        ]
        if let iin {
            attributes.append(try .init(type: SubjectAttributes.serialNumber, printableString: "IIN" + iin))
        }
        attributes.append(.init(type: .RDNAttributeType.commonName, utf8String: commonName))
        return DistinguishedName(attributes.map { RelativeDistinguishedName($0) })
    }
}
