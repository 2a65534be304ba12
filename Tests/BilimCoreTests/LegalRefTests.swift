import BilimCore
import Testing

@Suite struct LegalRefTests {
    @Test(
        "legal references are written as INDEX.md writes them",
        arguments: [
            "004 §58", "000 List item 8", "003 Annex 1 item 8", "003 Order §2", "000 List item 3(1)", "004 Annex 4",
        ])
    func accepted(text: String) throws {
        let ref = try #require(LegalRef(text))

        #expect(ref.text == text)
        #expect(ref.description == "(\(text))")
    }

    @Test(
        "malformed legal references are refused",
        arguments: [
            "", "004", "04 §58", "004§58", "004 58", "abc §1", "004  §58", "004 Art. 5", "٠٠٤ §58",
        ])
    func refused(text: String) {
        #expect(LegalRef(text) == nil)
    }

    @Test(
        "a reference with no clause number is refused",
        arguments: ["004 §", "000 List item ", "003 Annex ", "003 Order §"])
    func emptyClause(text: String) {
        #expect(LegalRef(text) == nil)
    }
}
