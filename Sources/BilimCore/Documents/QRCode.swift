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
