import BilimCore
import BilimStore
import Crypto
import Foundation

/// Attaching files to a case: only those who may see the case, only PDF or images that are what they say, within
/// the size limit; the file and a trail event land together.
package struct Attachments: Sendable {
    package let deps: ServiceDependencies

    package init(_ deps: ServiceDependencies) { self.deps = deps }

    @discardableResult
    package func attach(caseId: String, code: String, filename: String, declaredType: String, bytes: [UInt8], by actor: Actor)
        async throws -> AttachmentRow
    {
        let row = try await CaseWorkflow(deps).visibleCase(caseId, to: actor)
        let type = try FileCheck.check(declaredType: declaredType, bytes: bytes)
        let passport = try CaseWorkflow(deps).passport(for: row)
        let allowed = Set(passport.documents.map(\.code)).union(["other"])
        guard allowed.contains(code) else { throw DomainError(.requestInvalid, field: "code", ["field": "code"]) }
        let now = deps.clock.now()
        let clean = String(filename.filter { !$0.isNewline && $0 != "/" && $0 != "\\" }.prefix(200))
        let attachment = AttachmentRow(
            id: deps.ids.make(), caseId: caseId, code: code, filename: clean.isEmpty ? "file" : clean,
            mediaType: type.rawValue, size: bytes.count,
            sha256: SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined(), uploadedBy: actor.userId,
            createdAt: Instant.text(now))
        let data = Data(bytes)
        try await deps.database.transaction { db in
            guard try await CaseRepository(db: db).touch(id: caseId, expectedVersion: row.rowVersion) else {
                throw DomainError(.concurrentChange, field: "id")
            }
            try await AttachmentRepository(db: db).insert(attachment, content: data)
            try await AuditChain(db: db).append(
                caseId: caseId,
                .init(
                    kind: "attached", fromState: nil, toState: nil, actorId: actor.userId, actorRole: actor.role.rawValue,
                    reason: nil, payload: #"{"code":"\#(code)","sha256":"\#(attachment.sha256)","size":\#(bytes.count)}"#,
                    occurredAt: now))
        }
        return attachment
    }
}
