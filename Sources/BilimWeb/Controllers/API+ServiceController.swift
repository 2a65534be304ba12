import BilimCore
import BilimServices
import Foundation
import Hummingbird

/// `GET /api/v1/services`: the passports in force today; `GET /api/v1/services/{id}`: one service with every version.
struct APIServiceController {
    let dependencies: ServiceDependencies

    func add(to router: Router<BilimRequestContext>) {
        router.get("/api/v1/services", use: list)
        router.get("/api/v1/services/{id}", use: one)
    }

    struct ServiceDetail: Encodable {
        let current: ServicePassport
        let versions: [ServicePassport]
    }

    @Sendable func list(_ request: Request, context: BilimRequestContext) async throws -> Response {
        try JSON.response(dependencies.passports.currentAll(on: dependencies.today))
    }

    @Sendable func one(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let raw = context.parameters.get("id") ?? ""
        guard let id = ServiceID(rawValue: raw.uppercased()),
            let current = dependencies.passports.current(id, on: dependencies.today)
        else { throw DomainError(.serviceNotFound, field: "id", ["value": String(raw.prefix(20))]) }
        return try JSON.response(ServiceDetail(current: current, versions: dependencies.passports.versions(of: id)))
    }
}

enum JSON {
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }

    /// Decodes a JSON request body; a body that is not the expected JSON is a validation error naming the field.
    /// Only `application/json` is read: a cross-site form cannot send it without the browser asking first, which
    /// protects the cookie-authenticated API from request forgery.
    static func decode<T: Decodable>(_ type: T.Type, request: Request, context: BilimRequestContext) async throws -> T {
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true else {
            throw DomainError(.requestInvalid, field: "Content-Type", ["field": "Content-Type"])
        }
        let buffer = try await Body.collect(request, context)
        do {
            return try JSONDecoder().decode(type, from: Data(String(buffer: buffer).utf8))
        } catch let DecodingError.keyNotFound(key, _) {
            throw DomainError(.fieldRequired, field: key.stringValue)
        } catch let DecodingError.typeMismatch(_, ctx) {
            let field = ctx.codingPath.last?.stringValue ?? "body"
            throw DomainError(.requestInvalid, field: field, ["field": field])
        } catch let DecodingError.valueNotFound(_, ctx) {
            throw DomainError(.fieldRequired, field: ctx.codingPath.last?.stringValue)
        } catch {
            throw DomainError(.requestInvalid, field: "body", ["field": "body"])
        }
    }
}

enum Body {
    /// Forms and JSON bodies are small.
    static let smallLimit = 256 * 1024

    /// The whole request body, or `request.tooLarge` (413) past the limit (forms and JSON: `smallLimit`).
    static func collect(_ request: Request, _ context: BilimRequestContext, limit: Int = smallLimit) async throws
        -> ByteBuffer
    {
        do {
            return try await request.body.collect(upTo: min(limit, context.maxUploadSize))
        } catch let error as DomainError {
            throw error
        } catch {
            throw DomainError(.requestTooLarge, field: "body")
        }
    }
}
