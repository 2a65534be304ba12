/// Files people attach: a PDF or an image, no larger than the limit, and really what its type says — the first
/// bytes must carry the format's signature (SPEC.md "a file that is not what it says it is").
package enum FileCheck {
    package static let maxBytes = 5 * 1024 * 1024

    package enum MediaType: String, CaseIterable, Sendable {
        case pdf = "application/pdf"
        case png = "image/png"
        case jpeg = "image/jpeg"

        var signature: [UInt8] {
            switch self {
            case .pdf: Array("%PDF-".utf8)
            case .png: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            case .jpeg: [0xFF, 0xD8, 0xFF]
            }
        }
    }

    /// The media type, or the reason the file is refused.
    package static func check(declaredType: String, bytes: [UInt8]) throws(DomainError) -> MediaType {
        let declared = declaredType.split(separator: ";").first.map { $0.trimmingSpaces.lowercased() } ?? ""
        guard let type = MediaType(rawValue: declared) else {
            throw DomainError(.fileTypeNotAllowed, field: "file", ["value": String(declared.prefix(60))])
        }
        guard !bytes.isEmpty else { throw DomainError(.fileEmpty, field: "file") }
        guard bytes.count <= maxBytes else {
            throw DomainError(.fileTooLarge, field: "file", ["limit": String(maxBytes / 1024 / 1024)])
        }
        guard bytes.starts(with: type.signature) else {
            throw DomainError(.fileNotWhatItSays, field: "file", ["value": type.rawValue])
        }
        return type
    }
}
