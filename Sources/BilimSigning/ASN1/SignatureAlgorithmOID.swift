import SwiftASN1
import X509

/// The X.509 signature algorithms this library accepts on CRLs, by AlgorithmIdentifier OID.
enum SignatureAlgorithmOID {
    static let ecdsaWithSHA256: ASN1ObjectIdentifier = [1, 2, 840, 10045, 4, 3, 2]
    static let ecdsaWithSHA384: ASN1ObjectIdentifier = [1, 2, 840, 10045, 4, 3, 3]
    static let ecdsaWithSHA512: ASN1ObjectIdentifier = [1, 2, 840, 10045, 4, 3, 4]
    static let sha256WithRSA: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 1, 11]
    static let sha384WithRSA: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 1, 12]
    static let sha512WithRSA: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 1, 13]

    /// The swift-certificates algorithm for `oid`, or nil when unsupported (SHA-1 and others are refused).
    static func algorithm(for oid: ASN1ObjectIdentifier) -> Certificate.SignatureAlgorithm? {
        switch oid {
        case ecdsaWithSHA256: .ecdsaWithSHA256
        case ecdsaWithSHA384: .ecdsaWithSHA384
        case ecdsaWithSHA512: .ecdsaWithSHA512
        case sha256WithRSA: .sha256WithRSAEncryption
        case sha384WithRSA: .sha384WithRSAEncryption
        case sha512WithRSA: .sha512WithRSAEncryption
        default: nil
        }
    }

    /// Reads an AlgorithmIdentifier SEQUENCE and returns its OID (parameters are skipped).
    static func parse(_ node: ASN1Node) throws -> ASN1ObjectIdentifier {
        try DER.sequence(node, identifier: .sequence) { nodes in
            let oid = try ASN1ObjectIdentifier(derEncoded: &nodes)
            _ = nodes.next()
            return oid
        }
    }

    /// Writes an AlgorithmIdentifier; RSA algorithms carry an explicit NULL parameter (RFC 4055 §5).
    static func serialize(_ oid: ASN1ObjectIdentifier, into coder: inout DER.Serializer) throws {
        try coder.appendConstructedNode(identifier: .sequence) { coder in
            try coder.serialize(oid)
            if [sha256WithRSA, sha384WithRSA, sha512WithRSA].contains(oid) {
                try coder.serialize(ASN1Null())
            }
        }
    }
}
