import Foundation

/// The protected header of a JWS (RFC 7515 §4).
public struct JWSHeader: Codable, Sendable, Equatable {
    /// The signature algorithm, e.g. `ES256`.
    public var alg: String
    /// The ID of the key that made the signature.
    public var kid: String?
    /// The media type of the payload, e.g. `bilim-result+json`.
    public var typ: String?

    /// Creates a header.
    public init(alg: String, kid: String?, typ: String?) {
        self.alg = alg
        self.kid = kid
        self.typ = typ
    }
}

/// A JWS whose signature has been checked: its header and decoded payload.
public struct VerifiedJWS: Sendable, Equatable {
    /// The protected header.
    public var header: JWSHeader
    /// The payload bytes that were signed.
    public var payload: Data
}
