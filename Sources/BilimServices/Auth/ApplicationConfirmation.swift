import BilimSigning
import BilimCore
import BilimStore
import Crypto
import Foundation
import Logging
import SQLKit

/// What an applicant confirms: the application's fields in one canonical form (sorted keys, no insignificant
/// spaces), the attached file by its SHA-256.
package struct ConfirmedContent: Codable, Hashable, Sendable {
    package var service: String
    package var applicantIIN: String
    package var providerId: String?
    package var documentId: String?
    package var documents: [String]?
    package var reason: String?
    package var pickupOfficeId: String?
    package var changes: [RequestedChange]?
    package var consent: Bool
    package var attachmentSha256: String?
    /// TVET admission (S4): the ranked choices, the quota or out-of-competition claim, dormitory and meals (003 §12).
    package var choices: [String]?
    package var quotaCategory: String?
    package var outOfCompetition: Bool?
    package var dormitory: Bool?
    package var meals: Bool?
    /// The education contract (S4, 003 §12): the SHA-256 of the exact text the applicant read and signs.
    package var contractSha256: String?

    package init(
        service: String, applicantIIN: String, providerId: String? = nil, documentId: String? = nil,
        documents: [String]? = nil, reason: String? = nil, pickupOfficeId: String? = nil, changes: [RequestedChange]? = nil,
        consent: Bool, attachmentSha256: String? = nil, choices: [String]? = nil, quotaCategory: String? = nil,
        outOfCompetition: Bool? = nil, dormitory: Bool? = nil, meals: Bool? = nil, contractSha256: String? = nil
    ) {
        self.contractSha256 = contractSha256
        self.choices = choices
        self.quotaCategory = quotaCategory
        self.outOfCompetition = outOfCompetition
        self.dormitory = dormitory
        self.meals = meals
        self.service = service
        self.applicantIIN = applicantIIN
        self.providerId = providerId
        self.documentId = documentId
        self.documents = documents
        self.reason = reason
        self.pickupOfficeId = pickupOfficeId
        self.changes = changes
        self.consent = consent
        self.attachmentSha256 = attachmentSha256
    }

    package var canonical: Data { Canonical.json(self) }
    package var sha256: String { SHA256.hash(data: canonical).hex }

    /// The exact bytes an EDS signs to confirm: the challenge's nonce and the content, canonical.
    package func toSign(nonce: String) -> Data {
        Canonical.json(ToSign(challenge: nonce, content: self))
    }

    private struct ToSign: Encodable {
        var challenge: String
        var content: ConfirmedContent
    }
}

/// Canonical JSON: sorted keys, no escaped slashes, no spaces.
package enum Canonical {
    package static func json(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)) ?? Data()
    }
}

/// The applicant's proof that they confirm this content: a one-time code sent for it, or an EDS signature over it.
package enum ConfirmationProof: Sendable {
    case otp(challengeId: String, code: String)
    case eds(challengeId: String, certificate: Data, signature: Data)
}

/// A challenge issued for confirming an application.
package struct PreparedConfirmation: Sendable, Encodable {
    package let challengeId: String
    package let method: String
    /// For EDS: the exact text to sign.
    package let toSign: String?
    package let contentSha256: String
    package let expiresAt: String
}

/// A checked proof, recorded with the case when it is registered.
package struct VerifiedConfirmation: Sendable {
    package let method: String
    package let challengeId: String
    package let content: Data
    package let contentSha256: String
    package let certificateSerial: String?
    package let certificatePEM: String?
    package let signature: String?
}

/// Confirming a portal application: every electronic application is certified by an EDS or by a one-time password
/// sent to the phone registered for the applicant. (000 List item 8) (002 List item 10) (003 Annex 1 item 10)
package struct ApplicationConfirmation: Sendable {
    package static let lifetimeSeconds = 300
    package let deps: ServiceDependencies

    package init(_ deps: ServiceDependencies) { self.deps = deps }

    /// Issues a challenge for this content. For a one-time code, the code goes by SMS to the phone registered for
    /// the person signed in (a parent confirms their child's application with their own phone), or at the college's
    /// desk to the applicant's own registered phone.
    package func prepare(
        _ content: ConfirmedContent, method: String, actor: Actor, gateway: any SMSGateway,
        what: String = "өтінішті растау коды / код подтверждения заявления", codeSource: () -> String = OTPSignIn.randomCode
    ) async throws -> PreparedConfirmation {
        let person = try Self.signer(of: content, actor: actor)
        let now = deps.clock.now()
        let id = deps.ids.make()
        let nonce = Self.nonce()
        let expires = now.addingTimeInterval(TimeInterval(Self.lifetimeSeconds))
        switch method {
        case "otp":
            guard let phone = try await deps.identity.person(iin: person)?.phone, !phone.isEmpty else {
                throw DomainError(.otpNoPhone, field: "method", ref: "000 List item 8")
            }
            let code = codeSource()
            try await ChallengeRepository(db: deps.database.sql).insert(
                ChallengeRow(
                    id: id, purpose: "confirm", method: "otp", nonce: nonce, contentSha256: content.sha256, userId: actor.userId,
                    codeHash: OTPSignIn.hash(code, salt: id), createdAt: now, expiresAt: expires))
            try await gateway.send(key: "confirm:\(id)", phone: phone, text: "Bilim: \(code) — \(what). 5 мин.")
            return PreparedConfirmation(
                challengeId: id, method: method, toSign: nil, contentSha256: content.sha256, expiresAt: Instant.text(expires))
        case "eds":
            try await ChallengeRepository(db: deps.database.sql).insert(
                ChallengeRow(
                    id: id, purpose: "confirm", method: "eds", nonce: nonce, contentSha256: content.sha256, userId: actor.userId,
                    codeHash: nil, createdAt: now, expiresAt: expires))
            return PreparedConfirmation(
                challengeId: id, method: method, toSign: String(decoding: content.toSign(nonce: nonce), as: UTF8.self),
                contentSha256: content.sha256, expiresAt: Instant.text(expires))
        default:
            throw DomainError(.requestInvalid, field: "method", ["field": "method"])
        }
    }

    /// Checks the proof against the content as submitted now; nothing is written except a wrong code's count.
    package func verify(_ proof: ConfirmationProof?, content: ConfirmedContent, actor: Actor) async throws -> VerifiedConfirmation {
        guard let proof else { throw DomainError(.confirmationRequired, field: "confirmation", ref: "000 List item 8") }
        let now = deps.clock.now()
        let repo = ChallengeRepository(db: deps.database.sql)
        let challengeId: String
        switch proof {
        case .otp(let id, _), .eds(let id, _, _): challengeId = id
        }
        guard let challenge = try await repo.find(id: challengeId), challenge.purpose == "confirm",
            challenge.userId == actor.userId, challenge.usedAt == nil, challenge.failures < OTPPolicy.maxFailures,
            let expires = Instant.date(challenge.expiresAt), now < expires
        else {
            deps.logger.notice("confirmation refused", metadata: ["reason": "challenge-invalid"])
            throw DomainError(.challengeInvalid, field: "confirmation")
        }
        guard challenge.contentSha256 == content.sha256 else {
            deps.logger.notice("confirmation refused", metadata: ["reason": "content-changed"])
            throw DomainError(.confirmationContentChanged, field: "confirmation")
        }
        switch proof {
        case .otp(_, let code):
            guard challenge.method == "otp", let hash = challenge.codeHash else { throw DomainError(.challengeInvalid, field: "confirmation") }
            // Counted before the comparison, atomically: 40 codes sent at once compare at most `maxFailures`.
            guard let checks = try await repo.countAttempt(id: challenge.id, limit: OTPPolicy.maxFailures) else {
                deps.logger.notice("confirmation refused", metadata: ["reason": "attempts-exhausted"])
                throw DomainError(.challengeInvalid, field: "confirmation")
            }
            guard OTPPolicy.isWellFormed(code), OTPSignIn.constantTimeEqual(OTPSignIn.hash(code, salt: challenge.id), hash) else {
                deps.logger.notice("confirmation refused", metadata: ["reason": "wrong-code"])
                throw DomainError(.otpWrong, field: "code", ["left": String(max(0, OTPPolicy.maxFailures - checks))])
            }
            return VerifiedConfirmation(
                method: "otp", challengeId: challenge.id, content: content.canonical, contentSha256: content.sha256,
                certificateSerial: nil, certificatePEM: nil, signature: nil)
        case .eds(_, let certificate, let signature):
            guard challenge.method == "eds" else { throw DomainError(.challengeInvalid, field: "confirmation") }
            let signer = try await deps.eds.verify(
                certificate: certificate, signature: signature, message: content.toSign(nonce: challenge.nonce), at: now, purpose: .signing)
            guard signer.iin == (try Self.signer(of: content, actor: actor)) else {
                deps.logger.notice("confirmation refused", metadata: ["reason": "wrong-person"])
                throw DomainError(.edsWrongPerson, field: "certificate")
            }
            return VerifiedConfirmation(
                method: "eds", challengeId: challenge.id, content: content.canonical, contentSha256: content.sha256,
                certificateSerial: signer.certificateSerial, certificatePEM: signer.certificatePEM,
                signature: signature.base64EncodedString())
        }
    }

    /// Records the confirmation with the case inside the intake's transaction; the challenge is spent in the same
    /// statement that checks it is unspent, so a replay loses.
    package static func record(_ c: VerifiedConfirmation, caseId: String, now: Date, db: any SQLDatabase) async throws {
        try await spend(c, now: now, db: db)
        try await ChallengeRepository(db: db).insert(
            ConfirmationRow(
                caseId: caseId, method: c.method, contentSha256: c.contentSha256, content: String(decoding: c.content, as: UTF8.self),
                challengeId: c.challengeId, certificateSerial: c.certificateSerial, certificatePem: c.certificatePEM,
                signature: c.signature, confirmedAt: Instant.text(now)))
    }

    /// Records an admission application's confirmation inside its transaction, spending the challenge in the
    /// statement that checks it is unspent; `notice` is the notice or receipt that answered the application.
    package static func recordAdmission(
        _ c: VerifiedConfirmation, applicationId: String, notice: String, now: Date, db: any SQLDatabase
    ) async throws {
        try await spend(c, now: now, db: db)
        try await db.insert(into: "admission_confirmations")
            .columns(
                "application_id", "method", "content_sha256", "content", "challenge_id", "certificate_serial", "certificate_pem", "signature",
                "notice_number", "confirmed_at")
            .values(
                SQLBind(applicationId), SQLBind(c.method), SQLBind(c.contentSha256), SQLBind(String(decoding: c.content, as: UTF8.self)),
                SQLBind(c.challengeId), SQLBind(c.certificateSerial), SQLBind(c.certificatePEM), SQLBind(c.signature), SQLBind(notice),
                SQLBind(Instant.text(now)))
            .run()
    }

    /// Spends the proof's challenge inside the caller's transaction, in the statement that checks it is unspent: a
    /// replay loses.
    package static func spend(_ c: VerifiedConfirmation, now: Date, db: any SQLDatabase) async throws {
        guard try await ChallengeRepository(db: db).use(id: c.challengeId, now: now) else {
            throw DomainError(.challengeInvalid, field: "confirmation")
        }
    }

    /// Whose confirmation a content needs: an applicant confirms with their own phone or EDS (a parent for their
    /// child too); at the college's desk (S4, 003 §12) it is the applicant in person, never the staff member.
    static func signer(of content: ConfirmedContent, actor: Actor) throws(DomainError) -> String {
        switch actor.role {
        case .applicant:
            guard let person = actor.personIIN else { throw DomainError(.forbidden, field: "method") }
            return person
        case .providerStaff where content.service == ServiceID.s4.rawValue && actor.organizationId != nil && content.providerId == actor.organizationId:
            return content.applicantIIN
        default:
            throw DomainError(.forbidden, field: "method")
        }
    }

    package static func nonce() -> String {
        var g = SystemRandomNumberGenerator()
        return (0..<24).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &g)) }.joined()
    }
}
