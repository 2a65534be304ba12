/// The states a case passes through (issue 3 drives the transitions; the store keeps the names).
package enum CaseState: String, CaseIterable, Codable, Sendable {
    case registered
    case sentToProvider = "sent-to-provider"
    case inReview = "in-review"
    case preliminaryRefusal = "preliminary-refusal"
    case hearing
    case resultReady = "result-ready"
    case refused
    case handedOver = "handed-over"
    case stored
    case returnedToProvider = "returned-to-provider"

    /// States in which the term no longer runs for the provider: the result is ready, kept, handed over or refused.
    package var termCompleted: Bool {
        switch self {
        case .resultReady, .refused, .handedOver, .stored, .returnedToProvider: true
        default: false
        }
    }
}
