import BilimCore
import BilimServices
import Foundation
import Hummingbird

/// The admitted applicant's education contract on the page (003 §12): the text in the page's language, then the
/// signing with a one-time code or an EDS over exactly that text, as an application is confirmed.
struct AdmissionContractPagesController {
    let dependencies: ServiceDependencies
    let renderer: Renderer
    let gateway: any SMSGateway

    func add(to router: Router<BilimRequestContext>) {
        router.behind(.applicant, dependencies)
            .get("/admission/{id}/contract", use: show)
            .post("/admission/{id}/contract", use: submit)
    }

    struct Page {
        let page: PageChrome
        let heading: String
        let due: String
        let paragraphs: [String]
        let canSign: Bool
        let state: String
        let confirm: ConfirmStep
        let submitLabel: String
        let hidden: [ApplyController.Hidden]
        let codeError: String?
        let hasCodeError: Bool
        let error: String?
        let hasError: Bool
    }

    @Sendable func show(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        return try await page(context.parameters.get("id") ?? "", actor: actor, context: context)
    }

    func page(
        _ id: String, actor: Actor, context: BilimRequestContext, confirm: ConfirmStep.State = .choosing, error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let lang = context.language
        let t = renderer.text
        let contract = try await AdmissionContracts(dependencies).contract(id, language: lang, by: actor)
        let heading = t("admission_contract_title", lang)
        let due = CivilDate(iso: contract.due)?.dotted ?? contract.due
        let action = "/admission/\(id)/contract"
        let model = Page(
            page: PageChrome(title: heading, context: context, text: t, path: action), heading: heading, due: due,
            paragraphs: contract.text.split(separator: "\n").map(String.init), canSign: contract.status == "pending",
            state: t("admission_contract_\(contract.status)", lang), confirm: ConfirmStep(action: action, confirm),
            submitLabel: t("admission_contract_sign_button", lang), hidden: [], codeError: error, hasCodeError: error != nil, error: error,
            hasError: error != nil)
        return renderer.html("admission-contract", model, status: status)
    }

    @Sendable func submit(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let fields = try await Forms.fields(request: request, context: context)
        let id = context.parameters.get("id") ?? ""
        let lang = context.language
        let step = fields["step"] ?? ""
        let contracts = AdmissionContracts(dependencies)
        do {
            if let method = ConfirmStep.method(preparing: step) {
                let prepared = try await contracts.prepareSigning(id, method: method, language: lang, by: actor, gateway: gateway)
                return try await page(id, actor: actor, context: context, confirm: ConfirmStep.state(prepared))
            }
            let proof = ConfirmStep.steps.contains(step) ? ConfirmStep.proof(step: step, fields: fields) : nil
            _ = try await contracts.sign(id, language: lang, confirmation: proof, by: actor)
            return .redirect(to: "/admission?signed=1", type: .normal)
        } catch let error as DomainError where ConfirmStep.isConfirmationFailure(error.code) {
            return try await page(
                id, actor: actor, context: context, confirm: ConfirmStep.retry(after: error.code, step: step, fields: fields),
                error: error.message(in: lang), status: ErrorMiddleware.status(error.code.category))
        } catch let error as DomainError where error.code.category == .validation || error.code.category == .conflict {
            return try await page(id, actor: actor, context: context, error: error.message(in: lang), status: ErrorMiddleware.status(error.code.category))
        }
    }
}
