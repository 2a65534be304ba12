import Crypto
import Foundation
import SwiftASN1
import X509

extension TestAuthority {
    /// A DER X.509 v2 CRL signed by this CA (ecdsa-with-SHA256) that lists `revokedSerials` (hex),
    /// each revoked at `thisUpdate`.
    public func revocationList(revokedSerials: [String], thisUpdate: Date, nextUpdate: Date) throws -> Data {
        let serials = try revokedSerials.map { hex in
            guard let bytes = SerialHex.bytes(hex) else { throw DemoPKIError.invalidSerial(hex) }
            return bytes
        }
        var tbs = DER.Serializer()
        try tbs.appendConstructedNode(identifier: .sequence) { coder in
            try coder.serialize(1)  // v2
            try SignatureAlgorithmOID.serialize(SignatureAlgorithmOID.ecdsaWithSHA256, into: &coder)
            try coder.serialize(certificate.subject)
            try ASN1Time.serialize(thisUpdate, into: &coder)
            try ASN1Time.serialize(nextUpdate, into: &coder)
            if !serials.isEmpty {  // RFC 5280 §5.1.2.6: absent rather than empty
                try coder.appendConstructedNode(identifier: .sequence) { coder in
                    for serial in serials {
                        try coder.appendConstructedNode(identifier: .sequence) { coder in
                            try coder.serialize(serial[...])
                            try ASN1Time.serialize(thisUpdate, into: &coder)
                        }
                    }
                }
            }
        }
        let signature = try privateKey.signature(for: SHA256.hash(data: tbs.serializedBytes))
        var crl = DER.Serializer()
        try crl.appendConstructedNode(identifier: .sequence) { coder in
            coder.serializeRawBytes(tbs.serializedBytes)
            try SignatureAlgorithmOID.serialize(SignatureAlgorithmOID.ecdsaWithSHA256, into: &coder)
            try coder.serialize(ASN1BitString(bytes: ArraySlice(signature.derRepresentation)))
        }
        return Data(crl.serializedBytes)
    }
}
