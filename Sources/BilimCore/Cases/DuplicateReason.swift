/// Why a duplicate is asked for, as the application forms list it: the document was lost, damaged, the holder's
/// name changed, or it was filled in with errors (000 List item 8) (001 §9) (004 Annex 5).
package enum DuplicateReason: String, CaseIterable, Codable, Sendable {
    case lost
    case damaged
    case nameChanged = "name-changed"
    case errors
}
