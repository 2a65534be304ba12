import BilimCore
import BilimServices
import Hummingbird

/// The public pages: home and the service passports.
struct PublicController {
    let dependencies: ServiceDependencies
    let renderer: Renderer

    func add(to router: Router<BilimRequestContext>) {
        router.get("/", use: home)
        router.get("/services", use: services)
        router.get("/services/{id}", use: service)
    }

    struct ListPage {
        let page: PageChrome
        let services: [ServiceSummary]
    }

    @Sendable func home(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let lang = context.language
        let page = PageChrome(title: renderer.text("home_title", lang), context: context, text: renderer.text, path: "/")
        let list = dependencies.passports.currentAll(on: dependencies.today).map {
            ServiceSummary(passport: $0, text: renderer.text, lang: lang)
        }
        return renderer.html("home", ListPage(page: page, services: list))
    }

    @Sendable func services(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let lang = context.language
        let page = PageChrome(
            title: renderer.text("services_title", lang), context: context, text: renderer.text, path: "/services")
        let list = dependencies.passports.currentAll(on: dependencies.today).map {
            ServiceSummary(passport: $0, text: renderer.text, lang: lang)
        }
        return renderer.html("services", ListPage(page: page, services: list))
    }

    @Sendable func service(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let raw = context.parameters.get("id") ?? ""
        guard let id = ServiceID(rawValue: raw.uppercased()),
            let passport = dependencies.passports.current(id, on: dependencies.today)
        else { throw DomainError(.serviceNotFound, field: "id", ["value": String(raw.prefix(20))]) }
        let lang = context.language
        let page = PageChrome(
            title: passport.title[lang], context: context, text: renderer.text, path: "/services/\(id.rawValue)")
        return renderer.html("service", ServicePageModel(passport: passport, page: page, text: renderer.text, lang: lang))
    }
}
