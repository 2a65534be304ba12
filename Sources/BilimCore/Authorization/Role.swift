/// The roles of SPEC.md "Who uses it".
package enum Role: String, CaseIterable, Codable, Sendable {
    case applicant
    case providerStaff = "provider-staff"
    case stateCorporationOperator = "state-corporation-operator"
    case commissionMember = "commission-member"
    case educationDepartment = "education-department"
    case reviewingBody = "reviewing-body"
    case administrator

    /// The scope a role's actions are limited to: its own cases, its organization, its region, or everything.
    package var scope: Scope {
        switch self {
        case .applicant: .own
        case .providerStaff, .commissionMember, .stateCorporationOperator: .organization
        case .educationDepartment: .region
        case .reviewingBody, .administrator: .all
        }
    }

    package var title: LocalizedText {
        switch self {
        case .applicant: LocalizedText(kk: "Көрсетілетін қызметті алушы", ru: "Услугополучатель", en: "Applicant")
        case .providerStaff:
            LocalizedText(kk: "Көрсетілетін қызметті берушінің қызметкері", ru: "Сотрудник услугодателя", en: "Provider staff")
        case .stateCorporationOperator:
            LocalizedText(
                kk: "Мемлекеттік корпорация операторы", ru: "Оператор Госкорпорации", en: "State Corporation operator")
        case .commissionMember:
            LocalizedText(kk: "Қабылдау комиссиясының мүшесі", ru: "Член приёмной комиссии", en: "Commission member")
        case .educationDepartment:
            LocalizedText(kk: "Білім басқармасы", ru: "Управление образования", en: "Education department")
        case .reviewingBody:
            LocalizedText(kk: "Шағымды қарайтын орган", ru: "Орган по рассмотрению жалоб", en: "Reviewing body")
        case .administrator: LocalizedText(kk: "Әкімші", ru: "Администратор", en: "Administrator")
        }
    }
}

package enum Scope: String, Codable, Sendable { case own, organization, region, all }

/// The kinds of organizations the services involve.
package enum OrganizationKind: String, CaseIterable, Codable, Sendable {
    case school
    case tvet
    case stateCorporationOffice = "state-corporation-office"
    case educationDepartment = "education-department"
    case reviewingBody = "reviewing-body"
    case ministry
}
