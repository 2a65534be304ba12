import BilimCore
import Foundation
import HTTPTypes
import Hummingbird

/// A file sent in a `multipart/form-data` body: its name as the browser gave it, the media type it declares and
/// its bytes. The declared type is only a claim: `FileCheck` decides what the bytes are.
package struct MultipartFile: Sendable, Hashable {
    package let filename: String
    package let mediaType: String
    package let bytes: [UInt8]

    package init(filename: String, mediaType: String, bytes: [UInt8]) {
        self.filename = filename
        self.mediaType = mediaType
        self.bytes = bytes
    }
}

/// The fields of a `multipart/form-data` body: text fields by name, files by name.
package struct MultipartForm: Sendable, Hashable {
    package var fields: [String: String] = [:]
    package var files: [String: MultipartFile] = [:]

    package init(fields: [String: String] = [:], files: [String: MultipartFile] = [:]) {
        self.fields = fields
        self.files = files
    }
}

/// A small, strict reader of `multipart/form-data` (RFC 7578) for the forms that carry a file. Anything it does not
/// understand is `request.invalid` on `body`, never a guess.
package enum Multipart {
    /// A whole body with a file of at most `FileCheck.maxBytes` and the form's fields.
    package static let maxBodySize = 6 * 1024 * 1024
    /// A body that carries an already checked file back as base64 in a hidden field (4/3 of its size), next to a
    /// possible new file: the steps after the upload.
    package static let maxCarriedBodySize = maxBodySize + (FileCheck.maxBytes + 2) / 3 * 4
    static let maxParts = 100
    static let maxHeaderBytes = 8 * 1024

    static func malformed() -> DomainError { DomainError(.requestInvalid, field: "body", ["field": "body"]) }

    /// The whole body (its CSRF token was checked by `CSRFMiddleware`). Over `limit` it is `request.tooLarge`.
    static func form(request: Request, context: BilimRequestContext, limit: Int = maxBodySize) async throws -> MultipartForm {
        let boundary = try boundary(contentType: request.headers[.contentType] ?? "")
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch {
            throw DomainError(.requestTooLarge, field: "body")
        }
        return try parse(Array(buffer.readableBytesView), boundary: boundary)
    }

    /// The boundary named by a `multipart/form-data` Content-Type (quoted or not, 1–70 characters).
    package static func boundary(contentType: String) throws(DomainError) -> String {
        let parts = contentType.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
        guard parts.first?.lowercased() == "multipart/form-data" else { throw malformed() }
        var boundary: String?
        for p in parts.dropFirst() {
            guard let eq = p.firstIndex(of: "=") else { continue }
            guard p[..<eq].trimmingSpaces.lowercased() == "boundary" else { continue }
            var value = p[p.index(after: eq)...].trimmingSpaces
            if value.hasPrefix("\"") {
                guard value.count >= 2, value.hasSuffix("\"") else { throw malformed() }
                value = String(value.dropFirst().dropLast())
            }
            boundary = value
        }
        guard let boundary, (1...70).contains(boundary.utf8.count), boundary.allSatisfy({ $0.isASCII && !$0.isNewline }),
            !boundary.hasSuffix(" ")
        else { throw malformed() }
        return boundary
    }

    /// Reads the parts of a body. Text parts are UTF-8 strings; parts with a `filename` are files. A name given
    /// twice, a part without `Content-Disposition: form-data; name=…`, a missing closing boundary or text that is
    /// not UTF-8 make the body malformed.
    package static func parse(_ body: [UInt8], boundary: String) throws(DomainError) -> MultipartForm {
        let dash: [UInt8] = Array("--".utf8)
        let crlf: [UInt8] = [13, 10]
        let first = dash + Array(boundary.utf8)
        let delimiter = crlf + first
        guard body.starts(with: first) else { throw malformed() }
        var form = MultipartForm()
        var seen = Set<String>()
        var position = first.count
        var parts = 0
        while true {
            // After a delimiter: "--" closes the body, CRLF opens a part.
            if body[position...].starts(with: dash) { return form }
            guard body[position...].starts(with: crlf) else { throw malformed() }
            position += 2
            parts += 1
            guard parts <= maxParts else { throw malformed() }
            guard let headerEnd = find([13, 10, 13, 10], in: body, from: position, within: maxHeaderBytes) else {
                // A part with no headers at all is not form-data.
                throw malformed()
            }
            let headers = try self.headers(Array(body[position..<headerEnd]))
            let contentStart = headerEnd + 4
            guard let contentEnd = find(delimiter, in: body, from: contentStart) else { throw malformed() }
            let content = Array(body[contentStart..<contentEnd])
            position = contentEnd + delimiter.count

            guard let disposition = headers["content-disposition"] else { throw malformed() }
            let (kind, params) = try parameters(disposition)
            guard kind == "form-data", let name = params["name"], !name.isEmpty else { throw malformed() }
            guard seen.insert(name).inserted else { throw malformed() }
            if let filename = params["filename"] {
                let type = headers["content-type"]?.trimmingSpaces ?? "application/octet-stream"
                form.files[name] = MultipartFile(filename: filename, mediaType: type, bytes: content)
            } else {
                guard let text = String(validating: content, as: UTF8.self) else { throw malformed() }
                form.fields[name] = text
            }
        }
    }

    /// The index of `needle` in `haystack` at or after `from`, looking no further than `within` bytes.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int, within: Int = .max) -> Int? {
        guard let head = needle.first else { return nil }
        let last = min(haystack.count - needle.count, within == .max ? .max : from + within)
        guard from <= last else { return nil }
        return haystack.withUnsafeBufferPointer { h -> Int? in
            var i = from
            while i <= last {
                if h[i] == head {
                    var j = 1
                    while j < needle.count && h[i + j] == needle[j] { j += 1 }
                    if j == needle.count { return i }
                }
                i += 1
            }
            return nil
        }
    }

    /// A part's header lines, by lowercased name. Folded lines and lines without a colon are malformed.
    static func headers(_ bytes: [UInt8]) throws(DomainError) -> [String: String] {
        guard let text = String(validating: bytes, as: UTF8.self) else { throw malformed() }
        var out: [String: String] = [:]
        for line in text.split(separator: "\r\n", omittingEmptySubsequences: false) {
            guard let colon = line.firstIndex(of: ":"), line.first.map({ $0 != " " && $0 != "\t" }) == true else { throw malformed() }
            let name = line[..<colon].trimmingSpaces.lowercased()
            guard !name.isEmpty, out[name] == nil else { throw malformed() }
            out[name] = line[line.index(after: colon)...].trimmingSpaces
        }
        return out
    }

    /// `form-data; name="a"; filename="b.pdf"` → ("form-data", ["name": "a", "filename": "b.pdf"]). Quoted values
    /// may hold `;`; as browsers send them, a quote inside is percent-encoded and a backslash is itself.
    static func parameters(_ value: String) throws(DomainError) -> (String, [String: String]) {
        let chars = Array(value)
        var i = 0
        func skipSpaces() { while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 } }
        var kind = ""
        while i < chars.count, chars[i] != ";" { kind.append(chars[i]); i += 1 }
        var params: [String: String] = [:]
        while i < chars.count {
            i += 1  // the ";"
            skipSpaces()
            if i == chars.count { break }
            var key = ""
            while i < chars.count, chars[i] != "=", chars[i] != ";" { key.append(chars[i]); i += 1 }
            guard i < chars.count, chars[i] == "=" else { throw malformed() }
            i += 1
            var v = ""
            if i < chars.count, chars[i] == "\"" {
                i += 1
                var closed = false
                while i < chars.count {
                    if chars[i] == "\"" {
                        closed = true
                        i += 1
                        break
                    }
                    v.append(chars[i])
                    i += 1
                }
                guard closed else { throw malformed() }
                skipSpaces()
                guard i == chars.count || chars[i] == ";" else { throw malformed() }
            } else {
                while i < chars.count, chars[i] != ";" { v.append(chars[i]); i += 1 }
                v = v.trimmingSpaces
            }
            let name = key.trimmingSpaces.lowercased()
            guard !name.isEmpty, params[name] == nil else { throw malformed() }
            params[name] = v
        }
        return (kind.trimmingSpaces.lowercased(), params)
    }
}
