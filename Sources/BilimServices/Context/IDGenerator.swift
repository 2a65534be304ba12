import Foundation

/// Identifiers for new rows; tests pass a deterministic one.
package protocol IDGenerator: Sendable {
    func make() -> String
}

package struct RandomIDGenerator: IDGenerator {
    package init() {}
    package func make() -> String { UUID().uuidString.lowercased() }
}
