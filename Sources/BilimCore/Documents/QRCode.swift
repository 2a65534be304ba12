// A QR Code (model 2) encoder following ISO/IEC 18004: byte mode, versions 1–40, all four
// error-correction levels, automatic version choice and mask selection by the standard penalty rules.
// The structure follows Project Nayuki's "QR Code generator library" (MIT License,
// https://www.nayuki.io/page/qr-code-generator-library), re-written from the algorithm in Swift.

/// Why a QR Code could not be made.
package enum QRCodeError: Error, Hashable, Sendable {
    /// The text does not fit into a version 40 symbol at the requested error-correction level.
    case tooLong
}

/// A QR Code symbol for a text in byte mode (UTF-8): a square grid of dark and light modules,
/// rendered for print and screen as a standalone SVG.
package struct QRCode: Sendable {
    /// How much of the symbol may be damaged and still be read: about 7, 15, 25 and 30 percent.
    package enum ErrorCorrection: Int, CaseIterable, Hashable, Sendable {
        case low, medium, quartile, high

        /// The two format-information bits of the level (note: not in the order of strength).
        var formatBits: Int { [1, 0, 3, 2][rawValue] }
    }

    /// The number of modules on a side, 21 to 177.
    package let size: Int
    /// The version, 1 to 40: the size is 17 + 4 × version.
    package let version: Int
    /// The error-correction level the symbol was made with.
    package let correction: ErrorCorrection
    /// The mask pattern chosen, 0 to 7.
    package let mask: Int
    /// Row-major modules, true for dark.
    private let modules: [Bool]

    /// Encodes the UTF-8 bytes of a text in the smallest version that holds them at the given level.
    package init(text: String, correction: ErrorCorrection = .medium) throws(QRCodeError) {
        try self.init(bytes: Array(text.utf8), correction: correction, mask: nil)
    }

    /// Encodes bytes in the smallest version that holds them; `mask` fixes the mask pattern (0–7) or,
    /// when nil, the one with the lowest penalty is chosen.
    init(bytes: [UInt8], correction: ErrorCorrection, mask: Int?) throws(QRCodeError) {
        guard let version = QRCode.minimumVersion(byteCount: bytes.count, correction: correction) else {
            throw .tooLong
        }
        let data = QRCode.dataCodewords(bytes, version: version, correction: correction)
        let codewords = QRCode.addErrorCorrectionAndInterleave(data, version: version, correction: correction)
        var grid = Grid(version: version)
        grid.drawFunctionPatterns()
        grid.drawCodewords(codewords)
        let chosen: Int
        if let mask {
            chosen = mask
        } else {
            var best = (mask: 0, penalty: Int.max)
            for candidate in 0..<8 {
                var trial = grid
                trial.applyMask(candidate)
                trial.drawFormatBits(correction: correction, mask: candidate)
                let penalty = trial.penalty()
                if penalty < best.penalty { best = (candidate, penalty) }
            }
            chosen = best.mask
        }
        grid.applyMask(chosen)
        grid.drawFormatBits(correction: correction, mask: chosen)
        self.version = version
        self.size = grid.size
        self.correction = correction
        self.mask = chosen
        self.modules = grid.modules
    }

    /// Whether the module at column x, row y (0 at the top left) is dark; outside the symbol is light.
    package func isDark(x: Int, y: Int) -> Bool {
        guard (0..<size).contains(x), (0..<size).contains(y) else { return false }
        return modules[y * size + x]
    }

    /// A standalone SVG, black on white, usable inline in HTML: one unit per module in the view box,
    /// `moduleSize` pixels per module in width and height, and a light border of `quietZone` modules.
    package func svg(moduleSize: Int = 4, quietZone: Int = 4, title: String) -> String {
        let quiet = max(0, quietZone)
        let side = size + 2 * quiet
        let pixels = side * max(1, moduleSize)
        let label = QRCode.escapeXML(title)
        var path = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard isDark(x: x, y: y) else {
                    x += 1
                    continue
                }
                var run = 1
                while isDark(x: x + run, y: y) { run += 1 }
                path += "M\(x + quiet),\(y + quiet)h\(run)v1h-\(run)z"
                x += run
            }
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(side) \(side)" role="img" \
            aria-label="\(label)" shape-rendering="crispEdges" width="\(pixels)" height="\(pixels)">\
            <title>\(label)</title><rect width="\(side)" height="\(side)" fill="#fff"/>\
            <path fill="#000" d="\(path)"/></svg>
            """
    }

    /// The text with the five XML special characters replaced by entities, safe in content and attributes.
    static func escapeXML(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }
}

// MARK: - Capacity and codewords

extension QRCode {
    /// Error-correction codewords per block, indexed by level then version (index 0 unused).
    static let eccCodewordsPerBlock: [[Int]] = [
        [0, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
         28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],  // L
        [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
         26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],  // M
        [0, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
         28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],  // Q
        [0, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
         30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],  // H
    ]

    /// Number of error-correction blocks, indexed by level then version (index 0 unused).
    static let errorCorrectionBlocks: [[Int]] = [
        [0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8,
         8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],  // L
        [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
         17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],  // M
        [0, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20,
         23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],  // Q
        [0, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
         25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],  // H
    ]

    /// Modules left for data and error correction once all function patterns and format/version
    /// information are placed; a multiple of 8 plus 0–7 remainder bits.
    static func rawDataModules(version: Int) -> Int {
        var result = (16 * version + 128) * version + 64
        if version >= 2 {
            let alignments = version / 7 + 2
            result -= (25 * alignments - 10) * alignments - 55
            if version >= 7 { result -= 36 }
        }
        return result
    }

    /// Data codewords (8-bit) a version holds at a level, after the error-correction codewords.
    static func dataCodewordCount(version: Int, correction: ErrorCorrection) -> Int {
        let level = correction.rawValue
        return rawDataModules(version: version) / 8
            - eccCodewordsPerBlock[level][version] * errorCorrectionBlocks[level][version]
    }

    /// The most bytes a version holds in byte mode at a level.
    package static func byteCapacity(version: Int, correction: ErrorCorrection) -> Int {
        let bits = dataCodewordCount(version: version, correction: correction) * 8 - 4 - countBits(version: version)
        return bits / 8
    }

    /// Width of the byte-mode character count indicator.
    static func countBits(version: Int) -> Int { version <= 9 ? 8 : 16 }

    /// The smallest version whose byte capacity at the level holds `byteCount` bytes.
    static func minimumVersion(byteCount: Int, correction: ErrorCorrection) -> Int? {
        (1...40).first { byteCapacity(version: $0, correction: correction) >= byteCount }
    }

    /// Mode indicator, count, data, terminator, bit padding and pad codewords 0xEC 0x11.
    static func dataCodewords(_ bytes: [UInt8], version: Int, correction: ErrorCorrection) -> [UInt8] {
        var bits = BitBuffer()
        bits.append(0b0100, count: 4)
        bits.append(bytes.count, count: countBits(version: version))
        for byte in bytes { bits.append(Int(byte), count: 8) }
        let capacity = dataCodewordCount(version: version, correction: correction) * 8
        bits.append(0, count: min(4, capacity - bits.count))
        bits.append(0, count: (8 - bits.count % 8) % 8)
        var codewords = bits.bytes
        var pad: UInt8 = 0xEC
        while codewords.count * 8 < capacity {
            codewords.append(pad)
            pad ^= 0xEC ^ 0x11
        }
        return codewords
    }

    /// Splits data into blocks, appends each block's Reed–Solomon codewords and interleaves them.
    static func addErrorCorrectionAndInterleave(
        _ data: [UInt8], version: Int, correction: ErrorCorrection
    ) -> [UInt8] {
        let blockCount = errorCorrectionBlocks[correction.rawValue][version]
        let eccLength = eccCodewordsPerBlock[correction.rawValue][version]
        let rawCodewords = rawDataModules(version: version) / 8
        let shortBlocks = blockCount - rawCodewords % blockCount
        let shortLength = rawCodewords / blockCount
        let divisor = ReedSolomon.divisor(degree: eccLength)
        var blocks: [[UInt8]] = []
        var start = 0
        for index in 0..<blockCount {
            let length = shortLength - eccLength + (index < shortBlocks ? 0 : 1)
            var block = Array(data[start..<start + length])
            start += length
            let ecc = ReedSolomon.remainder(block, divisor: divisor)
            if index < shortBlocks { block.append(0) }  // placeholder, skipped when interleaving
            blocks.append(block + ecc)
        }
        var result: [UInt8] = []
        result.reserveCapacity(rawCodewords)
        for column in 0..<blocks[0].count {
            for (index, block) in blocks.enumerated()
            where column != shortLength - eccLength || index >= shortBlocks {
                result.append(block[column])
            }
        }
        return result
    }
}

/// A growing sequence of bits, most significant first, read back as bytes.
struct BitBuffer {
    private(set) var bits: [Bool] = []

    var count: Int { bits.count }

    /// Appends the low `count` bits of `value`, most significant first.
    mutating func append(_ value: Int, count: Int) {
        for shift in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> shift) & 1 == 1) }
    }

    /// The bits packed into bytes; the count must be a multiple of 8.
    var bytes: [UInt8] {
        stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<start + 8].reduce(0) { $0 << 1 | ($1 ? 1 : 0) }
        }
    }
}

/// Reed–Solomon error correction over GF(2⁸) with the QR polynomial x⁸ + x⁴ + x³ + x² + 1.
enum ReedSolomon {
    /// The generator polynomial of a degree, highest coefficient first with the leading 1 dropped.
    static func divisor(degree: Int) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: degree)
        result[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for j in 0..<degree {
                result[j] = multiply(result[j], root)
                if j + 1 < degree { result[j] ^= result[j + 1] }
            }
            root = multiply(root, 0x02)
        }
        return result
    }

    /// The remainder of the data polynomial divided by the generator: the error-correction codewords.
    static func remainder(_ data: [UInt8], divisor: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: divisor.count)
        for byte in data {
            let factor = byte ^ result.removeFirst()
            result.append(0)
            for index in result.indices { result[index] ^= multiply(divisor[index], factor) }
        }
        return result
    }

    /// Product in GF(2⁸) modulo 0x11D.
    static func multiply(_ x: UInt8, _ y: UInt8) -> UInt8 {
        var z = 0
        for bit in stride(from: 7, through: 0, by: -1) {
            z = (z << 1) ^ ((z >> 7) * 0x11D)
            z ^= Int((y >> UInt8(bit)) & 1) * Int(x)
        }
        return UInt8(z)
    }
}

// MARK: - Module grid

/// The grid under construction: module colours and which modules belong to function patterns.
struct Grid {
    let version: Int
    let size: Int
    var modules: [Bool]
    var isFunction: [Bool]

    init(version: Int) {
        self.version = version
        size = version * 4 + 17
        modules = Array(repeating: false, count: size * size)
        isFunction = modules
    }

    subscript(x: Int, y: Int) -> Bool { modules[y * size + x] }

    mutating func setFunction(_ x: Int, _ y: Int, _ dark: Bool) {
        modules[y * size + x] = dark
        isFunction[y * size + x] = true
    }

    /// Timing patterns, finders with separators, alignment patterns, reserved format areas, version bits.
    mutating func drawFunctionPatterns() {
        for i in 0..<size {
            setFunction(6, i, i % 2 == 0)
            setFunction(i, 6, i % 2 == 0)
        }
        drawFinder(3, 3)
        drawFinder(size - 4, 3)
        drawFinder(3, size - 4)
        let positions = alignmentPositions
        let last = positions.count - 1
        for (i, x) in positions.enumerated() {
            for (j, y) in positions.enumerated() where !((i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0)) {
                drawAlignment(x, y)
            }
        }
        drawFormatBits(correction: .low, mask: 0)  // reserves the area; redrawn after masking
        drawVersionBits()
    }

    /// Centre coordinates of alignment patterns, ascending, identical for rows and columns.
    var alignmentPositions: [Int] {
        guard version > 1 else { return [] }
        let count = version / 7 + 2
        let step = version == 32 ? 26 : (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2
        var result = [6]
        for k in stride(from: count - 2, through: 0, by: -1) { result.append(size - 7 - k * step) }
        return result
    }

    /// A 7×7 finder centred at (x, y) with its light separator, clipped to the symbol.
    mutating func drawFinder(_ x: Int, _ y: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let distance = max(abs(dx), abs(dy))
                let (xx, yy) = (x + dx, y + dy)
                if (0..<size).contains(xx), (0..<size).contains(yy) {
                    setFunction(xx, yy, distance != 2 && distance != 4)
                }
            }
        }
    }

    /// A 5×5 alignment pattern centred at (x, y).
    mutating func drawAlignment(_ x: Int, _ y: Int) {
        for dy in -2...2 {
            for dx in -2...2 { setFunction(x + dx, y + dy, max(abs(dx), abs(dy)) != 1) }
        }
    }

    /// The 15 format bits (level and mask, BCH-protected, XOR 0x5412), in both copies.
    mutating func drawFormatBits(correction: QRCode.ErrorCorrection, mask: Int) {
        let data = correction.formatBits << 3 | mask
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        let bits = (data << 10 | remainder) ^ 0x5412
        func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
        for i in 0...5 { setFunction(8, i, bit(i)) }
        setFunction(8, 7, bit(6))
        setFunction(8, 8, bit(7))
        setFunction(7, 8, bit(8))
        for i in 9..<15 { setFunction(14 - i, 8, bit(i)) }
        for i in 0..<8 { setFunction(size - 1 - i, 8, bit(i)) }
        for i in 8..<15 { setFunction(8, size - 15 + i, bit(i)) }
        setFunction(8, size - 8, true)  // the dark module
    }

    /// The 18 version bits (BCH-protected) in both 6×3 blocks, for version 7 and up.
    mutating func drawVersionBits() {
        guard version >= 7 else { return }
        var remainder = version
        for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
        let bits = version << 12 | remainder
        for i in 0..<18 {
            let dark = (bits >> i) & 1 == 1
            let (a, b) = (size - 11 + i % 3, i / 3)
            setFunction(a, b, dark)
            setFunction(b, a, dark)
        }
    }

    /// Places codeword bits in the zigzag of two-module columns, right to left, skipping column 6.
    mutating func drawCodewords(_ codewords: [UInt8]) {
        var index = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            let upward = (right + 1) & 2 == 0
            for vertical in 0..<size {
                let y = upward ? size - 1 - vertical : vertical
                for x in [right, right - 1] where !isFunction[y * size + x] && index < codewords.count * 8 {
                    modules[y * size + x] = (codewords[index >> 3] >> UInt8(7 - (index & 7))) & 1 == 1
                    index += 1
                }
            }
            right -= 2
        }
    }

    /// Inverts every data module where the mask pattern's condition holds; applying twice undoes it.
    mutating func applyMask(_ mask: Int) {
        for y in 0..<size {
            for x in 0..<size where !isFunction[y * size + x] {
                let invert: Bool
                switch mask {
                case 0: invert = (x + y) % 2 == 0
                case 1: invert = y % 2 == 0
                case 2: invert = x % 3 == 0
                case 3: invert = (x + y) % 3 == 0
                case 4: invert = (x / 3 + y / 2) % 2 == 0
                case 5: invert = x * y % 2 + x * y % 3 == 0
                case 6: invert = (x * y % 2 + x * y % 3) % 2 == 0
                default: invert = ((x + y) % 2 + x * y % 3) % 2 == 0
                }
                if invert { modules[y * size + x].toggle() }
            }
        }
    }

    // MARK: Penalty

    /// The standard penalty: runs of five or more (N1 = 3), 2×2 blocks (N2 = 3), finder-like
    /// 1:1:3:1:1 patterns with four light modules on a side (N3 = 40), dark/light imbalance (N4 = 10).
    func penalty() -> Int {
        var result = 0
        for line in 0..<size {
            result += linePenalty { self[$0, line] }
            result += linePenalty { self[line, $0] }
        }
        for y in 0..<size - 1 {
            for x in 0..<size - 1 {
                let colour = self[x, y]
                if colour == self[x + 1, y], colour == self[x, y + 1], colour == self[x + 1, y + 1] { result += 3 }
            }
        }
        let dark = modules.count { $0 }
        let total = size * size
        let k = (abs(dark * 20 - total * 10) + total - 1) / total - 1
        return result + k * 10
    }

    /// N1 and N3 for one row or column, read through `colour(i)`.
    private func linePenalty(_ colour: (Int) -> Bool) -> Int {
        var result = 0
        var runColour = false
        var runLength = 0
        var history = FinderHistory(size: size)
        for i in 0..<size {
            if colour(i) == runColour {
                runLength += 1
                if runLength == 5 { result += 3 } else if runLength > 5 { result += 1 }
            } else {
                history.add(runLength)
                if !runColour { result += history.countPatterns() * 40 }
                runColour = colour(i)
                runLength = 1
            }
        }
        return result + history.terminateAndCount(runColour: runColour, runLength: runLength) * 40
    }
}

/// The lengths of the last seven runs of a line, newest first, for spotting finder-like patterns;
/// the light border beyond the symbol counts as light modules.
struct FinderHistory {
    let size: Int
    var runs = [Int](repeating: 0, count: 7)

    mutating func add(_ length: Int) {
        let length = runs[0] == 0 ? length + size : length  // the first run joins the light border
        runs.removeLast()
        runs.insert(length, at: 0)
    }

    /// 0–2 patterns dark–light–dark×3–light–dark with at least four light modules before or after.
    func countPatterns() -> Int {
        let n = runs[1]
        let core = n > 0 && runs[2] == n && runs[3] == n * 3 && runs[4] == n && runs[5] == n
        return (core && runs[0] >= n * 4 && runs[6] >= n ? 1 : 0) + (core && runs[6] >= n * 4 && runs[0] >= n ? 1 : 0)
    }

    mutating func terminateAndCount(runColour: Bool, runLength: Int) -> Int {
        var length = runLength
        if runColour {
            add(length)
            length = 0
        }
        add(length + size)
        return countPatterns()
    }
}
