import BilimCore
import Foundation

/// Where the data lives, from `DATABASE_URL`: `sqlite:PATH`, `sqlite::memory:`, or `postgres://…`.
package enum DatabaseURL: Sendable, Equatable, CustomStringConvertible {
    case sqliteFile(path: String)
    case sqliteMemory
    case postgres(url: String)

    package static let defaultSQLitePath = "data/bilim.sqlite"

    package struct Invalid: Error, CustomStringConvertible {
        package let description: String
    }

    /// Parses the setting; nil or empty means the embedded database under `./data/`.
    package init(_ raw: String?) throws(Invalid) {
        let text = (raw ?? "").trimmingSpaces
        if text.isEmpty {
            self = .sqliteFile(path: DatabaseURL.defaultSQLitePath)
        } else if text == "sqlite::memory:" || text == "sqlite://:memory:" {
            self = .sqliteMemory
        } else if text.hasPrefix("sqlite://") {
            let path = String(text.dropFirst("sqlite://".count))
            guard !path.isEmpty else { throw Invalid(description: "DATABASE_URL 'sqlite://' names no file") }
            self = .sqliteFile(path: path)
        } else if text.hasPrefix("sqlite:") {
            let path = String(text.dropFirst("sqlite:".count))
            guard !path.isEmpty else { throw Invalid(description: "DATABASE_URL 'sqlite:' names no file") }
            self = .sqliteFile(path: path)
        } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(url: text)
        } else {
            throw Invalid(
                description:
                    "DATABASE_URL must start with sqlite: or postgres:// (got '\(DatabaseURL.redact(text))')")
        }
    }

    /// The file of an embedded database, if it has one.
    package var sqlitePath: String? {
        if case .sqliteFile(let path) = self { return path }
        return nil
    }

    package var isSQLite: Bool {
        if case .postgres = self { return false }
        return true
    }

    /// The URL with its password replaced, for messages and logs.
    package var description: String {
        switch self {
        case .sqliteFile(let path): "sqlite:\(path)"
        case .sqliteMemory: "sqlite::memory:"
        case .postgres(let url): DatabaseURL.redact(url)
        }
    }

    package static func redact(_ url: String) -> String {
        guard let scheme = url.range(of: "://"), let at = url.range(of: "@", range: scheme.upperBound..<url.endIndex)
        else { return url }
        let userInfo = url[scheme.upperBound..<at.lowerBound]
        guard let colon = userInfo.firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + ":***" + String(url[at.lowerBound...])
    }
}
