import SQLKit

/// What the embedded stand-in of the Digital documents service received: each TVET duplicate in digital form,
/// once per key (004 §59) (004 §60).
struct CreateDigitalDocumentsStandIn: Migration {
    let id = "0013-create-digital-documents-stand-in"

    func apply(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE standin_digital_documents (
                    message_key TEXT PRIMARY KEY,
                    holder_iin TEXT NOT NULL,
                    document_id TEXT NOT NULL REFERENCES education_documents (id),
                    payload TEXT NOT NULL,
                    delivered_at TEXT NOT NULL)
                """
            ], on: db)
    }

    func revert(on db: any SQLDatabase) async throws {
        try await run(["DROP TABLE standin_digital_documents"], on: db)
    }
}
