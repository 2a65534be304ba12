import Foundation
import SwiftASN1
@_spi(FixedExpiryValidationTime) import X509

/// What a signature is for: the key usage of the certificate must allow it (RFC 5280 §4.2.1.3). The NCA RK issues
/// an authentication certificate (digitalSignature) and a signing one (nonRepudiation) to each person.
public enum EDSPurpose: Sendable, Equatable {
    /// Signing in: the signature proves who holds the key now (digitalSignature).
    case signIn
    /// Signing a document or an application's content: the person commits to it (nonRepudiation).
    case signing
}

extension EDSTrustStore {
    /// Verifies that `signature` over `message` was made with the key of a trusted, valid, unrevoked EDS
    /// `certificate` (DER or PEM) at `time`, and returns the signer's identity.
    ///
    /// Checks, in order: parse (`.malformedCertificate`); issued by a known CA (`.untrustedCertificate`);
    /// validity window (`.certificateExpired`, `.certificateNotYetValid`); full RFC 5280 chain
    /// (`.untrustedCertificate`); CRLs (`.certificateRevoked`); the signature (`.unsupportedAlgorithm`,
    /// `.badSignature`); the IIN (`.noIIN`).
    ///
    /// Fails closed: every certificate of the chain below the root must be covered by a current CRL of its issuer
    /// (thisUpdate ≤ time < nextUpdate), else `.revocationUnknown`; and the leaf's key usage must fit `purpose`,
    /// else `.keyUsageNotAllowed`.
    public func verify(
        certificate: Data, signature: Data, message: Data, at time: Date, purpose: EDSPurpose = .signIn
    ) async throws(SignatureFailure) -> EDSIdentity {
        let leaf: Certificate
        do {
            leaf = try Certificate(derEncoded: PEMOrDER.derBytes(certificate, discriminator: "CERTIFICATE"))
        } catch {
            throw .malformedCertificate
        }
        // A CA certificate is never a person's EDS, and without this the Verifier trusts a root presented as a leaf.
        guard !isAuthority(leaf), hasKnownIssuer(leaf) else { throw .untrustedCertificate }
        if time > leaf.notValidAfter { throw .certificateExpired }
        if time < leaf.notValidBefore { throw .certificateNotYetValid }
        let chain = try await validatedChain(leaf, at: time)
        for (certificate, issuer) in zip(chain, chain.dropFirst()) {
            let current = revocationLists.filter { $0.covers(certificate, issuedBy: issuer, at: time) }
            guard !current.isEmpty else { throw .revocationUnknown }
            if current.contains(where: { $0.list.lists(serial: certificate.serialNumber) }) { throw .certificateRevoked }
        }
        let keyAlgorithm = try MessageSignature.verify(signature, over: message, with: leaf.publicKey)
        guard let usage = try? leaf.extensions.keyUsage,
            purpose == .signIn ? usage.digitalSignature : usage.nonRepudiation
        else { throw .keyUsageNotAllowed }
        guard let iin = SubjectAttributes.iin(of: leaf.subject) else { throw .noIIN }
        return EDSIdentity(
            iin: iin,
            commonName: SubjectAttributes.commonName(of: leaf.subject),
            certificateSerial: SerialHex.string(leaf.serialNumber.bytes),
            keyAlgorithm: keyAlgorithm,
            notValidAfter: leaf.notValidAfter)
    }

    /// Builds and checks the chain leaf → (intermediates) → root with swift-certificates' RFC 5280 policy.
    private func validatedChain(_ leaf: Certificate, at time: Date) async throws(SignatureFailure) -> [Certificate] {
        var verifier = Verifier(rootCertificates: CertificateStore(roots)) {
            RFC5280Policy(fixedExpiryValidationTime: time)
        }
        let result = await verifier.validate(leaf: leaf, intermediates: CertificateStore(intermediates))
        guard case .validCertificate(let chain) = result, chain.count >= 2 else { throw .untrustedCertificate }
        return Array(chain)
    }

    /// Whether some known CA has the leaf's issuer name and a key that made the leaf's signature.
    private func hasKnownIssuer(_ leaf: Certificate) -> Bool {
        (roots + intermediates).contains {
            $0.subject == leaf.issuer && $0.publicKey.isValidSignature(leaf.signature, for: leaf)
        }
    }

    private func isAuthority(_ certificate: Certificate) -> Bool {
        guard case .isCertificateAuthority = try? certificate.extensions.basicConstraints else { return false }
        return true
    }
}
