import Foundation
import SwiftASN1
import X509

/// An X.509 CRL (RFC 5280 §5), parsed with SwiftASN1 because swift-certificates has no CRL type.
struct RevocationList: Sendable {
    /// The CRL issuer's name; must equal the subject of the CA that signed it.
    var issuer: DistinguishedName
    var thisUpdate: Date
    var nextUpdate: Date?
    /// Normalized serials (see ``SerialHex``) of the revoked certificates.
    var revokedSerials: Set<[UInt8]>
    /// The DER of tbsCertList, the signed bytes.
    var tbsBytes: ArraySlice<UInt8>
    var signatureAlgorithm: Certificate.SignatureAlgorithm
    var signature: [UInt8]

    /// Parses DER `CertificateList`; throws on any structural error or unsupported signature algorithm.
    init(derEncoded bytes: [UInt8]) throws {
        let root = try DER.parse(bytes)
        var tbs: ASN1Node?
        var outerOID: ASN1ObjectIdentifier?
        var signatureBits: ASN1BitString?
        try DER.sequence(root, identifier: .sequence) { nodes in
            tbs = nodes.next()
            outerOID = try nodes.next().map(SignatureAlgorithmOID.parse)
            signatureBits = try ASN1BitString(derEncoded: &nodes)
        }
        guard let tbs, let outerOID, let signatureBits, signatureBits.paddingBits == 0 else {
            throw ASN1Error.invalidASN1Object(reason: "incomplete CertificateList")
        }
        let fields = try TBSFields(tbs)
        guard fields.signatureOID == outerOID, let algorithm = SignatureAlgorithmOID.algorithm(for: outerOID) else {
            throw ASN1Error.invalidASN1Object(reason: "unsupported or inconsistent CRL signature algorithm")
        }
        self.issuer = fields.issuer
        self.thisUpdate = fields.thisUpdate
        self.nextUpdate = fields.nextUpdate
        self.revokedSerials = fields.revokedSerials
        self.tbsBytes = tbs.encodedBytes
        self.signatureAlgorithm = algorithm
        self.signature = Array(signatureBits.bytes)
    }

    /// Whether `publicKey` made this CRL's signature.
    func isSigned(by publicKey: Certificate.PublicKey) -> Bool {
        publicKey.isValidSignature(signature, for: tbsBytes, signatureAlgorithm: signatureAlgorithm)
    }

    /// Whether the certificate with `serial` is listed.
    func lists(serial: Certificate.SerialNumber) -> Bool {
        revokedSerials.contains(SerialHex.normalized(serial.bytes))
    }
}

/// The fields of `TBSCertList` that verification needs.
private struct TBSFields {
    var signatureOID: ASN1ObjectIdentifier
    var issuer: DistinguishedName
    var thisUpdate: Date
    var nextUpdate: Date?
    var revokedSerials: Set<[UInt8]> = []

    init(_ node: ASN1Node) throws {
        var children: [ASN1Node] = try DER.sequence(node, identifier: .sequence) { nodes in
            var all: [ASN1Node] = []
            while let next = nodes.next() { all.append(next) }
            return all
        }
        if children.first?.identifier == .integer {
            let version = try Int(derEncoded: children.removeFirst())
            guard version == 1 else { throw ASN1Error.invalidASN1Object(reason: "CRL version \(version)") }
        }
        guard children.count >= 3 else { throw ASN1Error.invalidASN1Object(reason: "short TBSCertList") }
        signatureOID = try SignatureAlgorithmOID.parse(children.removeFirst())
        issuer = try DistinguishedName(derEncoded: children.removeFirst())
        thisUpdate = try ASN1Time.date(from: children.removeFirst())
        if let next = children.first, [.utcTime, .generalizedTime].contains(next.identifier) {
            nextUpdate = try ASN1Time.date(from: children.removeFirst())
        }
        if let next = children.first, next.identifier == .sequence {
            revokedSerials = try Self.serials(children.removeFirst())
        }
        let crlExtensions = ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific)
        if let next = children.first, next.identifier == crlExtensions {
            children.removeFirst()
        }
        guard children.isEmpty else { throw ASN1Error.invalidASN1Object(reason: "trailing TBSCertList fields") }
    }

    /// Reads `revokedCertificates`: each entry is SEQUENCE { serial, revocationDate, crlEntryExtensions? }.
    private static func serials(_ node: ASN1Node) throws -> Set<[UInt8]> {
        try DER.sequence(node, identifier: .sequence) { entries in
            var serials = Set<[UInt8]>()
            while let entry = entries.next() {
                try DER.sequence(entry, identifier: .sequence) { fields in
                    let serial = try ArraySlice<UInt8>(derEncoded: &fields)
                    guard let date = fields.next() else {
                        throw ASN1Error.invalidASN1Object(reason: "CRL entry without revocationDate")
                    }
                    _ = try ASN1Time.date(from: date)
                    if let extensions = fields.next(), extensions.identifier != .sequence {
                        throw ASN1Error.unexpectedFieldType(extensions.identifier)
                    }
                    serials.insert(SerialHex.normalized(serial))
                }
            }
            return serials
        }
    }
}
