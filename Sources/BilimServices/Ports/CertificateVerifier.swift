import BilimSigning
import Foundation

/// The person an EDS certificate names, once its chain, dates, revocation and signature were checked.
package struct VerifiedSigner: Sendable, Hashable {
    package var iin: String
    package var commonName: String?
    package var certificateSerial: String
    package var keyAlgorithm: String
    package var certificatePEM: String

    package init(iin: String, commonName: String?, certificateSerial: String, keyAlgorithm: String, certificatePEM: String) {
        self.iin = iin
        self.commonName = commonName
        self.certificateSerial = certificateSerial
        self.keyAlgorithm = keyAlgorithm
        self.certificatePEM = certificatePEM
    }
}

/// Checks an EDS signature made with a person's certificate. Failures are `DomainError`s with the eds.* codes.
package protocol CertificateVerifier: Sendable {
    /// `purpose`: signing in (the certificate's key usage must allow digitalSignature) or signing content
    /// (nonRepudiation).
    func verify(certificate: Data, signature: Data, message: Data, at time: Date, purpose: EDSPurpose) async throws -> VerifiedSigner
}
