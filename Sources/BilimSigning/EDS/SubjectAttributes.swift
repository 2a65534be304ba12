import SwiftASN1
import X509

/// Reads the person's attributes from a certificate subject.
enum SubjectAttributes {
    /// The X.520 serialNumber attribute, which NCA RK certificates use for `IIN` + 12 digits.
    static let serialNumber: ASN1ObjectIdentifier = [2, 5, 4, 5]

    /// The 12-digit IIN from a serialNumber attribute `IINdddddddddddd`, or nil when absent or malformed.
    static func iin(of subject: DistinguishedName) -> String? {
        for value in values(of: serialNumber, in: subject) {
            guard value.hasPrefix("IIN") else { continue }
            let digits = value.dropFirst(3)
            if digits.count == 12, digits.allSatisfy({ $0.isASCII && $0.isNumber }) { return String(digits) }
        }
        return nil
    }

    /// The first common name, if any.
    static func commonName(of subject: DistinguishedName) -> String? {
        values(of: .RDNAttributeType.commonName, in: subject).first
    }

    private static func values(of type: ASN1ObjectIdentifier, in subject: DistinguishedName) -> [String] {
        subject.flatMap { $0 }.filter { $0.type == type }.compactMap { String($0.value) }
    }
}
