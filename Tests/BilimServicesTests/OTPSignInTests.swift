import BilimCore
import BilimServices
import BilimStore
import BilimTestSupport
import Foundation
import Testing

@Suite struct OTPSignInTests {
    @Test("a one-time password by SMS signs the applicant in once; only its hash is stored (000 List item 8)", arguments: TestDatabase.allConfigured)
    func signIn(_ kind: TestDatabase) async throws {
        try await Scenario.run(kind, at: "2025-03-03T10:00") { s in
            let otp = OTPSignIn(s.deps, gateway: s.sms)
            try await otp.request(iin: DemoData.parentIIN.digits, address: "10.0.0.1", codeSource: { "482913" })

            let sms = try #require(try await s.sms.sent().last)
            #expect(sms.phone == "+77010000001" && sms.text.contains("482913"))
            let stored = try #require(try await OTPRepository(db: s.deps.database.sql).latest(iin: DemoData.parentIIN.digits))
            #expect(!stored.codeHash.contains("482913") && stored.codeHash.count == 64)
            let user = try await otp.verify(iin: DemoData.parentIIN.digits, code: "482913", address: "10.0.0.1")
            #expect(user.personIin == DemoData.parentIIN.digits && user.role == "applicant")
            // The same code again is a replay.
            await #expect(throws: DomainError(.otpExpired, field: "code")) {
                try await otp.verify(iin: DemoData.parentIIN.digits, code: "482913", address: "10.0.0.1")
            }
        }
    }

    @Test("codes expire after five minutes and are resent no sooner than a minute later", arguments: TestDatabase.allConfigured)
    func expiryAndResend(_ kind: TestDatabase) async throws {
        try await Scenario.run(kind, at: "2025-03-03T10:00") { s in
            let otp = OTPSignIn(s.deps, gateway: s.sms)
            try await otp.request(iin: DemoData.parentIIN.digits, address: "a", codeSource: { "111111" })

            await #expect(throws: DomainError(.otpTooSoon, field: "iin", ["seconds": "60"])) {
                try await otp.request(iin: DemoData.parentIIN.digits, address: "a")
            }
            s.clock.set(almaty: "2025-03-03T10:06")
            await #expect(throws: DomainError(.otpExpired, field: "code")) {
                try await otp.verify(iin: DemoData.parentIIN.digits, code: "111111", address: "a")
            }
        }
    }

    @Test("five wrong codes lock the IIN out, saying until when; the right code does not help meanwhile", arguments: TestDatabase.allConfigured)
    func lockout(_ kind: TestDatabase) async throws {
        try await Scenario.run(kind, at: "2025-03-03T10:00") { s in
            let otp = OTPSignIn(s.deps, gateway: s.sms)
            try await otp.request(iin: DemoData.parentIIN.digits, address: "a", codeSource: { "222222" })

            for left in [4, 3, 2, 1] {
                await #expect(throws: DomainError(.otpWrong, field: "code", ["left": String(left)])) {
                    try await otp.verify(iin: DemoData.parentIIN.digits, code: "000000", address: "a")
                }
            }
            await #expect(throws: DomainError(.otpLocked, field: "code", ["until": "2025-03-03 10:15"])) {
                try await otp.verify(iin: DemoData.parentIIN.digits, code: "000000", address: "a")
            }
            await #expect(throws: DomainError(.otpLocked, field: "code", ["until": "2025-03-03 10:15"])) {
                try await otp.verify(iin: DemoData.parentIIN.digits, code: "222222", address: "a")
            }
        }
    }

    @Test("no phone registered, a wrong IIN, too many requests from one address: clear refusals, no SMS", arguments: TestDatabase.allConfigured)
    func refusals(_ kind: TestDatabase) async throws {
        try await Scenario.run(kind, at: "2025-03-03T10:00") { s in
            let otp = OTPSignIn(s.deps, gateway: s.sms)

            await #expect(throws: DomainError(.otpNoPhone, field: "iin", ref: "000 List item 8")) {
                try await otp.request(iin: DemoData.childIIN.digits, address: "a")
            }
            await #expect(throws: DomainError(.iinChecksum, field: "iin")) {
                try await otp.request(iin: "900514300122", address: "a")
            }
            let sent = try await s.sms.sent()
            #expect(sent.isEmpty)
        }
    }
}
