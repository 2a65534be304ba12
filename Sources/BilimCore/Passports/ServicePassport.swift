/// A service passport: the seed's "list of basic requirements" for one service, as versioned data with its legal
/// source and effective dates (SPEC.md "The services"). Workflow, validation, receipts and deadlines read it.
package struct ServicePassport: Hashable, Codable, Sendable {
    package var service: ServiceID
    package var version: Int
    package var legalSource: LocalizedText
    package var sourceRef: String
    package var effectiveFrom: CivilDate
    package var effectiveTo: CivilDate?
    package var title: LocalizedText
    package var provider: LocalizedText
    package var recipients: LocalizedText
    package var channels: [Channel]
    package var term: PassportTerm
    package var reviewTerm: PassportTerm?
    package var maxWaitMinutes: Int?
    package var maxServiceMinutes: Int?
    package var form: LocalizedText
    package var result: LocalizedText
    package var fee: Fee
    package var schedules: [Schedule]
    package var documents: [RequiredDocument]
    package var refusalGrounds: [RefusalGround]
    package var otherRequirements: [Requirement]

    package struct PassportTerm: Hashable, Codable, Sendable {
        package var days: Int
        package var unit: Term.Unit
        package var text: LocalizedText
        package var ref: LegalRef
    }

    package struct Fee: Hashable, Codable, Sendable {
        package var amountTenge: Int
        package var text: LocalizedText
        package var ref: LegalRef
    }

    package struct Schedule: Hashable, Codable, Sendable {
        package var channel: Channel
        package var text: LocalizedText
        package var ref: LegalRef
        /// Empty means around the clock (the portal).
        package var hours: [Hours]
        /// The closing minute for the registration moment (spec/terms.md "Registration moment").
        package var registrationClosesAt: TimeOfDay
    }

    package struct Hours: Hashable, Codable, Sendable {
        package var days: [Weekday]
        package var opens: TimeOfDay
        package var closes: TimeOfDay
        package var breakFrom: TimeOfDay?
        package var breakTo: TimeOfDay?
    }

    package struct RequiredDocument: Hashable, Codable, Sendable {
        package var code: String
        package var channels: [Channel]
        package var name: LocalizedText
        package var condition: LocalizedText?
        package var ref: LegalRef
    }

    package struct RefusalGround: Hashable, Codable, Sendable {
        package var code: String
        package var text: LocalizedText
        package var ref: LegalRef
    }

    package struct Requirement: Hashable, Codable, Sendable {
        package var text: LocalizedText
        package var ref: LegalRef
    }

    /// The term as a countable value. Valid passports always give one (see `problems()`).
    package var countableTerm: Term? { try? Term(days: term.days, unit: term.unit) }

    package func schedule(for channel: Channel) -> Schedule? { schedules.first { $0.channel == channel } }

    package func documents(for channel: Channel) -> [RequiredDocument] {
        documents.filter { $0.channels.contains(channel) }
    }

    /// Whether this version is in force on a date.
    package func isEffective(on date: CivilDate) -> Bool {
        effectiveFrom <= date && (effectiveTo.map { date <= $0 } ?? true)
    }
}

/// The five services of SPEC.md.
package enum ServiceID: String, CaseIterable, Codable, Sendable, Comparable {
    case s1 = "S1", s2 = "S2", s3 = "S3", s4 = "S4", s5 = "S5"

    package static func < (a: ServiceID, b: ServiceID) -> Bool { a.rawValue < b.rawValue }
}
