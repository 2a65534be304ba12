extension ServicePassport {
    /// Every problem with this passport, each naming the field, so a broken file is fixed in one pass.
    package func problems() -> [String] {
        var out: [String] = []
        let name = "\(service.rawValue) v\(version)"
        func text(_ t: LocalizedText, _ field: String) {
            for l in t.missingLanguages { out.append("\(name): \(field) has no \(l.rawValue) text") }
        }
        if version < 1 { out.append("\(name): version must be 1 or more") }
        if Digits.value(sourceRef.utf8) == nil || sourceRef.utf8.count != 3 {
            out.append("\(name): sourceRef '\(sourceRef)' is not a seed number like '004'")
        }
        if let to = effectiveTo, to < effectiveFrom { out.append("\(name): effectiveTo is before effectiveFrom") }
        text(legalSource, "legalSource")
        text(title, "title")
        text(provider, "provider")
        text(recipients, "recipients")
        text(form, "form")
        text(result, "result")
        text(term.text, "term.text")
        text(fee.text, "fee.text")
        if channels.isEmpty { out.append("\(name): channels is empty") }
        if Set(channels).count != channels.count { out.append("\(name): a channel is listed twice") }
        if term.days < 1 { out.append("\(name): term.days must be at least 1") }
        if let r = reviewTerm {
            if r.days < 1 { out.append("\(name): reviewTerm.days must be at least 1") }
            text(r.text, "reviewTerm.text")
        }
        for m in [maxWaitMinutes, maxServiceMinutes].compactMap({ $0 }) where m < 1 {
            out.append("\(name): a waiting or service time must be at least 1 minute")
        }
        if fee.amountTenge < 0 { out.append("\(name): fee.amountTenge is negative") }
        for c in channels where schedules.filter({ $0.channel == c }).count != 1 {
            out.append("\(name): channel \(c.rawValue) needs exactly one schedule")
        }
        for (i, s) in schedules.enumerated() {
            if !channels.contains(s.channel) { out.append("\(name): schedules[\(i)] is for an unlisted channel") }
            text(s.text, "schedules[\(i)].text")
            for (j, h) in s.hours.enumerated() {
                let f = "schedules[\(i)].hours[\(j)]"
                if h.days.isEmpty { out.append("\(name): \(f).days is empty") }
                if h.opens >= h.closes { out.append("\(name): \(f) opens after it closes") }
                if (h.breakFrom == nil) != (h.breakTo == nil) { out.append("\(name): \(f) has half a break") }
                if let b = h.breakFrom, let e = h.breakTo, !(h.opens <= b && b < e && e <= h.closes) {
                    out.append("\(name): \(f) break is outside the opening hours")
                }
            }
        }
        out += codes(documents.map(\.code), "documents")
        out += codes(refusalGrounds.map(\.code), "refusalGrounds")
        for (i, d) in documents.enumerated() {
            text(d.name, "documents[\(i)].name")
            if let c = d.condition { text(c, "documents[\(i)].condition") }
            if d.channels.isEmpty { out.append("\(name): documents[\(i)] is required on no channel") }
            for c in d.channels where !channels.contains(c) {
                out.append("\(name): documents[\(i)] names channel \(c.rawValue), which the service does not have")
            }
        }
        for (i, g) in refusalGrounds.enumerated() { text(g.text, "refusalGrounds[\(i)].text") }
        for (i, r) in otherRequirements.enumerated() { text(r.text, "otherRequirements[\(i)].text") }
        return out
    }

    private func codes(_ list: [String], _ field: String) -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        for c in list {
            if !seen.insert(c).inserted { out.append("\(service.rawValue) v\(version): \(field) code '\(c)' repeats") }
            // Lowercase words of letters and digits joined by single hyphens.
            let words = c.split(separator: "-", omittingEmptySubsequences: false)
            let ok = !words.isEmpty
                && words.allSatisfy { w in
                    !w.isEmpty && w.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }
                }
            if !ok { out.append("\(service.rawValue) v\(version): \(field) code '\(c)' is not lowercase-kebab") }
        }
        return out
    }
}

/// The loaded, validated set of passports: every version of every service.
package struct PassportCatalog: Sendable {
    package let passports: [ServicePassport]

    /// Refuses a set with any broken passport, two versions of a service that overlap in time, a repeated version,
    /// or a service of SPEC.md with no passport.
    package init(_ passports: [ServicePassport]) throws(DomainError) {
        var problems = passports.flatMap { $0.problems() }
        for service in ServiceID.allCases {
            let versions = passports.filter { $0.service == service }.sorted { $0.effectiveFrom < $1.effectiveFrom }
            if versions.isEmpty { problems.append("\(service.rawValue): no passport") }
            if Set(versions.map(\.version)).count != versions.count {
                problems.append("\(service.rawValue): a version number repeats")
            }
            for (a, b) in zip(versions, versions.dropFirst()) where a.effectiveTo.map({ $0 >= b.effectiveFrom }) ?? true {
                problems.append("\(service.rawValue): v\(a.version) and v\(b.version) are in force at the same time")
            }
        }
        guard problems.isEmpty else {
            throw DomainError(.passportInvalid, field: "passport", ["detail": problems.joined(separator: "; ")])
        }
        self.passports = passports.sorted { ($0.service, $0.version) < ($1.service, $1.version) }
    }

    /// The version in force on a date.
    package func current(_ service: ServiceID, on date: CivilDate) -> ServicePassport? {
        passports.last { $0.service == service && $0.isEffective(on: date) }
    }

    /// The latest version of each service whose effective date has come, for listings.
    package func currentAll(on date: CivilDate) -> [ServicePassport] {
        ServiceID.allCases.compactMap { current($0, on: date) }
    }

    package func versions(of service: ServiceID) -> [ServicePassport] { passports.filter { $0.service == service } }
}
