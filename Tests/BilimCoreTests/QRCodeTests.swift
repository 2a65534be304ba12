import Testing

@testable import BilimCore

/// Reference matrices were produced by python-qrcode 8.2 (an independent implementation) with its mask
/// fixed to the one this encoder chose: `QRData(text.encode(), mode=MODE_8BIT_BYTE)`, `border=0`.
/// The encoder's own mask choice also agrees with Nayuki's qrcodegen 1.8 on hundreds of random inputs.
@Suite struct QRCodeTests {
    /// A symbol expected module for module: '#' dark, '.' light, row by row from the top.
    struct Reference: Sendable, CustomTestStringConvertible {
        let text: String
        let correction: QRCode.ErrorCorrection
        let version: Int
        let rows: [String]
        var testDescription: String { "\(text.utf8.count) bytes at \(correction), version \(version)" }
    }

    static let references: [Reference] = [
        Reference(text: "https://bilim.example/verify/D-2026-000001", correction: .medium, version: 3, rows: [
            "#######..#.#..#....##.#######",
            "#.....#....##..###..#.#.....#",
            "#.###.#.###....##.###.#.###.#",
            "#.###.#.###.##...#.#..#.###.#",
            "#.###.#.##..#.#...##..#.###.#",
            "#.....#.##..#..#....#.#.....#",
            "#######.#.#.#.#.#.#.#.#######",
            "........##.#....#...#........",
            "#.#####..#...#.###....#####..",
            "####...##.#...#....######...#",
            ".#...##.##.##..#.##...###....",
            "#.##....##........#.#....#.#.",
            ".#.#..#.##...#.###.#.#...##..",
            "..#.##.#..###.#..########...#",
            "..#.#.#.##.#...#..#...#.###..",
            "#.#.#..###.##..#.....###...#.",
            "#.##.##.#..#.#.###..#....##..",
            "###..#.######.#...#######.#.#",
            "#.##..#..##.#..#.#..#..##.#..",
            "#........#.##.....#.#......#.",
            "#..#.###...###.###.######.###",
            "........###.#.#..#..#...#####",
            "#######..##....##.###.#.###..",
            "#.....#.##..#.###..##...#..##",
            "#.###.#.##.......##.#####.###",
            "#.###.#.#...#....###.....####",
            "#.###.#.##..#.##.#....######.",
            "#.....#..###...##...###..#.#.",
            "#######.#...##.#...#.#..#.#..",
        ]),
        Reference(text: "7", correction: .low, version: 1, rows: [
            "#######..#.##.#######",
            "#.....#..###..#.....#",
            "#.###.#.##.##.#.###.#",
            "#.###.#..#.#..#.###.#",
            "#.###.#...#.#.#.###.#",
            "#.....#.....#.#.....#",
            "#######.#.#.#.#######",
            "........##.##........",
            "###.########.##...#..",
            ".##.##.#......#...##.",
            "#.#.#.#..##.#...#...#",
            "#.##...##.....#...#.#",
            "..#.####..#.#.#.#.###",
            "........#..#.#.#.#..#",
            "#######.#.##.###.##.#",
            "#.....#.#.####.###...",
            "#.###.#.#..#.###.##.#",
            "#.###.#..##...#...##.",
            "#.###.#.#.#.#...#...#",
            "#.....#.#.....#...##.",
            "#######.###.#.#.#.###",
        ]),
        Reference(text: String(repeating: "Bilim QR ✓ ", count: 23), correction: .quartile, version: 16, rows: [
            "#######.###..##.##..#..####.#.....###.#.##.#.####...###..##.#######.......#######",
            "#.....#..#.#.#....####..##.#..#.#.#.#..##..###.##.####.#...#...###.#.####.#.....#",
            "#.###.#.#.##.#..##.#..##.##..#.###...#..##....##.#..#..#.##..###...#.##.#.#.###.#",
            "#.###.#.####.####...###....##.##..##..#.##..###.######.###.#.#####.####.#.#.###.#",
            "#.###.#...#.####.#..#...######..####.##....##...#####..#..#..##....#.#....#.###.#",
            "#.....#.#..#....##.###.##...##..#.##.###.##.###.#...###.#.###...###....#..#.....#",
            "#######.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#######",
            "........#.#.###.####.#..#...##.##.#.##..#....####...##.#.###...###...##..........",
            ".#.#.####...#....#..#..######...#.#.#..##.#.#..######.#.###.#..##.#.###..###.##.#",
            "..##.#....#.#.##.###..#.#.#.#.#.#.#...#.#.##...##..#.....#.....##..#.#.....#..###",
            "##.#.##.##..##.##########..##..#...####...#...###.#...####..#..#..####..###.#####",
            "..###..#.#.#....#.###.#..##.##.##.#.###.#.##.#...#.#####...##.#..##..#....##....#",
            "####.###....#...#.###.##.#...#..####.##...#.####.......###....#.....####..##....#",
            ".##..#..#.####..#.##.#.####..##..###.#..##.##.##.#.#.#.##.##..##.#..####..###.##.",
            "...#.###.##...#.#...#.#.#..#####.#.###.###...##..#..#..##....####..###.#.#.####..",
            "#.#..#..#.#..##..###.....##..#.##..###.#..##.#.#####.#.#.#.#.#...#.#.#..###..##..",
            "#...###..##.###..####.....##.##..#....#.#..##..#..###.#.##.##.#.#.#.#...###..####",
            "...###..#....#.#####.#..#.#...#..#...###.##.#....###.#..#...###..#..####..##..#.#",
            ".#....#..#..#####....#....###..##.#.##.##...#.##.#.###..#.#####..#..#.#####.###..",
            ".#........#.####......#...##..#.....###..#..#####..##..##......#...##..#.#..#...#",
            ".#..###.#..#.#..##.##.##.#.###..#.###..##..##.#...#..##.#..#.#..###.#.......##...",
            "###.##...###.########.##..##.##.###.#..##..#...##.#..###.#.###.#.###.#.###.#.#.##",
            "..#.#.#..##..#.##..#.#.#...##...####.##..###.#..######...####....#...##.#.##....#",
            ".#####....##..###...#.##.######...##...#.###.#..#.#....###.#.####..###.####...#.#",
            "#.#.#####..#...#...#.##.#########...#.#.#.#.##..#########.#...#.#####.#.#######..",
            ".##.#...#..#.#.###..#..##...##.#.###......#######...##..#.#...####..#.###...#.##.",
            "....#.#.#..#....#.#..##.#.#.#.##.##..#.###.##..##.#.#.##.#.#..#...##.#..#.#.###.#",
            "..###...#.#.#..##.##.#.##...#........##..####.#.#...##.....#######.....##...#..#.",
            ".#.######.##.....#..###.#######.#.##..#.###..#.#########....###.####....#####....",
            "..#.##.#....#.##...#.#..##..##..####.#..#.#..#..#.#....#.##..###...#.######....#.",
            "###.#.#.####...#...#..###...##.#.##.#....#.##...#.#..#.###..#....#.###....#.#.#.#",
            "#.##.#.##.......#...##.#####.###..#..#...####....##.##.#.####..###.#.###.#.#..##.",
            ".#...##.###.###.###.......#..#.#....#######.#.#...#..##.#####....##.###.##.###.##",
            "....#...##..##.###..##..#..##..#.##.#..##.#.###..#.####..#.#.#.#.##..#..##.######",
            "..#.#.##.###...#.#.##.....###..#######..#..###..#......#.#...#.....#.#.......####",
            "##.###...####........##.#....#.##.#......#..###..###..##.#..#.....##.#...#####...",
            "..#####.#....#..##.##.#.##...#....#####....#.###..#.#.#.###..#....#.####....#...#",
            "..###...#.###....###..#####.##.#...##.#.###...##.#.#.#...###.#.#.#...###.###.#.#.",
            "..#..####.####.#.#....#.#..###..#..#.###....#..#.##.##...#.##.####...#..##..##.#.",
            "######.##.######.##.##.....##...##..##.#..#.##..#..#.#.###..##...#.###...#.###.#.",
            ".....##.##.##.##....#..##.####...####.#.####..#.###.#.###...#.#.#.###...##.#...##",
            "#..#.#..#..##..#.#.##.###..####.#####..##.######.#.##..#####.##....####........##",
            "....#.#.###..#....##.##...#.#####.##.#..##.#######..........###.........#.#....##",
            "...#.#...###.##.####..###.#..###..###.####..#..#...####.##.....#.##.##....##.....",
            "#.....#....##.#......##..###..#.....#.##..###.#..#..#.#.#.####..#.#.#.####.#.#...",
            "..###...#.#.##.####..#.#.#.##..#.##..#.#.##.#..###..####.#...#.#.###.#.#.###.#...",
            ".#....##.#.....##...########.#..#.....##.#.##.#.#.#..####.#.#....####.###.#..##.#",
            "######.##........#####.#..##.....##..###.##..#.####..#...#.#######...#.#..####..#",
            ".#.#######...##....#..#######...#.#.#.###.#.#.#.#####...#.#...#.#...#.#########.#",
            "##.##...###...#.#..#.##.#...##..#.###..##.#.#..##...####.###..######.####...##..#",
            ".#..#.#.###.#...###.#.###.#.###..##.###.###.#...#.#.#.#.....#.#...#....##.#.####.",
            "..#.#...#.##.#......#..##...#.....#.####.##.##.##...#....##.#####....####...#..##",
            ".########.##.#.##..#.#..######.#.#...#.#.....#..#####..###.####.#..###..#####.###",
            "#....#.##.#####..#.##.###.##..####..######.#.#.##.##.#..###..###.#..######.....#.",
            "..########.#.#.#.#....###.#.#.##.##.##..#..#.##...###.#.###.....#.#.###.#.#.#.#.#",
            "..##.#.####..#...##..#.#.##.#.###.#.######...###.########.##......###.#...#.....#",
            ".##.#.#.##.######.....##...#.#.....##.##.....##.#..####.#..#....###.#..##.###.#..",
            "...##..###...#.#..###...##..#...##.##.###...##..##.#.###.###.#...###.##....###.##",
            "###..###....#.###...#.....###....##.##.#######...#.##.#.##...#...#..##..#...##..#",
            "#..###.##...##...###.....##..#...#.#...#......#..#.##.#.....##...#.....#.###....#",
            "#.#...####.###.#....##.#...######..#.#.#.#.#...#....#.###....##.##.##...###......",
            ".##.##.#.#.#.###...#.#.##.##.#.##..#...###.#...#....##....##..#.#.....#.#.#.#.#.#",
            "###...####.##.#.###.....#.###..#.###...#.####.#.#..#.#....####..##....##...##.###",
            ".##..#.#..#..##...###....#.#.#..#..#.#.##..##.#..#...#..#.#.#...##..#.##.#.###.#.",
            "#.##..##..#.#..##..##..#####...##.###.#..#..#.#.###...###...##..#.###..##..#...##",
            "#.##.#..#.##.##.#.#.#..##.#.##..#.##.##.#####.#..###...#.###.#.#...#.##.##.#####.",
            "#..##.#######.###.###...##.#..#..#.#####..###.#.#..#...#.#..#####..#.#.##...#.###",
            "###.#..#..#..#########.####.#.###.####.#####.......####..##..#...##..##.##...##..",
            "#.##..##.#...########.##..#.#..#####..#.##.##..####...##.####.###.##.##.##....###",
            ".#..##..#.....#.#..#######.#.#..#.##.#.###..####.#..###........#.##....#####..#..",
            ".###..##.#######..##.##.##.##.#.###.#...#.#.#.####...####...###..####...####...#.",
            ".#...#......#.####.#.#.#.##.##.###.#.#..#.#..###.....#....###...##....#..#..####.",
            ".###..##.#.#....#..#.#########....#####..##.#.#######.........#.#.......#####.#.#",
            "........##....##.###..#.#...#####.#####..#.#...##...###..###..##.##..##.#...###.#",
            "#######.#..#...#.#...#..#.#.##.#.#...############.#.#.####..####..##.#.##.#.#..#.",
            "#.....#.#.#.####..###..##...##...##...##..#..#.##...#..#.#..##.#...###..#...#....",
            "#.###.#....##.##......#.######.#####.##....###..#####...#..##.##....#...#####.##.",
            "#.###.#.#.#..#.#.####..#.#..####.##..#####..##.####..#.#......#..#.....#.####..##",
            "#.###.#...###......#.###..#...##...#####..#.#...###.#.##.#..#.#.#.####..#...#.#.#",
            "#.....#.#..######.#.#.###.#.#.#.#..#...#...##.#.......#..##.###...###.###........",
            "#######...#.#.#.####.#####....#####..###.##.#..###...##.#.###.#..##.#.#.#.#.#.##.",
        ]),
    ]

    @Test("module matrices match an independent encoder byte for byte", arguments: references)
    func referenceMatrix(reference: Reference) throws {
        let code = try QRCode(text: reference.text, correction: reference.correction)

        #expect(code.version == reference.version)
        #expect(code.size == reference.version * 4 + 17)
        try #require(reference.rows.count == code.size)
        let actual = rows(of: code)
        let differing = actual.indices.filter { actual[$0] != reference.rows[$0] }
        #expect(differing.isEmpty, "rows differing from the reference: \(differing)")
    }

    @Test(
        "the smallest version is chosen: a version's byte capacity fits, one byte more needs the next version",
        arguments: [
            (QRCode.ErrorCorrection.low, 1, 17), (.medium, 1, 14), (.quartile, 1, 11), (.high, 1, 7),
            (.quartile, 2, 20), (.medium, 9, 180), (.high, 10, 119), (.low, 26, 1367),
        ] as [(QRCode.ErrorCorrection, Int, Int)])
    func versionBoundary(correction: QRCode.ErrorCorrection, version: Int, capacity: Int) throws {
        let full = try QRCode(text: String(repeating: "a", count: capacity), correction: correction)
        let over = try QRCode(text: String(repeating: "a", count: capacity + 1), correction: correction)

        #expect(full.version == version)
        #expect(over.version == version + 1)
        #expect(QRCode.byteCapacity(version: version, correction: correction) == capacity)
    }

    @Test("capacity counts UTF-8 bytes and the default level is medium")
    func utf8Bytes() throws {
        let fourteen = String(repeating: "Қ", count: 7)  // 2 bytes each

        #expect(try QRCode(text: fourteen).version == 1)
        #expect(try QRCode(text: fourteen + "a").version == 2)
        #expect(try QRCode(text: fourteen).correction == .medium)
    }

    @Test(
        "data beyond version 40's capacity at the level is too long",
        arguments: [(QRCode.ErrorCorrection.low, 2953), (.medium, 2331), (.quartile, 1663), (.high, 1273)]
            as [(QRCode.ErrorCorrection, Int)])
    func tooLong(correction: QRCode.ErrorCorrection, capacity: Int) throws {
        let largest = try QRCode(text: String(repeating: "z", count: capacity), correction: correction)

        #expect(largest.version == 40)
        #expect(largest.size == 177)
        #expect(throws: QRCodeError.tooLong) {
            try QRCode(text: String(repeating: "z", count: capacity + 1), correction: correction)
        }
    }

    @Test("finder patterns with separators sit in three corners, not the fourth; timing patterns alternate")
    func finderPatterns() throws {
        for text in ["1", "https://bilim.example/verify/D-2026-000001", String(repeating: "q", count: 500)] {
            let code = try QRCode(text: text, correction: .high)
            let last = code.size - 7
            for (left, top) in [(0, 0), (last, 0), (0, last)] {
                #expect(isFinder(code, left: left, top: top), "finder at \(left),\(top) for \(code.version)")
            }
            #expect(!isFinder(code, left: last, top: last))
            for i in 8..<code.size - 8 {
                #expect(code.isDark(x: i, y: 6) == (i % 2 == 0))
                #expect(code.isDark(x: 6, y: i) == (i % 2 == 0))
            }
            #expect(code.isDark(x: 8, y: code.size - 8), "the dark module")
            #expect(!code.isDark(x: -1, y: 0) && !code.isDark(x: 0, y: code.size))
        }
    }

    @Test("the SVG is one compact, well-formed element tree with an escaped title and a path of exactly the dark modules")
    func svg() throws {
        let code = try QRCode(text: "https://bilim.example/verify/D-2026-000001")
        let svg = code.svg(moduleSize: 3, quietZone: 2, title: "Verify <D-2026> & \"sign\"")
        let side = code.size + 4

        #expect(svg.hasPrefix(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" role=\"img\" "
                + "aria-label=\"Verify &lt;D-2026&gt; &amp; &quot;sign&quot;\" shape-rendering=\"crispEdges\""))
        #expect(svg.contains("width=\"\(side * 3)\" height=\"\(side * 3)\">"))
        #expect(svg.contains("<title>Verify &lt;D-2026&gt; &amp; &quot;sign&quot;</title>"))
        #expect(svg.contains("<rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/>"))
        #expect(svg.hasSuffix("\"/></svg>"))
        #expect(!svg.contains("\n"))
        #expect(svg.ranges(of: "<path ").count == 1)
        #expect(svg.ranges(of: "<").count == 6, "svg, title, /title, rect, path, /svg")
        #expect(svg.ranges(of: ">").count == 6)
        #expect(!svg.contains("<D-2026>") && !svg.contains("& "))

        let d = try #require(svg.split(separator: "d=\"").last?.split(separator: "\"").first)
        #expect(Set(modules(inPath: String(d), offset: 2)) == Set(darkModules(code)))
        #expect(d.split(separator: "M").count < darkModules(code).count, "horizontal runs are merged")
    }

    // MARK: Helpers

    private func rows(of code: QRCode) -> [String] {
        (0..<code.size).map { y in String((0..<code.size).map { code.isDark(x: $0, y: y) ? "#" : "." }) }
    }

    /// A 7×7 finder at (left, top) and a light separator ring around it, where inside the symbol.
    private func isFinder(_ code: QRCode, left: Int, top: Int) -> Bool {
        for dy in -1...7 {
            for dx in -1...7 {
                let (x, y) = (left + dx, top + dy)
                guard (0..<code.size).contains(x), (0..<code.size).contains(y) else { continue }
                let ring = max(abs(dx - 3), abs(dy - 3))
                if code.isDark(x: x, y: y) != (ring != 2 && ring != 4) { return false }
            }
        }
        return true
    }

    private struct Module: Hashable { let x, y: Int }

    private func darkModules(_ code: QRCode) -> [Module] {
        (0..<code.size).flatMap { y in (0..<code.size).filter { code.isDark(x: $0, y: y) }.map { Module(x: $0, y: y) } }
    }

    /// Reads back `M{x},{y}h{n}v1h-{n}z` runs; a malformed segment yields a module that cannot match.
    private func modules(inPath d: String, offset: Int) -> [Module] {
        d.split(separator: "M").flatMap { segment -> [Module] in
            let parts = segment.split(separator: "h")
            guard parts.count == 3, parts[1].hasSuffix("v1"), parts[2] == "-\(parts[1].dropLast(2))z",
                let comma = parts[0].firstIndex(of: ","), let x = Int(parts[0][..<comma]),
                let y = Int(parts[0][parts[0].index(after: comma)...]), let run = Int(parts[1].dropLast(2))
            else { return [Module(x: -1, y: -1)] }
            return (0..<run).map { Module(x: x - offset + $0, y: y - offset) }
        }
    }
}
