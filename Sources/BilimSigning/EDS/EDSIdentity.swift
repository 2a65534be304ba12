import Foundation

/// Who signed: the facts read from a verified EDS certificate.
public struct EDSIdentity: Sendable, Equatable {
    /// The 12-digit individual identification number (ИИН), without the `IIN` prefix.
    public var iin: String
    /// The subject's common name (usually the person's full name), if present.
    public var commonName: String?
    /// The certificate's serial number, lower-case hex without leading zeros.
    public var certificateSerial: String
    /// `RSA` or `ECDSA`.
    public var keyAlgorithm: String
    /// When the certificate stops being valid.
    public var notValidAfter: Date

    /// Creates an identity.
    public init(iin: String, commonName: String?, certificateSerial: String, keyAlgorithm: String, notValidAfter: Date)
    {
        self.iin = iin
        self.commonName = commonName
        self.certificateSerial = certificateSerial
        self.keyAlgorithm = keyAlgorithm
        self.notValidAfter = notValidAfter
    }
}
