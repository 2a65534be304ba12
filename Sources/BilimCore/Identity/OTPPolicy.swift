/// One-time passwords for applicants' sign-in: a code sent by SMS to the phone registered for the IIN
/// (000 List item 8) (002 List item 10). Pure rules; the service layer supplies times and counts.
package enum OTPPolicy {
    /// Digits in a code.
    package static let length = 6
    /// A code lives five minutes.
    package static let lifetimeSeconds = 5 * 60
    /// A new code for the same IIN no sooner than a minute after the last.
    package static let resendSeconds = 60
    /// Wrong codes before the IIN is locked out, counted over `windowSeconds`.
    package static let maxFailures = 5
    package static let windowSeconds = 15 * 60
    /// How long a lock-out lasts.
    package static let lockoutSeconds = 15 * 60
    /// Codes one address may ask for within `windowSeconds`, whatever the IIN.
    package static let maxRequestsPerAddress = 10

    /// A code is six ASCII digits.
    package static func isWellFormed(_ code: String) -> Bool {
        code.utf8.count == length && code.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
