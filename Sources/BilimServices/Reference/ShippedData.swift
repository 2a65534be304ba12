import BilimCore
import Foundation

/// The data shipped with the release: calendar years and service passports, as JSON resources.
package enum ShippedData {
    package struct LoadError: Error, CustomStringConvertible {
        package let description: String
    }

    private static func files(_ folder: String) throws(LoadError) -> [URL] {
        let dir = Bundle.module.bundleURL.appendingPathComponent("Resources/\(folder)")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path)
        else { throw LoadError(description: "the shipped \(folder) data is missing from the installation") }
        return names.filter { $0.hasSuffix(".json") }.sorted().map { dir.appendingPathComponent($0) }
    }

    /// Decodes a JSON file, turning a decoding failure into a message that names the file and the field.
    package static func decode<T: Decodable>(_ type: T.Type, from url: URL) throws(LoadError) -> T {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw LoadError(description: "\(url.path): cannot read the file")
        }
        return try decode(type, from: data, name: url.lastPathComponent)
    }

    package static func decode<T: Decodable>(_ type: T.Type, from data: Data, name: String) throws(LoadError) -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let DecodingError.keyNotFound(key, ctx) {
            throw LoadError(description: "\(name): missing field '\(path(ctx.codingPath + [key]))'")
        } catch let DecodingError.valueNotFound(_, ctx) {
            throw LoadError(description: "\(name): field '\(path(ctx.codingPath))' is null")
        } catch let DecodingError.typeMismatch(t, ctx) {
            throw LoadError(description: "\(name): field '\(path(ctx.codingPath))' should be \(t)")
        } catch let DecodingError.dataCorrupted(ctx) {
            let at = ctx.codingPath.isEmpty ? "" : " at '\(path(ctx.codingPath))'"
            throw LoadError(description: "\(name): \(ctx.debugDescription)\(at)")
        } catch {
            throw LoadError(description: "\(name): \(error)")
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingPrefix(".").description
    }

    /// The admission quota categories with their shares and sources (spec/quotas.md), in their order.
    package static func quotaCategories() throws(LoadError) -> [QuotaCategory] {
        struct File: Decodable {
            let categories: [QuotaCategory]
        }
        let url = Bundle.module.bundleURL.appendingPathComponent("Resources/admission/quota-categories.json")
        return try decode(File.self, from: url).categories
    }

    /// The shipped reference of subjects by specialty (003 §54; Annex 5 is not in the seeds: see the file's source).
    package struct SpecialtyList: Decodable, Sendable {
        package let specialty: String
        package let name: String
        package let subjects: [String]
    }

    package static func specialtySubjects() throws(LoadError) -> (source: String, lists: [SpecialtyList]) {
        struct File: Decodable {
            let source: String
            let specialties: [SpecialtyList]
        }
        let url = Bundle.module.bundleURL.appendingPathComponent("Resources/admission/specialty-subjects.json")
        let file = try decode(File.self, from: url)
        return (file.source, file.specialties)
    }

    package static func calendarYears() throws(LoadError) -> [CalendarYearData] {
        try files("calendar").map { url throws(LoadError) in try decode(CalendarYearData.self, from: url) }
    }

    package static func passports(directory: URL? = nil) throws(LoadError) -> [ServicePassport] {
        let urls: [URL]
        if let directory {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            urls = names.filter { $0.hasSuffix(".json") }.sorted().map { directory.appendingPathComponent($0) }
        } else {
            urls = try files("passports")
        }
        return try urls.map { url throws(LoadError) in try decode(ServicePassport.self, from: url) }
    }

    /// Loads and validates the passports: any problem stops the start with a message naming file and field.
    package static func passportCatalog(directory: URL? = nil) throws(LoadError) -> PassportCatalog {
        let list = try passports(directory: directory)
        do {
            return try PassportCatalog(list)
        } catch {
            throw LoadError(description: "service passports: \(error.arguments["detail"] ?? error.description)")
        }
    }
}
