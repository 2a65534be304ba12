import BilimCore
import BilimStore
import Foundation

enum StoreFixtures {
    static let now = Date(timeIntervalSince1970: 1_742_274_000)

    /// A region, a school and a case to hang events and notifications on.
    static func seedCase(_ db: Database, id: String = "case-1") async throws {
        let ref = ReferenceRepository(db: db.sql)
        if try await ref.organization(id: "org-1") == nil {
            try await ref.insert(RegionRow(code: "KZ-75", name: LocalizedText(kk: "Алматы", ru: "Алматы", en: "Almaty")))
            try await ref.insert(
                OrganizationRow(
                    id: "org-1", kind: .school, bin: nil, name: LocalizedText(kk: "Мектеп", ru: "Школа", en: "School"),
                    regionCode: "KZ-75", createdAt: now))
        }
        try await CaseRepository(db: db.sql).insert(
            CaseRow(
                id: id, registrationNumber: "REG-\(id)", service: .s1, passportVersion: 1, channel: .portal,
                applicantIin: "900514300121", representativeIin: nil, providerId: "org-1", intakeOfficeId: nil,
                state: .registered, language: .kk, submittedAt: now, registeredOn: CivilDate(year: 2025, month: 3, day: 18)!,
                deadline: CivilDate(year: 2025, month: 4, day: 7)!, now: now))
    }
}
