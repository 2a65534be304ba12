import BilimSigning
import Foundation
import Testing

@Suite struct Base64URLTests {
    @Test func roundTripsEveryLengthAndMatchesFoundationBase64() {
        var generator = SystemRandomNumberGenerator()
        for length in 0..<64 {
            let data = Data((0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) })
            let encoded = Base64URL.encode(data)
            let foundation = data.base64EncodedString()
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
            #expect(encoded == foundation)
            #expect(Base64URL.decode(encoded) == data)
        }
    }

    @Test func rejectsPaddingStandardAlphabetAndNonCanonicalInput() {
        #expect(Base64URL.decode("QQ==") == nil)
        #expect(Base64URL.decode("a+b/") == nil)
        #expect(Base64URL.decode("QR") == nil)  // non-zero trailing bits
        #expect(Base64URL.decode("QUJDR") == nil)  // impossible length
        #expect(Base64URL.decode("QQ") == Data("A".utf8))
        #expect(Base64URL.decode("") == Data())
    }
}
