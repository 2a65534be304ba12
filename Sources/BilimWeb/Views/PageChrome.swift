import BilimCore
import BilimStore

/// What the shared layout needs on every page: language, texts, the language switch, the signed-in user and the
/// CSRF token. Stored properties only: Mustache reads them through `Mirror`.
struct PageChrome {
    struct LanguageLink {
        let code: String
        let name: String
        let current: Bool
    }

    let lang: String
    let t: [String: String]
    let title: String
    let languages: [LanguageLink]
    let signedIn: Bool
    let userName: String
    let userRole: String
    let casesLabel: String
    let canTakeIntake: Bool
    let isOperator: Bool
    let isDepartment: Bool
    let isApplicant: Bool
    /// Provider staff and commission members: the admission exams of their college.
    let isCollege: Bool
    let csrf: String
    let requestId: String
    let path: String

    init(title: String, context: BilimRequestContext, text: UIText, path: String) {
        let lang = context.language
        self.lang = lang.rawValue
        t = text.table(lang)
        self.title = title
        languages = Language.allCases.map {
            LanguageLink(code: $0.rawValue, name: text("language_\($0.rawValue)", $0), current: $0 == lang)
        }
        signedIn = context.user != nil
        let role = context.user.flatMap { Role(rawValue: $0.role) }
        userRole = role?.title[lang] ?? ""
        // An applicant sees their own name; staff see their role in the page's language.
        userName = role == .applicant ? (context.user?.displayName ?? "") : userRole
        casesLabel = text(role == .applicant ? "nav_cases_applicant" : "nav_cases_staff", lang)
        canTakeIntake = role == .providerStaff || role == .stateCorporationOperator
        isOperator = role == .stateCorporationOperator
        isDepartment = role == .educationDepartment
        isApplicant = role == .applicant
        isCollege = role == .providerStaff || role == .commissionMember
        csrf = context.csrfToken ?? ""
        requestId = context.requestId
        self.path = path
    }
}

/// One message of an error summary, linked to its field.
struct FieldError {
    let field: String
    let message: String
}
