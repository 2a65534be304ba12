import BilimCore
import BilimServices
import BilimStore

/// A case as a row of a list or the head of its page, already localized.
struct CaseLine {
    let id: String
    let number: String
    let service: String
    let state: String
    let channel: String
    let registeredOn: String
    let deadline: String
    let overdue: Bool

    init(_ r: CaseRow, text: UIText, lang: Language, today: CivilDate, passports: PassportCatalog) {
        id = r.id
        number = r.registrationNumber
        service = ServiceID(rawValue: r.service).flatMap { passports.current($0, on: today)?.title[lang] } ?? r.service
        state = text("state_\(r.state)", lang)
        channel = text("channel_\(r.channel)", lang)
        registeredOn = r.registeredOn
        deadline = r.deadline
        overdue = !(CaseState(rawValue: r.state)?.termCompleted ?? true) && r.deadline < today.iso
    }
}

struct CasesPage {
    let page: PageChrome
    let heading: String
    let cases: [CaseLine]
    let hasCases: Bool
    let isApplicant: Bool
}

struct CasePage {
    struct Event {
        let at: String
        let what: String
        let who: String
        let reason: String?
    }

    struct Decision {
        let number: String
        let kind: String
        let grounds: String?
        let status: String
    }

    struct Action {
        let name: String
        let label: String
        let needsGrounds: Bool
        let needsHearingDate: Bool
        let needsReason: Bool
        let reasonLabel: String
    }

    struct Ground {
        let code: String
        let text: String
    }

    let page: PageChrome
    let heading: String
    let line: CaseLine
    let created: String
    let hasCreated: Bool
    let done: Bool
    let events: [Event]
    let decisions: [Decision]
    let hasDecisions: Bool
    let actions: [Action]
    let hasActions: Bool
    let grounds: [Ground]
    let errors: [FieldError]
    let hasErrors: Bool
    let today: String
    let canComplain: Bool
    let complainable: [Option]
    let complaints: [ComplaintLine]
    let hasComplaints: Bool

    struct Option {
        let value: String
        let label: String
    }

    struct ComplaintLine {
        let number: String
        let state: String
        let reviewBy: String
        let answer: String?
    }
}
