import BilimCore
import BilimServices
import Foundation

/// The last step of a portal application on its "check your answers" page: the applicant confirms exactly what is
/// shown with a one-time code sent by SMS, or by signing it with their EDS. (000 List item 8) (002 List item 10)
/// Rendered by the `confirm-step` partial.
struct ConfirmStep {
    enum State {
        /// Nothing prepared yet: the applicant chooses the way.
        case choosing
        /// A code was sent; the page asks for it.
        case otp(challengeId: String)
        /// A challenge to sign: the page shows the exact text, and asks for the certificate and the signature.
        case eds(challengeId: String, toSign: String)
    }

    let action: String
    let multipart: Bool
    let choosing: Bool
    let challengeId: String?
    let edsChallengeId: String?
    let toSign: String?

    init(action: String, multipart: Bool = false, _ state: State) {
        self.action = action
        self.multipart = multipart
        switch state {
        case .choosing: (choosing, challengeId, edsChallengeId, toSign) = (true, nil, nil, nil)
        case .otp(let id): (choosing, challengeId, edsChallengeId, toSign) = (false, id, nil, nil)
        case .eds(let id, let text): (choosing, challengeId, edsChallengeId, toSign) = (false, nil, id, text)
        }
    }

    /// The steps of the confirmation; any other step value shows the answers to check.
    static let steps: Set<String> = ["send-code", "confirm", "eds-challenge", "confirm-eds"]

    /// The way a preparing step asks for, if it is one.
    static func method(preparing step: String) -> String? {
        switch step {
        case "send-code": "otp"
        case "eds-challenge": "eds"
        default: nil
        }
    }

    static func state(_ prepared: PreparedConfirmation) -> State {
        if prepared.method == "eds", let text = prepared.toSign { return .eds(challengeId: prepared.challengeId, toSign: text) }
        return .otp(challengeId: prepared.challengeId)
    }

    /// The proof a confirming step carries: the code, or the certificate with the signature (base64).
    static func proof(step: String, fields: [String: String]) -> ConfirmationProof {
        let id = fields["challengeId"] ?? ""
        if step == "confirm-eds" {
            let signature = Data(base64Encoded: (fields["signature"] ?? "").trimmingSpaces, options: .ignoreUnknownCharacters) ?? Data()
            return .eds(challengeId: id, certificate: CertificateText.bytes(fields["certificate"] ?? ""), signature: signature)
        }
        return .otp(challengeId: id, code: (fields["code"] ?? "").trimmingSpaces)
    }

    /// Failures of the confirmation itself: the page stays on the answers and says what went wrong.
    static func isConfirmationFailure(_ code: ErrorCode) -> Bool {
        [.otpWrong, .challengeInvalid, .confirmationRequired, .confirmationContentChanged].contains(code)
            || code.rawValue.hasPrefix("eds.")
    }

    /// After a wrong code the same code may be tried again; every other failure starts the confirmation over.
    static func retry(after code: ErrorCode, step: String, fields: [String: String]) -> State {
        if code == .otpWrong, step == "confirm", let id = fields["challengeId"] { return .otp(challengeId: id) }
        return .choosing
    }
}
