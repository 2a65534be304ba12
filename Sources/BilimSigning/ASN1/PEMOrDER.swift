import Foundation
import SwiftASN1

/// Accepts input given either as DER bytes or as one PEM block of an expected type.
enum PEMOrDER {
    /// Returns the DER bytes of `data`; PEM must carry `discriminator` (e.g. "CERTIFICATE", "X509 CRL").
    static func derBytes(_ data: Data, discriminator: String) throws -> [UInt8] {
        let prefix = data.prefix(64).drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard prefix.starts(with: Array("-----BEGIN".utf8)) else { return [UInt8](data) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ASN1Error.invalidPEMDocument(reason: "PEM is not UTF-8")
        }
        let document = try PEMDocument(pemString: text)
        guard document.discriminator == discriminator else {
            throw ASN1Error.invalidPEMDocument(reason: "expected \(discriminator), got \(document.discriminator)")
        }
        return document.derBytes
    }
}
