/// The education base a program admits from.
package enum EducationBase: String, Sendable, Hashable, Codable, CaseIterable {
    /// Basic secondary education (9 grades).
    case basicSecondary = "basic-secondary"
    /// General secondary education (11 grades), or TVET, post-secondary or higher education.
    case generalSecondary = "general-secondary"
}

package enum StudyForm: String, Sendable, Hashable, Codable, CaseIterable {
    case fullTime = "full-time"
    case evening
    case extramural
}

package enum Funding: String, Sendable, Hashable, Codable, CaseIterable {
    case stateOrder = "state-order"
    case paid
}

/// The level a program trains for (003 Annex 1 item 3).
package enum ProgramLevel: String, Sendable, Hashable, Codable, CaseIterable {
    /// Qualified workers, special curricula, religious organizations, penitentiary institutions.
    case worker
    /// Mid-level specialists and applied bachelors.
    case midLevel = "mid-level"
}

/// Which application window applies to a program (003 Annex 1 item 3). Windows are data per year.
package enum AdmissionTrack: String, Sendable, Hashable, Codable, CaseIterable {
    case worker
    case workerEvening = "worker-evening"
    case midStateBasic = "mid-state-basic"
    case midStateGeneral = "mid-state-general"
    case midPaid = "mid-paid"
    case midEveningExtramural = "mid-evening-extramural"
    case creative
    case pedagogicalMedical = "pedagogical-medical"

    /// The most specific window first: creative programs, then pedagogical and medical, then the study form, the
    /// funding and the base.
    package static func of(level: ProgramLevel, base: EducationBase, form: StudyForm, funding: Funding, exam: EntranceExam, pedagogical: Bool)
        -> AdmissionTrack
    {
        switch level {
        case .worker:
            return form == .fullTime ? .worker : .workerEvening
        case .midLevel:
            if exam == .creative { return .creative }
            if pedagogical || exam == .psychometric { return .pedagogicalMedical }
            if form != .fullTime { return .midEveningExtramural }
            if funding == .paid { return .midPaid }
            return base == .basicSecondary ? .midStateBasic : .midStateGeneral
        }
    }

    /// The windows of 003 Annex 1 item 3 for a year: from 25 June to the track's last day.
    package static func defaultWindows(year: Int) -> [AdmissionTrack: ClosedRange<CivilDate>] {
        func d(_ m: Int, _ day: Int) -> CivilDate { CivilDate(year: year, month: m, day: day) ?? .latest }
        let opens = d(6, 25)
        return [
            .worker: opens...d(8, 25), .workerEvening: opens...d(9, 20), .midStateBasic: opens...d(8, 18),
            .midStateGeneral: opens...d(8, 20), .midPaid: opens...d(8, 25), .midEveningExtramural: opens...d(9, 20),
            .creative: opens...d(7, 20), .pedagogicalMedical: opens...d(8, 15),
        ]
    }
}

package enum AdmissionWindow {
    /// An application on `day` to a program of `track` is accepted only inside the year's window.
    /// (003 Annex 1 item 3)
    package static func check(_ track: AdmissionTrack, on day: CivilDate, windows: [AdmissionTrack: ClosedRange<CivilDate>])
        throws(DomainError)
    {
        guard let window = windows[track] else {
            throw DomainError(.admissionWindowClosed, field: "choices", ref: "003 Annex 1 item 3", ["opens": "—", "closes": "—"])
        }
        guard window.contains(day) else {
            throw DomainError(
                .admissionWindowClosed, field: "choices", ref: "003 Annex 1 item 3",
                ["opens": window.lowerBound.iso, "closes": window.upperBound.iso])
        }
    }
}

/// A quota category as data (spec/quotas.md): its share of the state-order places in basis points (1/100 of a
/// percent), whether it applies only to programs flagged rural, and where the figure comes from.
package struct QuotaCategory: Sendable, Hashable, Codable {
    package var code: String
    package var shareBasisPoints: Int
    package var ruralOnly: Bool
    package var source: String

    package init(code: String, shareBasisPoints: Int, ruralOnly: Bool = false, source: String) {
        self.code = code
        self.shareBasisPoints = shareBasisPoints
        self.ruralOnly = ruralOnly
        self.source = source
    }

    /// Reserved places of a program: floor(seats × share), only where the category applies. (003 §3)
    package func reserved(seats: Int, rural: Bool) -> Int {
        ruralOnly && !rural ? 0 : seats * shareBasisPoints / 10_000
    }

    /// A program's reserves in the catalog's order, leaving out categories with none.
    package static func reserves(seats: Int, rural: Bool, catalog: [QuotaCategory]) -> [(code: String, seats: Int)] {
        catalog.compactMap { c in
            let n = c.reserved(seats: seats, rural: rural)
            return n > 0 ? (c.code, n) : nil
        }
    }
}

/// An applicant's ranked choices: at most four, distinct. (003 §12)
package enum ChoiceCheck {
    package static let maximum = 4

    package static func check(_ choices: [String]) throws(DomainError) {
        guard !choices.isEmpty else { throw DomainError(.fieldRequired, field: "choices", ref: "003 §12") }
        guard choices.count <= maximum else {
            throw DomainError(.admissionTooManyChoices, field: "choices", ref: "003 §12", ["max": String(maximum)])
        }
        var seen = Set<String>()
        for c in choices where !seen.insert(c).inserted {
            throw DomainError(.admissionChoiceRepeated, field: "choices", ref: "003 §12", ["program": c])
        }
    }
}
