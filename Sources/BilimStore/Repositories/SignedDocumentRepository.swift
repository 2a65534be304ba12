import Foundation
import SQLKit

/// An electronic document Bilim signed: its number, kind, the compact JWS and its status.
package struct SignedDocumentRow: Codable, Sendable, Hashable {
    package var id: String
    package var number: String
    package var kind: String
    package var caseId: String?
    package var decisionId: String?
    package var educationDocumentId: String?
    package var holderIin: String?
    package var keyId: String
    package var jws: String
    package var contentSha256: String
    package var status: String
    package var statusReason: String?
    package var statusChangedAt: String?
    package var issuedAt: String

    package init(
        id: String, number: String, kind: String, caseId: String?, decisionId: String?, educationDocumentId: String?,
        holderIin: String?, keyId: String, jws: String, contentSha256: String, status: String, statusReason: String?,
        statusChangedAt: String?, issuedAt: String
    ) {
        self.id = id
        self.number = number
        self.kind = kind
        self.caseId = caseId
        self.decisionId = decisionId
        self.educationDocumentId = educationDocumentId
        self.holderIin = holderIin
        self.keyId = keyId
        self.jws = jws
        self.contentSha256 = contentSha256
        self.status = status
        self.statusReason = statusReason
        self.statusChangedAt = statusChangedAt
        self.issuedAt = issuedAt
    }

    /// The short code printed next to the number: only who holds the document can look its content up.
    package var checkCode: String { String(contentSha256.prefix(12)).uppercased() }
}

/// A provider signing key. Public halves stay for ever so that every document ever signed still verifies.
package struct SigningKeyRow: Codable, Sendable, Hashable {
    package var id: String
    package var algorithm: String
    package var publicKeyPem: String
    package var privateKeyPem: String?
    package var createdAt: String
    package var retiredAt: String?

    package init(id: String, algorithm: String, publicKeyPem: String, privateKeyPem: String?, createdAt: Date) {
        self.id = id
        self.algorithm = algorithm
        self.publicKeyPem = publicKeyPem
        self.privateKeyPem = privateKeyPem
        self.createdAt = Instant.text(createdAt)
        retiredAt = nil
    }
}

package struct SignedDocumentRepository: Sendable {
    package let db: any SQLDatabase

    package init(db: any SQLDatabase) { self.db = db }

    package func insert(_ row: SignedDocumentRow) async throws {
        try await db.insert(into: "signed_documents").row(row).run()
    }

    package func find(number: String) async throws -> SignedDocumentRow? {
        try await db.select().column("*").from("signed_documents").where("number", .equal, number).first()
            .map { try $0.model(SignedDocumentRow.self) }
    }

    package func list(caseId: String) async throws -> [SignedDocumentRow] {
        try await db.select().column("*").from("signed_documents").where("case_id", .equal, caseId).orderBy("issued_at")
            .orderBy("number").all().map { try $0.model(SignedDocumentRow.self) }
    }

    package func credentials(holderIIN: String) async throws -> [SignedDocumentRow] {
        try await db.select().column("*").from("signed_documents").where("holder_iin", .equal, holderIIN)
            .where("kind", .equal, "credential").orderBy("issued_at").all().map { try $0.model(SignedDocumentRow.self) }
    }

    /// Marks the valid credentials of an education document superseded or revoked.
    package func retireCredentials(educationDocumentId: String, status: String, reason: String, now: Date) async throws {
        try await db.update("signed_documents").set("status", to: SQLBind(status)).set("status_reason", to: SQLBind(reason))
            .set("status_changed_at", to: SQLBind(Instant.text(now)))
            .where("education_document_id", .equal, educationDocumentId).where("kind", .equal, "credential")
            .where("status", .equal, "valid").run()
    }

    /// A signed result loses its force with its decision (an upheld complaint revokes it).
    package func revoke(decisionId: String, reason: String, now: Date) async throws {
        try await db.update("signed_documents").set("status", to: "revoked").set("status_reason", to: SQLBind(reason))
            .set("status_changed_at", to: SQLBind(Instant.text(now)))
            .where("decision_id", .equal, decisionId).where("status", .equal, "valid").run()
    }

    package func activeKey() async throws -> SigningKeyRow? {
        try await db.select().column("*").from("signing_keys").where("retired_at", .is, SQLLiteral.null)
            .where("private_key_pem", .isNot, SQLLiteral.null).orderBy("created_at", .descending).limit(1).first()
            .map { try $0.model(SigningKeyRow.self) }
    }

    package func keys() async throws -> [SigningKeyRow] {
        try await db.select().column("*").from("signing_keys").all().map { try $0.model(SigningKeyRow.self) }
    }

    package func insert(_ key: SigningKeyRow) async throws {
        try await db.insert(into: "signing_keys").row(key).ignoringConflicts(with: "id").run()
    }
}
