/// The person or staff member acting, as far as access rules need to know them.
package struct Actor: Hashable, Sendable {
    package let userId: String
    package let role: Role
    package let organizationId: String?
    package let regionCode: String?
    package let personIIN: String?
    /// The minors this person legally represents.
    package let childrenIINs: Set<String>

    package init(
        userId: String, role: Role, organizationId: String?, regionCode: String?, personIIN: String?,
        childrenIINs: Set<String> = []
    ) {
        self.userId = userId
        self.role = role
        self.organizationId = organizationId
        self.regionCode = regionCode
        self.personIIN = personIIN
        self.childrenIINs = childrenIINs
    }
}

/// Who may see a case (issue 3 "Who sees what"; SPEC.md "Rules that cut across everything").
package enum CaseAccess {
    /// The applicant sees their own cases and their children's; provider staff their organization's; a State
    /// Corporation operator the cases their office took in; an administrator every case. Everybody else nothing.
    package static func canView(_ actor: Actor, applicantIIN: String, providerId: String, intakeOfficeId: String?)
        -> Bool
    {
        switch actor.role {
        case .applicant:
            guard let own = actor.personIIN else { return false }
            return applicantIIN == own || actor.childrenIINs.contains(applicantIIN)
        case .providerStaff:
            return actor.organizationId != nil && actor.organizationId == providerId
        case .stateCorporationOperator:
            return actor.organizationId != nil && actor.organizationId == intakeOfficeId
        case .administrator:
            return true
        case .commissionMember, .educationDepartment, .reviewingBody:
            return false
        }
    }

    /// May this actor apply on behalf of that person: themself, or a minor they represent. (000 List item 8)
    package static func canApply(_ actor: Actor, for applicantIIN: String) -> Bool {
        actor.role == .applicant && (actor.personIIN == applicantIIN || actor.childrenIINs.contains(applicantIIN))
    }
}

/// Who may see a receipt: the staff of the desk that issued it, the applicant and the parent of a minor applicant.
package enum ReceiptAccess {
    package static func canView(_ actor: Actor, officeId: String, applicantIIN: String) -> Bool {
        switch actor.role {
        case .providerStaff, .stateCorporationOperator: return actor.organizationId == officeId
        case .applicant: return actor.personIIN == applicantIIN || actor.childrenIINs.contains(applicantIIN)
        case .administrator: return true
        default: return false
        }
    }
}
