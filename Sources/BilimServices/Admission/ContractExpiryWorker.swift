import BilimCore
import Logging
import ServiceLifecycle

/// Ends the education contracts not signed within 3 calendar days (003 §12), so that their places go to
/// redistribution (003 §63) without anyone having to ask.
package struct ContractExpiryWorker: Service {
    package let deps: ServiceDependencies
    package let interval: Duration

    package init(deps: ServiceDependencies, interval: Duration = .seconds(60)) {
        self.deps = deps
        self.interval = interval
    }

    package func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                let expired = try await AdmissionResults(deps).expireOverdue()
                if !expired.isEmpty { deps.logger.notice("admission contracts expired", metadata: ["count": .string("\(expired.count)")]) }
            } catch {
                deps.logger.error("contract expiry pass failed", metadata: ["error.type": .string(String(describing: type(of: error)))])
            }
            // A graceful shutdown ends the wait at once.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
