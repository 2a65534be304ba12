import BilimStore
import Foundation
import SQLKit

/// The default Digital documents service: records what it receives in `standin_digital_documents`, once per key.
package struct EmbeddedDigitalDocuments: DigitalDocuments {
    package let database: Database
    package let clock: any Clock

    package init(database: Database, clock: any Clock) {
        self.database = database
        self.clock = clock
    }

    package func deliver(key: String, document: EducationDocumentRow, credential: String?) async throws {
        struct Delivered: Encodable {
            let document: EducationDocumentRow
            let credential: String?
        }
        let payload = String(decoding: try JSONEncoder().encode(Delivered(document: document, credential: credential)), as: UTF8.self)
        try await database.sql.insert(into: "standin_digital_documents")
            .columns("message_key", "holder_iin", "document_id", "payload", "delivered_at")
            .values(SQLBind(key), SQLBind(document.holderIin), SQLBind(document.id), SQLBind(payload), SQLBind(Instant.text(clock.now())))
            .ignoringConflicts(with: "message_key").run()
    }

    package func payloads() async throws -> [String] {
        try await database.sql.select().column("payload").from("standin_digital_documents").orderBy("delivered_at").all()
            .map { try $0.decode(column: "payload", as: String.self) }
    }

    package func delivered(holderIIN: String) async throws -> [String] {
        try await database.sql.select().column("document_id").from("standin_digital_documents")
            .where("holder_iin", .equal, holderIIN).all().map { try $0.decode(column: "document_id", as: String.self) }
    }
}
