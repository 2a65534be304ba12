import BilimCore
import BilimStore
import Foundation
import HummingbirdBcrypt
import NIOPosix

/// Password sign-in for staff (bcrypt), limited per login and per address: past `maxFailures` refusals a key is
/// locked out, for a minute and then twice as long at each further refusal (at most an hour); the administrator can
/// lift a login's lock-out. Refusals are counted by one atomic upsert, so parallel guesses all count.
package struct StaffSignIn: Sendable {
    package let database: Database
    package let clock: any Clock
    package let localTime: LocalTime

    /// Refusals before a lock-out: per login, and per address (an office behind one address has many staff).
    package static let maxFailures = 5
    package static let maxAddressFailures = 30
    package static let firstLockout: TimeInterval = 60
    package static let longestLockout: TimeInterval = 3600

    package init(database: Database, clock: any Clock = SystemClock(), localTime: LocalTime = .almaty) {
        self.database = database
        self.clock = clock
        self.localTime = localTime
    }

    /// The user, or `signIn.failed` for an unknown login, a wrong password or a disabled account alike, so that
    /// the answer does not tell which logins exist; `signIn.locked` while the login or the address is locked out.
    package func signIn(login raw: String, password: String, address: String = "unknown") async throws -> UserRow {
        let login = String(raw.trimmingSpaces.lowercased().prefix(200))
        let now = clock.now()
        let throttles = ThrottleRepository(db: database.sql)
        let keys = ["login:\(login)", "address:\(address)"]
        for key in keys {
            if let until = try await throttles.lockedUntil(key), let date = Instant.date(until), date > now {
                let l = localTime.local(date)
                throw DomainError(
                    .signInLocked, field: "password", ["until": "\(l.date.iso) \(Digits.pad(l.time.hour, 2)):\(Digits.pad(l.time.minute, 2))"])
            }
        }
        let user = try await ReferenceRepository(db: database.sql).user(login: login)
        // Verify against a fixed hash when the login is unknown, so both paths take the same time.
        let hash = user?.passwordHash ?? StaffSignIn.decoyHash
        let ok = try await PasswordHashing.verify(password, hash: hash)
        guard let user, ok, user.passwordHash != nil, user.disabledAt == nil else {
            for (key, limit) in zip(keys, [Self.maxFailures, Self.maxAddressFailures]) {
                let failures = try await throttles.countFailure(key, now: now)
                if failures >= limit {
                    try await throttles.lock(key, until: now.addingTimeInterval(Self.lockout(failures: failures, limit: limit)))
                }
            }
            throw DomainError(.signInFailed, field: "password")
        }
        try await throttles.clear(keys[0])
        return user
    }

    /// A minute at the limit, doubling with each refusal past it, at most an hour.
    package static func lockout(failures: Int, limit: Int) -> TimeInterval {
        let over = min(max(failures - limit, 0), 6)
        return min(firstLockout * Double(1 << over), longestLockout)
    }

    /// The administrator lifts a login's lock-out; true when there was one.
    package func lift(login: String, by actor: Actor) async throws -> Bool {
        guard actor.role == .administrator else { throw DomainError(.forbidden) }
        return try await ThrottleRepository(db: database.sql).clear("login:\(login.trimmingSpaces.lowercased())")
    }

    package static func hash(_ password: String) -> String { Bcrypt.hash(password, cost: 10) }

    private static let decoyHash = "$2b$10$CwTycUXWue0Thq9StjUM0uJ8.Vjz2Dpw5qP1KJcdkn2uHDqNwFWG6"
}

/// bcrypt takes tens of milliseconds of CPU: it runs on NIO's blocking thread pool, not on the cooperative pool
/// that serves every other request, and at most `maxConcurrent` at once (more wait their turn).
package enum PasswordHashing {
    package static let maxConcurrent = max(1, ProcessInfo.processInfo.activeProcessorCount)
    static let slots = AsyncSemaphore(maxConcurrent)

    package static func verify(_ password: String, hash: String) async throws -> Bool {
        let password = String(password.prefix(1024))
        await slots.wait()
        defer { Task { await slots.signal() } }
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }
}

/// A counting semaphore for async code.
package actor AsyncSemaphore {
    private var available: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []

    package init(_ count: Int) { available = count }

    package func wait() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    package func signal() {
        if waiters.isEmpty { available += 1 } else { waiters.removeFirst().resume() }
    }
}
