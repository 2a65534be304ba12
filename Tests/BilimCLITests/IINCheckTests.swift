import Foundation
import Testing

@Suite struct IINCheckTests {
    @Test("bilim iin check prints the contract's JSON and exits 0 for a valid IIN")
    func valid() throws {
        let r = try CLI.run(["iin", "check", "900514300121"])

        #expect(r.status == 0)
        #expect(r.stdout == #"{"valid": true, "birthDate": "1990-05-14", "sex": "male"}"#)
    }

    @Test("bilim iin check gives a verdict, exit 1, for any invalid string", arguments: [
        ("", "12 digits"), ("   ", "12 digits"), ("90051430012", "12 digits"), ("9005143001211", "12 digits"),
        ("٩٠٠٥١٤٣٠٠١٢١", "12 digits"), ("９００５１４３００１２１", "12 digits"), ("90051430012a", "12 digits"),
        ("-5", "12 digits"), ("900514300122", "check digit"), ("900514000121", "7th digit"), ("900231300121", "not a real date"),
    ])
    func invalid(_ input: String, _ reason: String) throws {
        let r = try CLI.run(["iin", "check", input])

        #expect(r.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["valid"] as? Bool == false)
        #expect((json["reason"] as? String)?.contains(reason) == true, "\(r.stdout)")
    }

    @Test("bilim iin check without an IIN is a usage error, exit 2")
    func missing() throws {
        let r = try CLI.run(["iin", "check"])

        #expect(r.status == 2)
        #expect(r.stderr.contains("give exactly one IIN"))
        #expect(r.stdout.isEmpty)
    }
}
