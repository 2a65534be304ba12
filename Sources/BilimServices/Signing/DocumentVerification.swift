import BilimCore
import BilimSigning
import BilimStore
import Crypto
import Foundation
import Logging

/// What `/verify` tells anyone: whether a document is genuine (Bilim's signature), unchanged (exactly what Bilim
/// issued under its number) and still valid (not superseded or revoked) — and only what the document itself says.
package struct VerificationResult: Encodable, Sendable {
    package let number: String
    /// Absent on a lookup by number without its check code: that says only whether the document is valid.
    package let kind: String?
    package let genuine: Bool
    package let unchanged: Bool
    package let status: String
    package let statusReason: String?
    package let statusChangedAt: String?
    package let issuedAt: String?
    /// The signed content itself (absent when only the number was given without its check code).
    package let content: String?
}

package struct DocumentVerification: Sendable {
    package let deps: ServiceDependencies

    package init(_ deps: ServiceDependencies) { self.deps = deps }

    /// Checks a signed document as presented (its compact JWS text).
    package func verify(document text: String) async throws -> VerificationResult {
        let compact = text.filter { !$0.isWhitespace }
        let repo = SignedDocumentRepository(db: deps.database.sql)
        var keys: [String: P256.Signing.PublicKey] = [:]
        for k in try await repo.keys() { keys[k.id] = try? P256.Signing.PublicKey(pemRepresentation: k.publicKeyPem) }
        let verified: VerifiedJWS
        do {
            verified = try JWSVerifier(keys: keys).verify(compact)
        } catch {
            deps.logger.notice("verification refused", metadata: ["reason": .string("\(error)")])
            switch error {
            case .malformed, .unsupportedAlgorithm: throw DomainError(.verifyMalformed, field: "document")
            default: throw DomainError(.verifyTampered, field: "document")
            }
        }
        struct Numbered: Decodable {
            let number: String?
            let credentialStatus: [String: String]?
        }
        let n = try? JSONDecoder().decode(Numbered.self, from: verified.payload)
        guard let number = n?.number ?? n?.credentialStatus?["statusNumber"], let row = try await repo.find(number: number) else {
            throw DomainError(.verifyNotFound, field: "document")
        }
        let unchanged = SHA256.hash(data: Data(compact.utf8)).hex == row.contentSha256
        return VerificationResult(
            number: row.number, kind: row.kind, genuine: true, unchanged: unchanged, status: row.status,
            statusReason: row.statusReason, statusChangedAt: row.statusChangedAt, issuedAt: row.issuedAt,
            content: String(decoding: verified.payload, as: UTF8.self))
    }

    /// Looks a document up by the number printed on it (the QR code's link). Without the check code printed next
    /// to it, only the status is told: numbers run in sequence, content must not be guessable.
    package func lookup(number: String, check: String?) async throws -> VerificationResult {
        guard let row = try await SignedDocumentRepository(db: deps.database.sql).find(number: number.trimmingSpaces) else {
            throw DomainError(.verifyNotFound, field: "number")
        }
        let known = check.map { OTPSignIn.constantTimeEqual(String($0.trimmingSpaces.uppercased().prefix(64)), row.checkCode) } ?? false
        guard known else {
            // Without the check code printed next to the number: whether such a document is valid, nothing more.
            return VerificationResult(
                number: row.number, kind: nil, genuine: true, unchanged: true, status: row.status, statusReason: nil,
                statusChangedAt: nil, issuedAt: nil, content: nil)
        }
        let payload = row.jws.split(separator: ".").dropFirst().first.flatMap { Base64URL.decode(String($0)) }
        return VerificationResult(
            number: row.number, kind: row.kind, genuine: true, unchanged: true, status: row.status, statusReason: row.statusReason,
            statusChangedAt: row.statusChangedAt, issuedAt: row.issuedAt, content: payload.map { String(decoding: $0, as: UTF8.self) })
    }
}
