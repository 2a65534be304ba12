import BilimCore
import BilimStore
import Crypto
import Foundation
import Logging

/// Applicants sign in with a one-time password: the IIN's registered phone gets a random six-digit code by SMS;
/// the database keeps only its hash; a code works once, for five minutes; wrong codes and requests are limited per
/// IIN and per address, with a lock-out that says when to try again. (000 List item 8) (002 List item 10)
package struct OTPSignIn: Sendable {
    package let deps: ServiceDependencies
    package let gateway: any SMSGateway

    package init(_ deps: ServiceDependencies, gateway: any SMSGateway) {
        self.deps = deps
        self.gateway = gateway
    }

    /// Sends a code; `codeSource` exists so tests can know the code, production draws it at random.
    package func request(iin raw: String, address: String, codeSource: () -> String = OTPSignIn.randomCode) async throws {
        let iin = try IIN(raw.trimmingSpaces, today: deps.today)
        let now = deps.clock.now()
        try await checkLock(iin.digits, now: now)
        let repo = OTPRepository(db: deps.database.sql)
        if let last = try await repo.latest(iin: iin.digits), let at = Instant.date(last.createdAt) {
            let wait = Int((at.addingTimeInterval(TimeInterval(OTPPolicy.resendSeconds)).timeIntervalSince(now)).rounded(.up))
            if wait > 0 { throw DomainError(.otpTooSoon, field: "iin", ["seconds": String(wait)]) }
        }
        let windowStart = now.addingTimeInterval(-TimeInterval(OTPPolicy.windowSeconds))
        if try await repo.requests(address: address, since: windowStart) >= OTPPolicy.maxRequestsPerAddress {
            throw DomainError(.otpTooSoon, field: "iin", ["seconds": String(OTPPolicy.windowSeconds)])
        }
        guard let phone = try await deps.identity.person(iin: iin.digits)?.phone, !phone.isEmpty else {
            throw DomainError(.otpNoPhone, field: "iin", ref: "000 List item 8")
        }
        let id = deps.ids.make()
        let code = codeSource()
        try await repo.insert(
            OTPChallengeRow(
                id: id, iin: iin.digits, address: address, codeHash: Self.hash(code, salt: id), createdAt: now,
                expiresAt: now.addingTimeInterval(TimeInterval(OTPPolicy.lifetimeSeconds))))
        let text = "Bilim: \(code) — кіру коды / код входа. 5 мин."
        try await gateway.send(key: "otp:\(id)", phone: phone, text: text)
    }

    /// Checks a code and returns the applicant's user (created on first sign-in).
    package func verify(iin raw: String, code: String, address: String) async throws -> UserRow {
        let iin = try IIN(raw.trimmingSpaces, today: deps.today)
        let now = deps.clock.now()
        try await checkLock(iin.digits, now: now)
        let repo = OTPRepository(db: deps.database.sql)
        guard let challenge = try await repo.latest(iin: iin.digits), challenge.usedAt == nil,
            let expires = Instant.date(challenge.expiresAt), now < expires
        else {
            deps.logger.notice("one-time password refused", metadata: ["reason": "expired-or-used"])
            throw DomainError(.otpExpired, field: "code")
        }
        // The check is counted before the code is compared, by one statement that refuses past the limit: 50
        // guesses sent at once compare at most `maxFailures` codes.
        guard let checks = try await repo.countAttempt(id: challenge.id, limit: OTPPolicy.maxFailures) else {
            deps.logger.notice("one-time password refused", metadata: ["reason": "attempts-exhausted"])
            throw try await lockOut(iin.digits, now: now)
        }
        let matches = OTPPolicy.isWellFormed(code) && Self.constantTimeEqual(Self.hash(code, salt: challenge.id), challenge.codeHash)
        guard matches else {
            let failures = try await repo.failures(iin: iin.digits, since: now.addingTimeInterval(-TimeInterval(OTPPolicy.windowSeconds)))
            deps.logger.notice("one-time password refused", metadata: ["reason": "wrong-code"])
            if failures >= OTPPolicy.maxFailures || checks >= OTPPolicy.maxFailures { throw try await lockOut(iin.digits, now: now) }
            throw DomainError(.otpWrong, field: "code", ["left": String(OTPPolicy.maxFailures - max(failures, checks))])
        }
        guard try await repo.use(id: challenge.id, now: now) else { throw DomainError(.otpExpired, field: "code") }
        return try await Self.applicantUser(iin: iin, now: now, deps: deps)
    }

    /// Locks the IIN out for `lockoutSeconds` and returns the error that says until when.
    private func lockOut(_ iin: String, now: Date) async throws -> DomainError {
        let until = now.addingTimeInterval(TimeInterval(OTPPolicy.lockoutSeconds))
        try await OTPRepository(db: deps.database.sql).lock(iin: iin, until: until)
        return DomainError(.otpLocked, field: "code", ["until": Self.local(until, deps)])
    }

    private func checkLock(_ iin: String, now: Date) async throws {
        if let until = try await OTPRepository(db: deps.database.sql).lockedUntil(iin: iin), let date = Instant.date(until), date > now {
            throw DomainError(.otpLocked, field: "code", ["until": Self.local(date, deps)])
        }
    }

    /// The applicant's user for an IIN proven by a code or an EDS, created on first sign-in.
    package static func applicantUser(iin: IIN, now: Date, deps: ServiceDependencies) async throws -> UserRow {
        let ref = ReferenceRepository(db: deps.database.sql)
        if let user = try await ref.user(login: "iin:\(iin.digits)") { return user }
        if let existing = try await ref.applicantUser(personIIN: iin.digits) { return existing }
        let person = try await deps.identity.person(iin: iin.digits)
        let name = person.map { [$0.surname, $0.givenName, $0.patronymic].compactMap { $0 }.joined(separator: " ") } ?? iin.masked
        let user = UserRow(
            id: deps.ids.make(), login: "iin:\(iin.digits)", passwordHash: nil, role: .applicant, organizationId: nil,
            regionCode: nil, personIin: person == nil ? nil : iin.digits, displayName: name, language: .kk, createdAt: now)
        do {
            try await ref.insert(user)
        } catch where Database.isUniqueViolation(error) {
            // Two first sign-ins at once: the other made the user; it is the same person's.
            if let made = try await ref.user(login: user.login) { return made }
            throw error
        }
        return user
    }

    package static func randomCode() -> String {
        var g = SystemRandomNumberGenerator()
        return (0..<OTPPolicy.length).map { _ in String(Int.random(in: 0...9, using: &g)) }.joined()
    }

    static func hash(_ code: String, salt: String) -> String {
        SHA256.hash(data: Data("\(salt):\(code)".utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    static func local(_ date: Date, _ deps: ServiceDependencies) -> String {
        let l = deps.localTime.local(date)
        return "\(l.date.iso) \(Digits.pad(l.time.hour, 2)):\(Digits.pad(l.time.minute, 2))"
    }
}
