/// Why a JWS, an EDS certificate or a signature was refused.
public enum SignatureFailure: Error, Sendable, Equatable {
    /// The JWS is not three base64url parts with a JSON header.
    case malformed
    /// The algorithm (JWS `alg` or the certificate's key type) is not supported.
    case unsupportedAlgorithm
    /// The JWS names a key ID that the verifier does not know.
    case unknownKey
    /// The signature does not verify.
    case badSignature
    /// The certificate is neither valid DER nor PEM X.509.
    case malformedCertificate
    /// The certificate does not chain to a trusted root.
    case untrustedCertificate
    /// The certificate's `notValidAfter` is before the verification time.
    case certificateExpired
    /// The certificate's `notValidBefore` is after the verification time.
    case certificateNotYetValid
    /// The certificate's serial number is listed in a CRL of its issuer.
    case certificateRevoked
    /// The subject has no serialNumber attribute of the form `IIN` + 12 digits.
    case noIIN
    /// No current revocation list (thisUpdate ≤ now < nextUpdate) of the issuer covers a certificate of the chain:
    /// whether it is revoked cannot be known, so it is refused.
    case revocationUnknown
    /// The certificate's key usage does not allow this purpose (sign-in needs digitalSignature, signing
    /// nonRepudiation).
    case keyUsageNotAllowed
    /// A revocation list is malformed, has an unknown issuer, or its signature does not verify.
    case badRevocationList
}
