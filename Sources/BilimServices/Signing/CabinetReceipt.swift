import BilimCore
import BilimStore
import Foundation
import SQLKit

/// The signed receipt a portal application gets in the applicant's cabinet the moment it is registered: the case's
/// number, the registration day, the day the result is due, and the documents taken, signed with the provider key.
/// (004 §51) (002 §10)
package enum CabinetReceipt {
    /// Issues the receipt inside the intake's transaction, so a registered case never lacks one.
    @discardableResult
    package static func issue(
        for row: CaseRow, passport: ServicePassport, documents: [String], ids: any IDGenerator, now: Date, db: any SQLDatabase
    ) async throws -> SignedDocumentRow {
        let language = Language(rawValue: row.language) ?? .kk
        let signing = DocumentSigning(db: db, ids: ids, now: now)
        let issuer = try await ReferenceRepository(db: db).organization(id: row.providerId).map { $0.name[language] } ?? row.providerId
        let taken = documents.map { code in
            ResultContent.Taken(code: code, name: passport.documents.first { $0.code == code }?.name[language] ?? code)
        }
        let content = ResultContent(
            number: try await signing.number("E"), kind: "receipt", issuedAt: Instant.text(now), issuer: issuer,
            caseNumber: row.registrationNumber, service: row.service, registeredOn: row.registeredOn, deadline: row.deadline,
            documents: taken.isEmpty ? nil : taken, statement: DocumentSigning.equivalenceStatement[language])
        return try await signing.result(content, caseRow: row, decisionId: nil)
    }
}
