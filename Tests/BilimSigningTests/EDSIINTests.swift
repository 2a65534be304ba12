import BilimSigning
import Foundation
import Testing

@Suite struct EDSIINTests {
    @Test(arguments: [nil, "12", "86010130012", "8601013001234", "86010130012X"] as [String?])
    func subjectWithoutAWellFormedIINIsRefused(iin: String?) async throws {
        let ca = try Fixtures.authority()
        let person = try Fixtures.person(from: ca, iin: iin)
        await #expect(throws: SignatureFailure.noIIN) {
            try await Fixtures.store(ca).verify(
                certificate: person.certificateDER, signature: person.sign(Fixtures.challenge),
                message: Fixtures.challenge, at: Fixtures.now)
        }
    }
}
