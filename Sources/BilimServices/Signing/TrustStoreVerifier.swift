import BilimCore
import BilimSigning
import Foundation
import Logging

/// Checks EDS certificates with the configured trust store (root certificates and revocation lists).
package struct TrustStoreVerifier: CertificateVerifier {
    package let store: EDSTrustStore
    package let logger: Logger

    package init(store: EDSTrustStore, logger: Logger) {
        self.store = store
        self.logger = logger
    }

    /// Loads `ca.pem` (roots, concatenated PEM) and every `*.crl` file from a directory.
    package static func load(directory: URL, logger: Logger) throws -> TrustStoreVerifier {
        let roots = try String(contentsOf: directory.appendingPathComponent("ca.pem"), encoding: .utf8)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".crl") }.sorted()
        let lists = try files.map { try Data(contentsOf: directory.appendingPathComponent($0)) }
        do {
            return TrustStoreVerifier(store: try EDSTrustStore(rootCertificatesPEM: roots, revocationLists: lists), logger: logger)
        } catch {
            throw DomainError(.passportInvalid, ["detail": "EDS trust store in \(directory.path): \(error)"])
        }
    }

    package func verify(certificate: Data, signature: Data, message: Data, at time: Date, purpose: EDSPurpose) async throws -> VerifiedSigner {
        do {
            let id = try await store.verify(certificate: certificate, signature: signature, message: message, at: time, purpose: purpose)
            let text = String(decoding: certificate, as: UTF8.self)
            let pem = text.hasPrefix("-----BEGIN")
                ? text : "-----BEGIN CERTIFICATE-----\n\(certificate.base64EncodedString(options: .lineLength64Characters))\n-----END CERTIFICATE-----"
            return VerifiedSigner(
                iin: id.iin, commonName: id.commonName, certificateSerial: id.certificateSerial, keyAlgorithm: id.keyAlgorithm,
                certificatePEM: pem)
        } catch {
            // Logged without personal data: only the kind of failure.
            logger.notice("EDS refused", metadata: ["reason": .string("\(error)")])
            throw Self.domainError(error)
        }
    }

    static func domainError(_ f: SignatureFailure) -> DomainError {
        switch f {
        case .malformedCertificate, .malformed: DomainError(.edsMalformedCertificate, field: "certificate")
        case .untrustedCertificate, .unknownKey, .badRevocationList: DomainError(.edsUntrusted, field: "certificate")
        case .certificateExpired: DomainError(.edsExpired, field: "certificate")
        case .certificateNotYetValid: DomainError(.edsNotYetValid, field: "certificate")
        case .certificateRevoked: DomainError(.edsRevoked, field: "certificate")
        case .badSignature: DomainError(.edsBadSignature, field: "signature")
        case .unsupportedAlgorithm: DomainError(.edsUnsupported, field: "certificate")
        case .noIIN: DomainError(.edsNoIIN, field: "certificate")
        case .revocationUnknown: DomainError(.edsRevocationUnknown, field: "certificate")
        case .keyUsageNotAllowed: DomainError(.edsKeyUsage, field: "certificate")
        }
    }
}
