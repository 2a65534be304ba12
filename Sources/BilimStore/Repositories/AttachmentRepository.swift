import Foundation
import SQLKit

package struct AttachmentRow: Codable, Sendable, Hashable {
    package var id: String
    package var caseId: String
    package var code: String
    package var filename: String
    package var mediaType: String
    package var size: Int
    package var sha256: String
    package var uploadedBy: String
    package var createdAt: String

    package init(
        id: String, caseId: String, code: String, filename: String, mediaType: String, size: Int, sha256: String,
        uploadedBy: String, createdAt: String
    ) {
        self.id = id
        self.caseId = caseId
        self.code = code
        self.filename = filename
        self.mediaType = mediaType
        self.size = size
        self.sha256 = sha256
        self.uploadedBy = uploadedBy
        self.createdAt = createdAt
    }
}

package struct AttachmentRepository: Sendable {
    package let db: any SQLDatabase

    package init(db: any SQLDatabase) { self.db = db }

    package func insert(_ row: AttachmentRow, content: Data) async throws {
        try await db.insert(into: "case_attachments")
            .columns("id", "case_id", "code", "filename", "media_type", "size", "sha256", "content", "uploaded_by", "created_at")
            .values(
                SQLBind(row.id), SQLBind(row.caseId), SQLBind(row.code), SQLBind(row.filename), SQLBind(row.mediaType),
                SQLBind(row.size), SQLBind(row.sha256), SQLBind(content.base64EncodedString()), SQLBind(row.uploadedBy),
                SQLBind(row.createdAt)
            ).run()
    }

    package func list(caseId: String) async throws -> [AttachmentRow] {
        try await db.select().columns("id", "case_id", "code", "filename", "media_type", "size", "sha256", "uploaded_by", "created_at")
            .from("case_attachments").where("case_id", .equal, caseId).orderBy("created_at").orderBy("id").all()
            .map { try $0.model(AttachmentRow.self) }
    }

    package func content(id: String) async throws -> Data? {
        try await db.select().column("content").from("case_attachments").where("id", .equal, id).first()
            .flatMap { Data(base64Encoded: try $0.decode(column: "content", as: String.self)) }
    }
}
