import BilimCore
import BilimServices
import BilimStore
import Foundation
import InMemoryLogging
import Logging

/// A clock stopped at a fixed instant; `.t0` is a Tuesday 10:00 in Almaty.
package struct FixedClock: Clock {
    package let instant: Date
    package init(_ instant: Date) { self.instant = instant }
    package func now() -> Date { instant }

    /// 2025-03-18T10:00+05:00.
    package static let t0 = FixedClock(Date(timeIntervalSince1970: 1_742_274_000))
}

/// Sequential ids: `id-1`, `id-2`, …
package final class SequentialIDs: IDGenerator, @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    package init() {}
    package func make() -> String {
        lock.lock()
        defer { lock.unlock() }
        next += 1
        return "id-\(next)"
    }
}

/// A logger that keeps every entry, to check what the logs contain.
package struct CapturedLogs: Sendable {
    package let handler = InMemoryLogHandler()
    package init() {}

    package var logger: Logger {
        var l = Logger(label: "bilim.test") { _ in handler }
        l.logLevel = .trace
        return l
    }

    /// Every message and metadata value, flattened to text.
    package var text: String {
        handler.entries.map { e in
            "\(e.level) \(e.message) " + e.metadata.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " ")
        }.joined(separator: "\n")
    }
}

/// A clock a scenario moves forward by hand.
package final class MovableClock: Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    package init(_ start: Date) { current = start }

    /// A clock at a local Almaty moment, e.g. "2025-03-03T10:00" (UTC+5 from March 2024, UTC+6 before).
    package convenience init(almaty text: String) {
        let offset = text < "2024-03-01" ? "+06:00" : "+05:00"
        self.init(try! Date.ISO8601FormatStyle().parse(text + ":00" + offset))
    }

    package func now() -> Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    package func set(almaty text: String) {
        let offset = text < "2024-03-01" ? "+06:00" : "+05:00"
        let date = try! Date.ISO8601FormatStyle().parse(text + ":00" + offset)
        lock.lock()
        current = date
        lock.unlock()
    }
}

/// Submits an application the way the portal does: a portal application is first confirmed with a one-time code
/// (known to the test); desk applications go straight in.
package struct ConfirmedIntake: Sendable {
    package let deps: ServiceDependencies
    package static let code = "424242"

    /// The code is known to the test, so the SMS carrying it is not kept: SMS counts in tests stay those of the case.
    let gateway = DiscardingGateway()

    package init(_ deps: ServiceDependencies) { self.deps = deps }

    package func submit(_ a: Application, by actor: Actor) async throws -> IntakeOutcome {
        guard a.channel == .portal else { return try await ApplicationIntake(deps).submit(a, by: actor) }
        let prepared = try await ApplicationConfirmation(deps).prepare(
            a.content, method: "otp", actor: actor, gateway: gateway, codeSource: { Self.code })
        return try await ApplicationIntake(deps).submit(
            a, by: actor, confirmation: .otp(challengeId: prepared.challengeId, code: Self.code))
    }

    package func submit(_ a: CorrectionApplication, by actor: Actor) async throws -> IntakeOutcome {
        let doc = try await DocumentRegistryRepository(db: deps.database.sql).document(id: a.documentId)
        let prepared = try await ApplicationConfirmation(deps).prepare(
            a.content(applicantIIN: doc?.holderIin ?? ""), method: "otp", actor: actor, gateway: gateway, codeSource: { Self.code })
        return try await CorrectionIntake(deps).submit(
            a, by: actor, confirmation: .otp(challengeId: prepared.challengeId, code: Self.code))
    }
}

/// An SMS gateway that drops every message.
package struct DiscardingGateway: SMSGateway {
    package init() {}
    package func send(key: String, phone: String, text: String) async throws {}
}
