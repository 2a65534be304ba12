import BilimStore
import Foundation
import SQLKit

/// The default SMS gateway: it "sends" by writing the message to the `standin_sms` table, once per key, so a
/// newcomer and the tests can read what a person would have received.
package struct EmbeddedSMSGateway: SMSGateway {
    package let database: Database
    package let clock: any Clock

    package init(database: Database, clock: any Clock) {
        self.database = database
        self.clock = clock
    }

    package func send(key: String, phone: String, text: String) async throws {
        try await database.sql.insert(into: "standin_sms").columns("message_key", "phone", "text", "sent_at")
            .values(SQLBind(key), SQLBind(phone), SQLBind(text), SQLBind(Instant.text(clock.now())))
            .ignoringConflicts(with: "message_key").run()
    }

    package struct Sent: Codable, Sendable, Hashable {
        package var messageKey: String
        package var phone: String
        package var text: String
    }

    package func sent() async throws -> [Sent] {
        try await database.sql.select().columns("message_key", "phone", "text").from("standin_sms").orderBy("sent_at")
            .orderBy("message_key").all().map { try $0.model(Sent.self) }
    }
}
