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
