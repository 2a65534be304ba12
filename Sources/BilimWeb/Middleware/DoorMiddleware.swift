import BilimCore
import Foundation
import BilimServices
import BilimStore
import Hummingbird

/// Who may pass into a group of routes: signed in, in one of these roles, with the scope the role works in. The one
/// place the web layer decides sign-in and role (issue 12 "One door"); the controllers behind a door read the actor
/// it let in (`context.signedIn`) and decide nothing of the kind themselves.
///
/// Whose resource it is (this case, that application, this region's run) cannot be known before the resource is
/// read, so that stays with the use cases, which answer 404 for what is not the actor's (`AccessMatrixTests`).
package struct Door: Sendable {
    /// What a role's work is bound to, which its account must carry.
    package enum Scope: Sendable {
        case none
        /// A college, school or State Corporation office (`organizationId`).
        case organization
        /// A region's education department (`regionCode`).
        case region
        /// A person, by IIN: the applicant acting for themself and their minor children.
        case person
    }

    let roles: Set<Role>
    let scope: Scope

    /// Any signed-in user; the use case decides what they see.
    package static let signedIn = Door(roles: Set(Role.allCases), scope: .none)
    /// A citizen acting for themself or a minor child.
    package static let applicant = Door(roles: [.applicant], scope: .person)
    /// The college's or school's staff, at their own organization.
    package static let providerStaff = Door(roles: [.providerStaff], scope: .organization)
    /// A State Corporation operator at their office.
    package static let operatorDesk = Door(roles: [.stateCorporationOperator], scope: .organization)
    /// The college's staff or its commission's members (exams, meetings, the admitted).
    package static let college = Door(roles: [.providerStaff, .commissionMember], scope: .organization)
    /// A region's education department.
    package static let department = Door(roles: [.educationDepartment], scope: .region)
    /// The administrator of the service.
    package static let administrator = Door(roles: [.administrator], scope: .none)
    /// Those who answer complaints: the provider's staff first, then the reviewing body. (002 §14) (001 §11)
    package static let complaintHandlers = Door(roles: [.providerStaff, .reviewingBody], scope: .none)
    /// A desk that takes applications in person: the college's or the State Corporation's.
    package static let desk = Door(roles: [.providerStaff, .stateCorporationOperator], scope: .organization)

    /// Does this actor pass?
    package func admits(_ actor: Actor) -> Bool {
        guard roles.contains(actor.role) else { return false }
        switch scope {
        case .none: return true
        case .organization: return actor.organizationId?.isEmpty == false
        case .region: return actor.regionCode?.isEmpty == false
        case .person: return actor.personIIN?.isEmpty == false
        }
    }
}

/// The middleware that keeps a door. Signed out: an API route answers 401 `signIn.required`; a page sends a GET to
/// the sign-in page with the way back (`?next=`), any other method to the sign-in page. The wrong role or a missing
/// scope: 403 `forbidden`, in the caller's language.
struct DoorMiddleware: RouterMiddleware {
    typealias Context = BilimRequestContext
    let door: Door
    let dependencies: ServiceDependencies

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard let user = context.user else {
            if request.uri.path.hasPrefix("/api/") { throw DomainError(.signInRequired) }
            guard request.method == .get else { return .redirect(to: "/sign-in", type: .found) }
            return .redirect(to: "/sign-in?next=\(SafeReturn.encode(request.uri.path))", type: .found)
        }
        let actor = try await Actor.of(user, database: dependencies.database, today: dependencies.today)
        guard Role(rawValue: user.role) != nil, door.admits(actor) else { throw DomainError(.forbidden) }
        var context = context
        context.actor = actor
        return try await next(request, context)
    }
}

extension RouterMethods where Context == BilimRequestContext {
    /// The routes added to the returned group pass this door first.
    func behind(_ door: Door, _ dependencies: ServiceDependencies) -> RouterGroup<Context> {
        group().add(middleware: DoorMiddleware(door: door, dependencies: dependencies))
    }
}

extension BilimRequestContext {
    /// The actor a door let in. A handler that is not behind a door has none, and answers as to a signed-out caller.
    var signedIn: Actor {
        get throws {
            guard let actor else { throw DomainError(.signInRequired) }
            return actor
        }
    }

    /// The signed-in user's account row, behind a door.
    var signedInUser: UserRow {
        get throws {
            guard actor != nil, let user else { throw DomainError(.signInRequired) }
            return user
        }
    }
}

/// The way back after sign-in: a path on this site only, never another host (`//evil.example`, `/\evil.example`,
/// `https://…`), so the sign-in page cannot be made an open redirect.
enum SafeReturn {
    static func path(_ candidate: String?) -> String? {
        guard let p = candidate, p.hasPrefix("/"), !p.hasPrefix("//"), p.count <= 512,
            p.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "\\" })
        else { return nil }
        return p
    }

    /// A path as a query value.
    static func encode(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "/-._~"))) ?? "/"
    }
}
