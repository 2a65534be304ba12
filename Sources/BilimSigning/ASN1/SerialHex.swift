/// Lower-case hex of a DER INTEGER's magnitude, without leading zero bytes.
enum SerialHex {
    /// Strips leading zero bytes (keeping one for zero) so encodings of the same serial compare equal.
    static func normalized<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> [UInt8] {
        let trimmed = Array(bytes.drop { $0 == 0 })
        return trimmed.isEmpty ? [0] : trimmed
    }

    /// Lower-case hex of the normalized serial.
    static func string<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        normalized(bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Parses hex (optionally with ':' separators) into integer bytes; nil if not hex.
    static func bytes(_ hex: String) -> [UInt8]? {
        let digits = Array(hex.filter { $0 != ":" }.utf8)
        guard !digits.isEmpty else { return nil }
        let padded = digits.count % 2 == 0 ? digits : [UInt8(ascii: "0")] + digits
        var out = [UInt8]()
        var index = 0
        while index < padded.count {
            guard let byte = UInt8(String(decoding: padded[index..<index + 2], as: UTF8.self), radix: 16) else {
                return nil
            }
            out.append(byte)
            index += 2
        }
        return normalized(out)
    }
}
