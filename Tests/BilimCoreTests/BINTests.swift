import BilimCore
import Testing

@Suite struct BINTests {
    @Test(
        "valid BINs: registration YYMM, entity type 4–6, attribute 0–3, serial, check digit as for the IIN",
        arguments: ["150440000003", "081250100004", "230160200001", "990641300008", "251240000005", "150440000402"])
    func valid(text: String) throws {
        let bin = try BIN(text)

        #expect(bin.digits == text)
        #expect(bin.description == text)
        #expect(IIN.checkDigit(digitsOf(text)) == Int(String(text.last!)))
    }

    @Test("a BIN whose first remainder is 10 uses the second weight sequence")
    func secondSequence() throws {
        let d = digitsOf("150440000402")

        #expect(weightedSum(d, firstWeights) % 11 == 10)
        #expect(try BIN("150440000402").digits == "150440000402")
    }

    @Test(
        "malformed BINs are a format error",
        arguments: [
            "", "15044000000", "1504400000033", "150040000003", "151340000003", "150430000003", "150470000003",
            "150444000003", "15044000000a", "1504 4000000", "１５０４４００００００３", "900514300121",
        ])
    func format(text: String) {
        let error = domainError { () throws(DomainError) in try BIN(text) }

        #expect(error?.code == .binFormat)
        #expect(error?.field == "bin")
    }

    @Test("a wrong check digit is a checksum error", arguments: ["150440000004", "150440000000", "081250100005"])
    func checksum(text: String) {
        #expect(errorCode { () throws(DomainError) in try BIN(text) } == .binChecksum)
    }
}
