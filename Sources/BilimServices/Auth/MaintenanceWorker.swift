import BilimCore
import BilimStore
import Foundation
import Logging
import ServiceLifecycle

/// The scheduled purge of what has expired: sessions, one-time codes and their lock-outs, challenges nobody
/// answered, and stale sign-in counters. Also the commission records past their retention (003 §6).
package struct MaintenanceWorker: Service {
    package let deps: ServiceDependencies
    package let interval: Duration

    package init(deps: ServiceDependencies, interval: Duration = .seconds(600)) {
        self.deps = deps
        self.interval = interval
    }

    /// One pass; the rows removed per table.
    package func pass() async throws -> [String: Int] {
        var removed = try await ExpiredRecords(db: deps.database.sql).purge(
            now: deps.clock.now(), otpWindow: TimeInterval(OTPPolicy.windowSeconds))
        removed["commission_meetings"] = try await Commissions(deps).purgeExpired().count
        return removed
    }

    package func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                let removed = try await pass().filter { $0.value > 0 }
                if !removed.isEmpty {
                    deps.logger.info("expired records purged", metadata: removed.mapValues { .string(String($0)) })
                }
            } catch {
                deps.logger.error("purge pass failed", metadata: ["error.type": .string(String(describing: type(of: error)))])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
