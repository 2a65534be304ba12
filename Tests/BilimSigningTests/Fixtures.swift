import BilimSigning
import Crypto
import Foundation
import SwiftASN1
import X509

/// Shared dates and helpers for the EDS tests; every date is a whole second, as X.509 stores them.
enum Fixtures {
    static let now = Date(timeIntervalSince1970: 1_760_000_000)
    static let day: TimeInterval = 86_400
    static let challenge = Data("bilim-challenge:7f3a9c".utf8)
    static let iin = "860101300123"

    static func authority(_ name: String = "Demo NCA RK") throws -> TestAuthority {
        try DemoPKI.makeAuthority(commonName: name, notBefore: now - 365 * day, notAfter: now + 3650 * day)
    }

    static func person(
        from authority: TestAuthority, iin: String? = Fixtures.iin, keyType: DemoKeyType = .ecdsaP256,
        notBefore: Date = now - 30 * day, notAfter: Date = now + 335 * day, serialHex: String? = nil
    ) throws -> IssuedCertificate {
        try authority.issue(
            iin: iin, commonName: "АХМЕТОВ АЙДАР", keyType: keyType, notBefore: notBefore, notAfter: notAfter,
            serialHex: serialHex)
    }

    /// A trust store of `roots`; without `crls`, each root's current, empty CRL (verification fails closed
    /// without one).
    static func store(_ roots: TestAuthority..., crls: [Data]? = nil) throws -> EDSTrustStore {
        try EDSTrustStore(
            rootCertificatesPEM: roots.map(\.certificatePEM).joined(separator: "\n"),
            revocationLists: crls ?? roots.map { try current($0) })
    }

    /// An empty CRL of the authority, current at `now` (issued a day before, due a week after).
    static func current(_ authority: TestAuthority) throws -> Data {
        try authority.revocationList(revokedSerials: [], thisUpdate: now - day, nextUpdate: now + 7 * day)
    }

    /// A certificate built outside any `TestAuthority`: given subject and issuer names, signed by `signer`.
    static func forged(
        subject: DistinguishedName, issuer: DistinguishedName, key: Certificate.PublicKey,
        signer: Certificate.PrivateKey
    ) throws -> Data {
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: key,
            notValidBefore: now - 30 * day, notValidAfter: now + 335 * day, issuer: issuer, subject: subject,
            signatureAlgorithm: .ecdsaWithSHA256, extensions: Certificate.Extensions(), issuerPrivateKey: signer)
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        return Data(serializer.serializedBytes)
    }

    static func pem(_ der: Data, type: String) -> Data {
        Data(PEMDocument(type: type, derBytes: [UInt8](der)).pemString.utf8)
    }
}
