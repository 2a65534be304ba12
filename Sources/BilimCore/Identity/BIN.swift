/// A business identification number of a legal entity: YYMM of registration, the entity type (4 resident,
/// 5 non-resident, 6 joint individual entrepreneurship), an attribute (0 head office, 1 branch,
/// 2 representative office, 3 peasant farm), five serial digits and a check digit computed as for the IIN.
package struct BIN: Hashable, Sendable, CustomStringConvertible {
    package let digits: String

    package init(_ text: String) throws(DomainError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 12, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw DomainError(.binFormat, field: "bin")
        }
        let d = bytes.map { Int($0 - 0x30) }
        let month = d[2] * 10 + d[3]
        guard (1...12).contains(month), (4...6).contains(d[4]), (0...3).contains(d[5]) else {
            throw DomainError(.binFormat, field: "bin")
        }
        guard IIN.checkDigit(d) == d[11] else { throw DomainError(.binChecksum, field: "bin") }
        digits = text
    }

    package var description: String { digits }
}
