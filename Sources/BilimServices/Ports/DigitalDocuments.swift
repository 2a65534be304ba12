import BilimStore

/// The Digital documents service of eGovMobile: a TVET duplicate is also issued there in digital form
/// (004 §59) (004 §60). `key` makes a repeated delivery after a crash harmless.
package protocol DigitalDocuments: Sendable {
    /// `credential` is the signed W3C Verifiable Credential (compact JWS) of the document.
    func deliver(key: String, document: EducationDocumentRow, credential: String?) async throws
}
