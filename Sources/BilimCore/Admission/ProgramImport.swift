/// Comma-separated values as RFC 4180 writes them: quoted fields may hold commas, quotes (doubled) and line breaks.
package enum CSV {
    /// The records with the line each starts on (1-based). A byte-order mark and CR LF endings are accepted.
    package static func records(_ text: String) -> [(line: Int, fields: [String])] {
        var out: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var start = 1
        var afterQuote = false
        var chars = Array(text.unicodeScalars)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0
        func endRecord() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].isEmpty) { out.append((start, fields)) }
            fields = []
        }
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        i += 1
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.isEmpty && !afterQuote {
                quoted = true
            } else if c == "," {
                fields.append(field)
                field = ""
                afterQuote = false
            } else if c == "\r" && i + 1 < chars.count && chars[i + 1] == "\n" {
                // CR LF: the LF ends the record.
            } else if c == "\n" {
                endRecord()
                afterQuote = false
                line += 1
                start = line
            } else {
                field.unicodeScalars.append(c)
            }
            i += 1
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return out
    }
}

/// One program line of an education department's file, checked.
package struct ProgramDraft: Sendable, Hashable {
    package var line: Int
    package var code: String
    package var organizationId: String
    package var specialty: String
    package var qualification: String
    package var base: EducationBase
    package var language: Language
    package var form: StudyForm
    package var funding: Funding
    package var level: ProgramLevel
    package var exam: EntranceExam
    package var pedagogical: Bool
    package var seats: Int
    package var rural: Bool
    /// Arts and culture, health care: exempt from the minimum group of 15 (003 §63).
    package var exemptFromMinimum: Bool
    package var subjects: [String]

    package var minGroupSize: Int { exemptFromMinimum ? 0 : 15 }

    /// The program's natural key (unique in a year with the code): organization, specialty, qualification, base,
    /// language, form of study and funding.
    package var naturalKey: String {
        ProgramDraft.naturalKey(
            organization: organizationId, specialty: specialty, qualification: qualification, base: base.rawValue, language: language.rawValue,
            form: form.rawValue, funding: funding.rawValue)
    }

    package static func naturalKey(
        organization: String, specialty: String, qualification: String, base: String, language: String, form: String, funding: String
    ) -> String {
        [organization, specialty, qualification, base, language, form, funding].joined(separator: "\u{1F}")
    }

    package var track: AdmissionTrack {
        AdmissionTrack.of(level: level, base: base, form: form, funding: funding, exam: exam, pedagogical: pedagogical)
    }
}

/// Checks a programs file line by line. Every error is reported with its line; one error refuses the whole file.
package enum ProgramImportCheck {
    package static let columns = [
        "code", "organization", "specialty", "qualification", "base", "language", "form", "funding", "level", "exam",
        "pedagogical", "seats", "rural", "exempt", "subjects",
    ]

    package struct LineError: Sendable, Hashable {
        package var line: Int
        package var error: DomainError

        package init(line: Int, error: DomainError) {
            self.line = line
            self.error = error
        }
    }

    /// - Parameters:
    ///   - organizations: the TVET organizations of the department's region.
    ///   - existingCodes: program codes already loaded for the year.
    ///   - existingKeys: the natural keys (`ProgramDraft.naturalKey`) of the programs already loaded for the year.
    ///   - specialties: the region's reference of subjects by specialty key (`SpecialtySubjects.key`), in their
    ///     general form (`instruction-language`). A line with an empty `subjects` column takes its specialty's; a
    ///     line that gives one must agree with it, and for a specialty not yet there, its list joins the reference
    ///     (returned in `learned`). A specialty with no list anywhere refuses the line.
    package static func check(
        _ text: String, organizations: Set<String>, existingCodes: Set<String>, existingKeys: Set<String> = [],
        specialties: [String: [String]] = [:]
    ) -> (drafts: [ProgramDraft], errors: [LineError], learned: [String: [String]]) {
        let records = CSV.records(text)
        guard let header = records.first else {
            return ([], [LineError(line: 1, error: DomainError(.importEmpty, field: "file"))], [:])
        }
        guard header.fields.map({ $0.trimmingSpaces.lowercased() }) == columns else {
            return ([], [LineError(line: header.line, error: DomainError(.importHeader, field: "file", ["columns": columns.joined(separator: ",")]))], [:])
        }
        var learned: [String: [String]] = [:]
        var drafts: [ProgramDraft] = []
        var errors: [LineError] = []
        var codes: [String: Int] = [:]
        var keys: [String: Int] = [:]
        for record in records.dropFirst() {
            let line = record.line
            guard record.fields.count == columns.count else {
                errors.append(
                    LineError(line: line, error: DomainError(.importColumnCount, field: "file", ["found": String(record.fields.count), "expected": String(columns.count)])))
                continue
            }
            var v: [String: String] = [:]
            for (name, value) in zip(columns, record.fields) { v[name] = value.trimmingSpaces }
            var lineErrors: [DomainError] = []
            func value<T: RawRepresentable & CaseIterable>(_ column: String, _ type: T.Type) -> T? where T.RawValue == String {
                if let x = T(rawValue: v[column] ?? "") { return x }
                lineErrors.append(
                    DomainError(.importValue, field: column, ["column": column, "value": v[column] ?? "", "allowed": T.allCases.map(\.rawValue).joined(separator: ", ")]))
                return nil
            }
            func flag(_ column: String) -> Bool? {
                switch (v[column] ?? "").lowercased() {
                case "yes", "1", "true": return true
                case "no", "0", "false", "": return false
                default:
                    lineErrors.append(DomainError(.importValue, field: column, ["column": column, "value": v[column] ?? "", "allowed": "yes, no"]))
                    return nil
                }
            }
            func text(_ column: String) -> String? {
                let t = v[column] ?? ""
                if !t.isEmpty && t.count <= 300 { return t }
                lineErrors.append(DomainError(.importValue, field: column, ["column": column, "value": String(t.prefix(40)), "allowed": "1–300"]))
                return nil
            }
            let code = text("code")
            if let code {
                if let first = codes[code] {
                    lineErrors.append(DomainError(.importDuplicate, field: "code", ["code": code, "where": "\(first)"]))
                } else if existingCodes.contains(code) {
                    lineErrors.append(DomainError(.importDuplicate, field: "code", ["code": code, "where": "—"]))
                } else {
                    codes[code] = line
                }
            }
            let organization = text("organization")
            if let organization, !organizations.contains(organization) {
                lineErrors.append(DomainError(.importOrganization, field: "organization", ["organization": organization]))
            }
            let specialty = text("specialty")
            let qualification = text("qualification")
            let base = value("base", EducationBase.self)
            let language = value("language", Language.self)
            let form = value("form", StudyForm.self)
            let funding = value("funding", Funding.self)
            let level = value("level", ProgramLevel.self)
            let exam = value("exam", EntranceExam.self)
            let pedagogical = flag("pedagogical")
            let rural = flag("rural")
            let exempt = flag("exempt")
            let seatsText = v["seats"] ?? ""
            let seats = seatsText.utf8.allSatisfy({ (48...57).contains($0) }) && seatsText.count <= 6 ? Int(seatsText).flatMap { $0 >= 1 ? $0 : nil } : nil
            if seats == nil {
                lineErrors.append(DomainError(.importValue, field: "seats", ["column": "seats", "value": String(seatsText.prefix(40)), "allowed": "1–999999"]))
            }
            let given = (v["subjects"] ?? "").split(separator: ";").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            // The subjects are the specialty's (003 §54; the list of 003 Annex 5): from the reference, or given here
            // for a specialty the reference does not have yet.
            var subjects: [String] = []
            if let specialty, let language {
                let key = SpecialtySubjects.key(specialty)
                let own = SpecialtySubjects.generalize(given, language: language)
                if let known = specialties[key] ?? learned[key] {
                    if own.isEmpty || own == known {
                        subjects = SpecialtySubjects.resolve(known, language: language)
                    } else {
                        lineErrors.append(
                            DomainError(
                                .importSubjectsDiffer, field: "subjects", ref: "003 §54",
                                ["specialty": key, "reference": SpecialtySubjects.resolve(known, language: language).joined(separator: ";")]))
                    }
                } else if own.isEmpty {
                    lineErrors.append(DomainError(.importNoSubjects, field: "subjects", ref: "003 §54", ["specialty": key]))
                } else if own.count > 10 || Set(own).count != own.count || own.contains(where: { $0.count > 60 }) {
                    lineErrors.append(DomainError(.importValue, field: "subjects", ["column": "subjects", "value": String((v["subjects"] ?? "").prefix(40)), "allowed": "1–10 subjects"]))
                } else {
                    learned[key] = own
                    subjects = given
                }
            }
            guard lineErrors.isEmpty, let code, let organization, let specialty, let qualification, let base, let language, let form,
                let funding, let level, let exam, let pedagogical, let seats, let rural, let exempt
            else {
                errors += lineErrors.map { LineError(line: line, error: $0) }
                continue
            }
            let draft = ProgramDraft(
                line: line, code: code, organizationId: organization, specialty: specialty, qualification: qualification,
                base: base, language: language, form: form, funding: funding, level: level, exam: exam,
                pedagogical: pedagogical, seats: seats, rural: rural, exemptFromMinimum: exempt, subjects: subjects)
            // The same program twice (in this file or already loaded): the database would refuse the second.
            if let first = keys[draft.naturalKey] {
                errors.append(LineError(line: line, error: DomainError(.importSameProgram, field: "code", ["code": code, "where": "\(first)"])))
                continue
            }
            if existingKeys.contains(draft.naturalKey) {
                errors.append(LineError(line: line, error: DomainError(.importSameProgram, field: "code", ["code": code, "where": "—"])))
                continue
            }
            keys[draft.naturalKey] = line
            drafts.append(draft)
        }
        if drafts.isEmpty && errors.isEmpty {
            errors.append(LineError(line: header.line, error: DomainError(.importEmpty, field: "file")))
        }
        return (errors.isEmpty ? drafts : [], errors, errors.isEmpty ? learned : [:])
    }
}
