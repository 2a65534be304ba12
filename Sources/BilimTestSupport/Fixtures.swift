import BilimCore
import BilimServices
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
