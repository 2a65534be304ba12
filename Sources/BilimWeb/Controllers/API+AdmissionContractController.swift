import BilimCore
import BilimServices
import Foundation
import Hummingbird

/// The admitted applicant's education contract (003 §12): read its text, start the signing (a one-time code or the
/// text to sign with an EDS), sign it.
struct APIAdmissionContractController {
    let dependencies: ServiceDependencies
    let gateway: any SMSGateway

    func add(to router: Router<BilimRequestContext>) {
        router.behind(.applicant, dependencies)
            .get("/api/v1/admission/applications/{id}/contract", use: contract)
            .post("/api/v1/admission/applications/{id}/contract/confirmations", use: prepare)
            .post("/api/v1/admission/applications/{id}/contract", use: sign)
    }

    /// The contract's language: `language` in the query or the body, else the request's.
    static func language(_ code: String?, context: BilimRequestContext) throws -> Language {
        guard let code else { return context.language }
        guard let language = Language(rawValue: code) else { throw DomainError(.requestInvalid, field: "language", ["field": "language"]) }
        return language
    }

    @Sendable func contract(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let language = try Self.language(request.uri.queryParameters.get("language"), context: context)
        return try JSON.response(try await AdmissionContracts(dependencies).contract(context.parameters.get("id") ?? "", language: language, by: actor))
    }

    struct PrepareBody: Decodable {
        let method: String
        let language: String?
    }

    @Sendable func prepare(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let b = try await JSON.decode(PrepareBody.self, request: request, context: context)
        let prepared = try await AdmissionContracts(dependencies).prepareSigning(
            context.parameters.get("id") ?? "", method: b.method, language: try Self.language(b.language, context: context), by: actor,
            gateway: gateway)
        return try JSON.response(prepared, status: .created)
    }

    struct SignBody: Decodable {
        let language: String?
        let confirmation: ConfirmationBody?
    }

    @Sendable func sign(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let b = try await JSON.decode(SignBody.self, request: request, context: context)
        return try JSON.response(
            try await AdmissionContracts(dependencies).sign(
                context.parameters.get("id") ?? "", language: try Self.language(b.language, context: context),
                confirmation: try b.confirmation?.proof(), by: actor))
    }
}
