import BilimCore
import BilimStore
import Foundation
import Logging
import SQLKit
import ServiceLifecycle

/// Delivers the outbox: claims due messages, sends SMS through the gateway with the message's idempotency key,
/// marks cabinet messages delivered, and retries failures with back-off. A process that dies mid-way leaves its
/// claims to expire; the next run sends them, and the gateway's key keeps a message from going out twice.
package struct OutboxDelivery: Sendable {
    package let database: Database
    package let gateway: any SMSGateway
    package let digitalDocuments: any DigitalDocuments
    package let clock: any Clock
    package let logger: Logger
    package var lease: TimeInterval = 60
    package var maxAttempts = 8

    package init(
        database: Database, gateway: any SMSGateway, digitalDocuments: (any DigitalDocuments)? = nil, clock: any Clock,
        logger: Logger
    ) {
        self.database = database
        self.gateway = gateway
        self.digitalDocuments = digitalDocuments ?? EmbeddedDigitalDocuments(database: database, clock: clock)
        self.clock = clock
        self.logger = logger
    }

    /// One pass; returns how many messages were delivered.
    @discardableResult
    package func deliverDue(limit: Int = 100) async throws -> Int {
        let outbox = OutboxRepository(db: database.sql)
        let claimed = try await outbox.claimDue(now: clock.now(), lease: lease, limit: limit)
        var delivered = 0
        for m in claimed {
            do {
                if m.channel == "sms" {
                    guard let phone = try await ReferenceRepository(db: database.sql).person(iin: m.recipientIin)?.phone
                    else {
                        // No phone registered: the cabinet message is the notification; nothing to retry.
                        try await outbox.markSent(id: m.id, now: clock.now())
                        continue
                    }
                    let text = (try? JSONDecoder().decode([String: String].self, from: Data(m.payload.utf8)))?["text"] ?? ""
                    try await gateway.send(key: m.idempotencyKey, phone: phone, text: text)
                }
                if m.channel == "digital-document" {
                    let fields = (try? JSONDecoder().decode([String: String].self, from: Data(m.payload.utf8))) ?? [:]
                    guard let doc = try await DocumentRegistryRepository(db: database.sql).document(id: fields["documentId"] ?? "") else {
                        throw DomainError(.originalNotInRegistry, field: "documentId")
                    }
                    let credential = try await fields["credential"].asyncMap {
                        try await SignedDocumentRepository(db: database.sql).find(number: $0)?.jws
                    } ?? nil
                    try await digitalDocuments.deliver(key: m.idempotencyKey, document: doc, credential: credential)
                }
                try await outbox.markSent(id: m.id, now: clock.now())
                delivered += 1
            } catch {
                let backoff = min(3600, 30 * pow(2, Double(m.attempts)))
                logger.warning("notification delivery failed", metadata: ["outbox.id": .string(m.id), "attempt": .stringConvertible(m.attempts + 1)])
                try await outbox.markFailed(
                    id: m.id, error: String(describing: type(of: error)), retryAt: clock.now().addingTimeInterval(backoff),
                    maxAttempts: maxAttempts)
            }
        }
        return delivered
    }
}

/// Runs delivery every few seconds until graceful shutdown.
package struct OutboxWorker: Service {
    package let delivery: OutboxDelivery
    package let interval: Duration

    package init(delivery: OutboxDelivery, interval: Duration = .seconds(2)) {
        self.delivery = delivery
        self.interval = interval
    }

    package func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do { try await delivery.deliverDue() } catch {
                delivery.logger.error("outbox pass failed", metadata: ["error.type": .string(String(describing: type(of: error)))])
            }
            try? await Task.sleep(for: interval)
        }
    }
}
