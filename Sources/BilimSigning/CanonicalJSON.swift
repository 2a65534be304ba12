import Foundation

/// Deterministic JSON encoding: keys sorted, slashes unescaped, so equal values give equal bytes.
///
/// Dates are never encoded by this type's callers; they pass pre-formatted strings instead.
public enum CanonicalJSON {
    /// Encodes `value` as canonical JSON bytes.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}
