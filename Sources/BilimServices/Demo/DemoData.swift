import BilimCore
import BilimStore
import Foundation

/// Demo organizations in two regions, one user per role and sample education documents, created on an empty
/// database so that a newcomer can click through every role.
package enum DemoData {
    package static let password = "bilim-demo-2026"

    package struct Account: Sendable {
        package let login: String
        package let role: Role
        package let organization: String?
    }

    package static let accounts: [Account] = [
        Account(login: "applicant", role: .applicant, organization: nil),
        Account(login: "school.staff", role: .providerStaff, organization: "org-almaty-school-1"),
        Account(login: "college.staff", role: .providerStaff, organization: "org-almaty-college-1"),
        Account(login: "operator", role: .stateCorporationOperator, organization: "org-almaty-gov4c-1"),
        Account(login: "commission", role: .commissionMember, organization: "org-almaty-college-1"),
        Account(login: "department", role: .educationDepartment, organization: "org-almaty-department"),
        Account(login: "reviewer", role: .reviewingBody, organization: "org-quality-committee"),
        Account(login: "admin", role: .administrator, organization: "org-ministry"),
    ]

    /// The demo applicant (an adult parent) and their minor child.
    package static let parentIIN = IIN.compose(birthDate: CivilDate(year: 1985, month: 4, day: 12)!, sex: .female, serial: 3401)
    package static let childIIN = IIN.compose(birthDate: CivilDate(year: 2010, month: 9, day: 3)!, sex: .male, serial: 5120)

    /// Seeds an empty database; returns false (and changes nothing) when organizations already exist.
    @discardableResult
    package static func seedIfEmpty(_ database: Database, clock: any Clock) async throws -> Bool {
        let now = clock.now()
        let hash = StaffSignIn.hash(password)
        return try await database.transaction { db in
            let ref = ReferenceRepository(db: db)
            guard try await ref.count("organizations") == 0 else { return false }
            for r in regions { try await ref.insert(r) }
            for (id, kind, region, name) in organizations {
                try await ref.insert(
                    OrganizationRow(id: id, kind: kind, bin: nil, name: name, regionCode: region, createdAt: now))
            }
            let parentName = try PersonName(surname: "Әбілқасымова", givenName: "Гүлнұр", patronymic: "Серікқызы")
            let childName = try PersonName(surname: "Әбілқасымов", givenName: "Нұрсұлтан", patronymic: nil)
            try await ref.insert(PersonRow(iin: parentIIN, name: parentName, phone: "+77010000001", createdAt: now))
            try await ref.insert(PersonRow(iin: childIIN, name: childName, phone: nil, createdAt: now))
            try await ref.insertRepresentative(minor: childIIN.digits, representative: parentIIN.digits, relation: .parent)
            for a in accounts {
                let org = organizations.first { $0.0 == a.organization }
                try await ref.insert(
                    UserRow(
                        id: "user-\(a.login)", login: a.login, passwordHash: hash, role: a.role,
                        organizationId: a.organization, regionCode: org?.2,
                        personIin: a.role == .applicant ? parentIIN.digits : nil,
                        displayName: a.role == .applicant ? parentName.full : a.role.title.en,
                        language: .kk, createdAt: now))
            }
            // Blank stock for duplicates: series and number ranges per organization and document kind.
            let stock = DecisionRepository(db: db)
            try await stock.addBlankStock(organizationId: "org-almaty-school-1", kind: "general-secondary-certificate", series: "ЖОБ-Д", from: 1, to: 500)
            try await stock.addBlankStock(organizationId: "org-almaty-school-1", kind: "basic-secondary-certificate", series: "НОБ-Д", from: 1, to: 500)
            try await stock.addBlankStock(organizationId: "org-almaty-college-1", kind: "tvet-diploma", series: "ТКБ-Д", from: 1, to: 500)
            let registry = DocumentRegistryRepository(db: db)
            try await registry.insert(
                EducationDocumentRow(
                    id: "doc-certificate-2002", kind: "general-secondary-certificate", series: "ЖОБ", number: "0012345",
                    issueDate: CivilDate(year: 2002, month: 6, day: 20)!, organizationId: "org-almaty-school-1",
                    holderIin: parentIIN.digits, holderName: parentName.full, specialty: nil, qualification: nil,
                    duplicateOf: nil, createdAt: now),
                grades: [
                    ("kazakh-language", 500), ("russian-language", 400), ("mathematics", 500), ("history-of-kazakhstan", 400),
                    ("physics", 400),
                ].map { GradeRow(documentId: "doc-certificate-2002", subject: $0.0, gradeHundredths: $0.1) })
            try await registry.insert(
                EducationDocumentRow(
                    id: "doc-diploma-2006", kind: "tvet-diploma", series: "ТКБ", number: "0098765",
                    issueDate: CivilDate(year: 2006, month: 6, day: 28)!, organizationId: "org-almaty-college-1",
                    holderIin: parentIIN.digits, holderName: parentName.full, specialty: "0101000 — Мектепке дейінгі тәрбие",
                    qualification: "0101013 — Тәрбиеші", duplicateOf: nil, createdAt: now),
                grades: [("pedagogy", 500), ("psychology", 400)].map {
                    GradeRow(documentId: "doc-diploma-2006", subject: $0.0, gradeHundredths: $0.1)
                })
            try await registry.insert(
                EducationDocumentRow(
                    id: "doc-certificate-2026", kind: "basic-secondary-certificate", series: "НОБ", number: "0054321",
                    issueDate: CivilDate(year: 2026, month: 6, day: 5)!, organizationId: "org-almaty-school-1",
                    holderIin: childIIN.digits, holderName: childName.full, specialty: nil, qualification: nil,
                    duplicateOf: nil, createdAt: now),
                grades: [("kazakh-language", 500), ("mathematics", 400), ("english-language", 500), ("biology", 400)].map {
                    GradeRow(documentId: "doc-certificate-2026", subject: $0.0, gradeHundredths: $0.1)
                })
            return true
        }
    }

    static let regions = [
        RegionRow(code: "KZ-75", name: LocalizedText(kk: "Алматы қаласы", ru: "город Алматы", en: "Almaty city")),
        RegionRow(
            code: "KZ-35", name: LocalizedText(kk: "Қарағанды облысы", ru: "Карагандинская область", en: "Karaganda Region")),
        RegionRow(code: "KZ-71", name: LocalizedText(kk: "Астана қаласы", ru: "город Астана", en: "Astana city")),
    ]

    static let organizations: [(String, OrganizationKind, String, LocalizedText)] = [
        ("org-almaty-school-1", .school, "KZ-75",
         LocalizedText(kk: "Алматы қаласының № 1 жалпы білім беретін мектебі", ru: "Общеобразовательная школа № 1 города Алматы", en: "Almaty Secondary School No. 1")),
        ("org-almaty-college-1", .tvet, "KZ-75",
         LocalizedText(kk: "Алматы педагогикалық колледжі", ru: "Алматинский педагогический колледж", en: "Almaty Pedagogical College")),
        ("org-almaty-gov4c-1", .stateCorporationOffice, "KZ-75",
         LocalizedText(kk: "«Азаматтарға арналған үкімет» Алатау ауданы бөлімі", ru: "Отдел Алатауского района «Правительство для граждан»", en: "Government for Citizens, Alatau district office")),
        ("org-almaty-department", .educationDepartment, "KZ-75",
         LocalizedText(kk: "Алматы қаласының білім басқармасы", ru: "Управление образования города Алматы", en: "Almaty City Education Department")),
        ("org-karaganda-school-7", .school, "KZ-35",
         LocalizedText(kk: "Қарағанды қаласының № 7 мектеп-лицейі", ru: "Школа-лицей № 7 города Караганды", en: "Karaganda School-Lyceum No. 7")),
        ("org-karaganda-college-1", .tvet, "KZ-35",
         LocalizedText(kk: "Қарағанды политехникалық колледжі", ru: "Карагандинский политехнический колледж", en: "Karaganda Polytechnic College")),
        ("org-karaganda-gov4c-1", .stateCorporationOffice, "KZ-35",
         LocalizedText(kk: "«Азаматтарға арналған үкімет» Қарағанды қалалық бөлімі", ru: "Карагандинский городской отдел «Правительство для граждан»", en: "Government for Citizens, Karaganda city office")),
        ("org-karaganda-department", .educationDepartment, "KZ-35",
         LocalizedText(kk: "Қарағанды облысының білім басқармасы", ru: "Управление образования Карагандинской области", en: "Karaganda Region Education Department")),
        ("org-quality-committee", .reviewingBody, "KZ-71",
         LocalizedText(kk: "Білім саласындағы сапаны қамтамасыз ету комитеті", ru: "Комитет по обеспечению качества в сфере образования", en: "Committee for Quality Assurance in Education")),
        ("org-ministry", .ministry, "KZ-71",
         LocalizedText(kk: "Қазақстан Республикасының Оқу-ағарту министрлігі", ru: "Министерство просвещения Республики Казахстан", en: "Ministry of Education of the Republic of Kazakhstan")),
    ]
}

extension DemoData {
    /// The demo region's admission programs of the current year, loaded as its education department would, so that
    /// the admission can be walked in the demo (the file is the README's sample with a worker and a medical program).
    package static func seedAdmission(_ deps: ServiceDependencies) async throws -> Int {
        guard let user = try await ReferenceRepository(db: deps.database.sql).user(login: "department") else { return 0 }
        let actor = try await Actor.of(user, database: deps.database, today: deps.today)
        let url = Bundle.module.bundleURL.appendingPathComponent("Resources/admission/demo-programs.csv")
        let csv = try String(contentsOf: url, encoding: .utf8)
        return try await ProgramCatalog(deps).load(csv: csv, filename: "demo-programs.csv", by: actor).programs
    }
}

/// A clock that runs from a chosen day: the demo of a seasonal service (the admission runs from June to August)
/// on any day of the year. Only the demo uses it.
package struct ShiftedClock: Clock {
    package let offset: TimeInterval

    package init(startingAt start: Date, now: Date = Date()) { offset = start.timeIntervalSince(now) }

    package func now() -> Date { Date().addingTimeInterval(offset) }
}
