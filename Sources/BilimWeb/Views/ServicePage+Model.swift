import BilimCore

/// A service passport, already localized, for the public pages: "what you need, how long it takes, what it costs".
struct ServiceSummary {
    let id: String
    let title: String
    let provider: String
    let term: String
    let fee: String
    let channels: String
}

struct ServicePageModel {
    struct ChannelDocuments {
        let channel: String
        let anchor: String
        let schedule: String
        let scheduleClause: String
        let documents: [Document]
    }

    struct Document {
        let name: String
        let condition: String?
        let clause: String
    }

    struct Item {
        let text: String
        let clause: String
    }

    let page: PageChrome
    let id: String
    let title: String
    let provider: String
    let recipients: String
    let term: String
    let termClause: String
    let reviewTerm: String
    let hasReviewTerm: Bool
    let fee: String
    let feeClause: String
    let form: String
    let result: String
    let legalSource: String
    let version: Int
    let effectiveFrom: String
    let channels: [ChannelDocuments]
    let refusalGrounds: [Item]
    let hasRefusalGrounds: Bool
    let other: [Item]

    init(passport p: ServicePassport, page: PageChrome, text: UIText, lang: Language) {
        self.page = page
        id = p.service.rawValue
        title = p.title[lang]
        provider = p.provider[lang]
        recipients = p.recipients[lang]
        term = p.term.text[lang]
        termClause = p.term.ref.description
        reviewTerm = p.reviewTerm.map { "\($0.text[lang]) \($0.ref)" } ?? ""
        hasReviewTerm = p.reviewTerm != nil
        fee = p.fee.text[lang]
        feeClause = p.fee.ref.description
        form = p.form[lang]
        result = p.result[lang]
        legalSource = p.legalSource[lang]
        version = p.version
        effectiveFrom = p.effectiveFrom.iso
        channels = p.channels.map { c in
            let schedule = p.schedule(for: c)
            return ChannelDocuments(
                channel: text("channel_\(c.rawValue)", lang), anchor: "channel-\(c.rawValue)", schedule: schedule?.text[lang] ?? "",
                scheduleClause: schedule?.ref.description ?? "",
                documents: p.documents(for: c).map {
                    Document(name: $0.name[lang], condition: $0.condition?[lang], clause: $0.ref.description)
                })
        }
        refusalGrounds = p.refusalGrounds.map { Item(text: $0.text[lang], clause: $0.ref.description) }
        hasRefusalGrounds = !p.refusalGrounds.isEmpty
        other = p.otherRequirements.map { Item(text: $0.text[lang], clause: $0.ref.description) }
    }
}

extension ServiceSummary {
    init(passport p: ServicePassport, text: UIText, lang: Language) {
        id = p.service.rawValue
        title = p.title[lang]
        provider = p.provider[lang]
        term = p.term.text[lang]
        fee = p.fee.text[lang]
        channels = p.channels.map { text("channel_\($0.rawValue)", lang) }.joined(separator: ", ")
    }
}
