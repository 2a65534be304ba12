import BilimCore
import Foundation
import Synchronization

/// A fixed-window limit per client address, kept in this node's memory: enough to stop one client from walking
/// through document numbers (each node limits on its own; behind N nodes a client gets at most N times the limit).
/// The table holds at most `maxClients` addresses; past that a new window starts for everyone.
package final class LookupLimiter: Sendable {
    package let limit: Int
    package let window: TimeInterval
    let maxClients: Int
    private let state = Mutex<(start: Date, counts: [String: Int])>((Date.distantPast, [:]))

    package init(limit: Int = 60, window: TimeInterval = 60, maxClients: Int = 100_000) {
        self.limit = limit
        self.window = window
        self.maxClients = maxClients
    }

    /// Counts one lookup; refuses with `verify.tooMany` (429) past the limit in the current window.
    package func admit(_ client: String, now: Date) throws(DomainError) {
        let allowed = state.withLock { s -> Bool in
            if now.timeIntervalSince(s.start) >= window || s.counts.count >= maxClients {
                s = (now, [:])
            }
            let n = (s.counts[client] ?? 0) + 1
            s.counts[client] = n
            return n <= limit
        }
        guard allowed else { throw DomainError(.verifyTooMany, field: "number", ["seconds": String(Int(window))]) }
    }
}
