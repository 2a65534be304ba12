import Foundation
import SwiftASN1
import X509

/// The trusted EDS certification authorities (e.g. NCA RK roots) and their verified revocation lists.
///
/// Build it once from configuration, then call ``verify(certificate:signature:message:at:)`` per sign-in.
public struct EDSTrustStore: Sendable {
    let roots: [Certificate]
    let intermediates: [Certificate]
    let revocationLists: [VerifiedRevocationList]

    /// Loads roots (concatenated PEM), optional intermediate CAs (concatenated PEM) and CRLs (each DER or PEM).
    ///
    /// Throws `.malformedCertificate` for unreadable or missing roots and `.badRevocationList` for a CRL that is
    /// malformed, whose issuer is none of the CAs, or whose signature does not verify.
    public init(
        rootCertificatesPEM: String, intermediateCertificatesPEM: String = "", revocationLists: [Data]
    ) throws(SignatureFailure) {
        roots = try Self.certificates(pem: rootCertificatesPEM)
        guard !roots.isEmpty else { throw .malformedCertificate }
        intermediates = try Self.certificates(pem: intermediateCertificatesPEM)
        let authorities = roots + intermediates
        self.revocationLists = try revocationLists.map { data throws(SignatureFailure) in
            let list: RevocationList
            do {
                list = try RevocationList(derEncoded: PEMOrDER.derBytes(data, discriminator: "X509 CRL"))
            } catch {
                throw .badRevocationList
            }
            guard
                let signer = authorities.first(where: { $0.subject == list.issuer && list.isSigned(by: $0.publicKey) })
            else { throw .badRevocationList }
            return VerifiedRevocationList(list: list, signerKey: signer.publicKey)
        }
    }

    private static func certificates(pem: String) throws(SignatureFailure) -> [Certificate] {
        do {
            return try PEMDocument.parseMultiple(pemString: pem).map { try Certificate(pemDocument: $0) }
        } catch {
            throw .malformedCertificate
        }
    }
}

/// A CRL whose signature was checked, with the key that signed it.
struct VerifiedRevocationList: Sendable {
    var list: RevocationList
    var signerKey: Certificate.PublicKey

    /// Whether this CRL is authoritative for `certificate` (issued by `issuer`) and current at `time`: issued at
    /// or before it and not yet due for its next update. A CRL without nextUpdate is never current.
    func covers(_ certificate: Certificate, issuedBy issuer: Certificate, at time: Date) -> Bool {
        guard list.issuer == certificate.issuer, signerKey == issuer.publicKey, let next = list.nextUpdate else { return false }
        return list.thisUpdate <= time && time < next
    }
}
