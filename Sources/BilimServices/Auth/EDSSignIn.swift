import BilimSigning
import BilimCore
import BilimStore
import Foundation
import Logging

/// A server challenge for signing in with an EDS.
package struct SignInChallenge: Encodable, Sendable {
    package let challengeId: String
    /// The exact text to sign.
    package let toSign: String
    package let expiresAt: String
}

/// Applicants sign in with an EDS: the person's certificate signs a fresh server challenge; the certificate chain,
/// dates, revocation and signature are checked and the IIN comes from the certificate's subject. A challenge works
/// once and for five minutes. (000 List item 8) (002 List item 10) (003 Annex 1 item 10)
package struct EDSSignIn: Sendable {
    package let deps: ServiceDependencies

    package init(_ deps: ServiceDependencies) { self.deps = deps }

    /// Open sign-in challenges the database holds at most: each is made on demand, by a request nobody has
    /// authenticated, so their number is bounded (expired ones are purged by `MaintenanceWorker`).
    package static let maxOpenChallenges = 10_000

    package func challenge() async throws -> SignInChallenge {
        let now = deps.clock.now()
        guard try await ExpiredRecords(db: deps.database.sql).openSignInChallenges(now: now) < Self.maxOpenChallenges else {
            throw DomainError(.challengeBusy, field: "challengeId")
        }
        let id = deps.ids.make()
        let nonce = ApplicationConfirmation.nonce()
        let expires = now.addingTimeInterval(TimeInterval(ApplicationConfirmation.lifetimeSeconds))
        try await ChallengeRepository(db: deps.database.sql).insert(
            ChallengeRow(
                id: id, purpose: "sign-in", method: "eds", nonce: nonce, contentSha256: nil, userId: nil, codeHash: nil,
                createdAt: now, expiresAt: expires))
        return SignInChallenge(challengeId: id, toSign: Self.text(nonce), expiresAt: Instant.text(expires))
    }

    static func text(_ nonce: String) -> String { "bilim:sign-in:\(nonce)" }

    /// Checks the signature and returns the applicant's user (created on first sign-in).
    package func verify(challengeId: String, certificate: Data, signature: Data) async throws -> UserRow {
        let now = deps.clock.now()
        let repo = ChallengeRepository(db: deps.database.sql)
        guard let c = try await repo.find(id: challengeId), c.purpose == "sign-in", c.usedAt == nil,
            let expires = Instant.date(c.expiresAt), now < expires
        else {
            deps.logger.notice("EDS sign-in refused", metadata: ["reason": "challenge-invalid"])
            throw DomainError(.challengeInvalid, field: "challengeId")
        }
        let signer = try await deps.eds.verify(certificate: certificate, signature: signature, message: Data(Self.text(c.nonce).utf8), at: now, purpose: .signIn)
        let iin = try IIN(signer.iin, today: deps.today)
        // Spent in the statement that checks it is unspent: a replayed signature loses.
        guard try await repo.use(id: c.id, now: now) else { throw DomainError(.challengeInvalid, field: "challengeId") }
        return try await OTPSignIn.applicantUser(iin: iin, now: now, deps: deps)
    }
}
