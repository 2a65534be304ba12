import BilimCore
import BilimSigning
import BilimStore
import Crypto
import Foundation
import SQLKit

/// Facts of an education document as a signed result or credential states them.
package struct DocumentFacts: Codable, Hashable, Sendable {
    package var kind: String
    package var series: String
    package var number: String
    package var issueDate: String
    package var holderName: String
    package var specialty: String?
    package var qualification: String?
    package var grades: [String: String]?
}

/// The content of a signed electronic result: a duplicate notice, a refusal (002 Annex 3), a corrections notice,
/// a receipt. Only what the paper document would say.
package struct ResultContent: Codable, Hashable, Sendable {
    package struct Ground: Codable, Hashable, Sendable {
        package var code: String
        package var text: String
        package var ref: String?
    }

    /// A document taken with the application, as the passport names it.
    package struct Taken: Codable, Hashable, Sendable {
        package var code: String
        package var name: String
    }

    package var number: String
    package var kind: String
    package var issuedAt: String
    package var issuer: String
    package var caseNumber: String?
    package var service: String?
    /// A receipt: the registration day and the day the result is due.
    package var registeredOn: String?
    package var deadline: String?
    package var documents: [Taken]?
    package var grounds: [Ground]?
    package var changes: [PlannedChange]?
    package var document: DocumentFacts?
    /// (002 Annex 3): the notice is equivalent to a paper document (Law on electronic documents, Article 7(1)).
    package var statement: String?
}

/// Signs Bilim's electronic results and credentials with the provider key, as compact JWS (ES256), inside the
/// caller's transaction. The key pair is created on first use; its public half is kept for ever.
package struct DocumentSigning: Sendable {
    package let db: any SQLDatabase
    package let ids: any IDGenerator
    package let now: Date

    package init(db: any SQLDatabase, ids: any IDGenerator, now: Date) {
        self.db = db
        self.ids = ids
        self.now = now
    }

    package static let equivalenceStatement = LocalizedText(
        kk: "Бұл электрондық құжат «Электрондық құжат және электрондық цифрлық қолтаңба туралы» Заңның 7-бабының 1-тармағына сәйкес қағаз жеткізгіштегі құжатпен бірдей.",
        ru: "Настоящий электронный документ согласно пункту 1 статьи 7 Закона «Об электронном документе и электронной цифровой подписи» равнозначен документу на бумажном носителе.",
        en: "Under Article 7(1) of the Law on electronic documents and electronic digital signatures, this electronic document is equivalent to a paper document.")

    package func signer() async throws -> JWSSigner {
        let repo = SignedDocumentRepository(db: db)
        if let key = try await repo.activeKey(), let pem = key.privateKeyPem {
            return JWSSigner(privateKey: try SigningKeys.privateKey(pem: pem), keyID: key.id)
        }
        let key = P256.Signing.PrivateKey()
        let id = SigningKeys.keyID(of: key.publicKey)
        try await repo.insert(
            SigningKeyRow(
                id: id, algorithm: "ES256", publicKeyPem: key.publicKey.pemRepresentation,
                privateKeyPem: SigningKeys.pem(of: key), createdAt: now))
        return JWSSigner(privateKey: key, keyID: id)
    }

    /// The next number of a series of signed documents: `E-2026-000001` for results, `VC-2026-000001` for credentials.
    package func number(_ prefix: String) async throws -> String {
        let year = Calendar(identifier: .gregorian).component(.year, from: now)
        let seq = try await NumberSequence(db: db).next("signed-\(prefix)-\(year)")
        return "\(prefix)-\(year)-\(Digits.pad(seq, 6))"
    }

    /// Signs a payload and records it.
    @discardableResult
    package func issue(
        number: String, kind: String, payload: some Encodable, type: String, caseId: String?, decisionId: String? = nil,
        educationDocumentId: String? = nil, holderIIN: String?
    ) async throws -> SignedDocumentRow {
        let bytes = try CanonicalJSON.encode(payload)
        let signer = try await signer()
        let jws = try signer.sign(payload: bytes, type: type)
        let row = SignedDocumentRow(
            id: ids.make(), number: number, kind: kind, caseId: caseId, decisionId: decisionId,
            educationDocumentId: educationDocumentId, holderIin: holderIIN, keyId: signer.keyID, jws: jws,
            contentSha256: SHA256.hash(data: Data(jws.utf8)).hex, status: "valid", statusReason: nil, statusChangedAt: nil,
            issuedAt: Instant.text(now))
        try await SignedDocumentRepository(db: db).insert(row)
        return row
    }

    /// A signed result for a case.
    @discardableResult
    package func result(_ content: ResultContent, caseRow: CaseRow, decisionId: String?) async throws -> SignedDocumentRow {
        try await issue(
            number: content.number, kind: content.kind, payload: content, type: "bilim-result+jwt", caseId: caseRow.id,
            decisionId: decisionId, holderIIN: caseRow.applicantIin)
    }

    package static func facts(_ doc: EducationDocumentRow, grades: [GradeRow]) -> DocumentFacts {
        DocumentFacts(
            kind: doc.kind, series: doc.series, number: doc.number, issueDate: doc.issueDate, holderName: doc.holderName,
            specialty: doc.specialty, qualification: doc.qualification,
            grades: grades.isEmpty ? nil : Dictionary(uniqueKeysWithValues: grades.map { ($0.subject, Grade.text(hundredths: $0.gradeHundredths)) }))
    }

    /// Issues the education document as a W3C Verifiable Credential (data model 2.0, secured as a JWS with
    /// `typ: vc+jwt`), and retires the earlier credentials of the documents it replaces.
    @discardableResult
    package func credential(
        for doc: EducationDocumentRow, issuerName: String, caseId: String?, replacing: (id: String, status: String, reason: String)?
    ) async throws -> SignedDocumentRow {
        if let r = replacing {
            try await SignedDocumentRepository(db: db).retireCredentials(educationDocumentId: r.id, status: r.status, reason: r.reason, now: now)
        }
        let grades = try await DocumentRegistryRepository(db: db).grades(documentId: doc.id)
        let number = try await number("VC")
        let vc = VerifiableCredential(
            context: ["https://www.w3.org/ns/credentials/v2"], id: "urn:bilim:credential:\(number)",
            type: ["VerifiableCredential", "EducationDocumentCredential"],
            issuer: .init(id: "urn:bilim:organization:\(doc.organizationId)", name: issuerName), validFrom: Instant.text(now),
            credentialSubject: .init(id: "urn:kz:iin:\(doc.holderIin)", document: Self.facts(doc, grades: grades)),
            credentialStatus: .init(id: "urn:bilim:status:\(number)", type: "BilimDocumentStatus", statusNumber: number))
        return try await issue(
            number: number, kind: "credential", payload: vc, type: "vc+jwt", caseId: caseId, educationDocumentId: doc.id,
            holderIIN: doc.holderIin)
    }
}

/// The W3C Verifiable Credentials data model 2.0, as much of it as an education document needs.
package struct VerifiableCredential: Codable, Hashable, Sendable {
    package struct Issuer: Codable, Hashable, Sendable {
        package var id: String
        package var name: String
    }

    package struct Subject: Codable, Hashable, Sendable {
        package var id: String
        package var document: DocumentFacts
    }

    package struct Status: Codable, Hashable, Sendable {
        package var id: String
        package var type: String
        package var statusNumber: String
    }

    package var context: [String]
    package var id: String
    package var type: [String]
    package var issuer: Issuer
    package var validFrom: String
    package var credentialSubject: Subject
    package var credentialStatus: Status

    enum CodingKeys: String, CodingKey {
        case context = "@context"
        case id, type, issuer, validFrom, credentialSubject, credentialStatus
    }
}
