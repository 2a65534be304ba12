import BilimCore
import Foundation
import SQLKit

/// Instants are stored as UTC ISO 8601 text with milliseconds: sortable and identical on both databases.
package enum Instant {
    package static func text(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    package static func date(_ text: String) -> Date? {
        (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text))
            ?? (try? Date.ISO8601FormatStyle().parse(text))
    }
}

package struct RegionRow: Codable, Sendable, Hashable {
    package var code: String
    package var nameKk: String
    package var nameRu: String
    package var nameEn: String

    package init(code: String, name: LocalizedText) {
        self.code = code
        nameKk = name.kk
        nameRu = name.ru
        nameEn = name.en
    }

    package var name: LocalizedText { LocalizedText(kk: nameKk, ru: nameRu, en: nameEn) }
}

package struct OrganizationRow: Codable, Sendable, Hashable {
    package var id: String
    package var kind: String
    package var bin: String?
    package var nameKk: String
    package var nameRu: String
    package var nameEn: String
    package var regionCode: String
    package var createdAt: String

    package init(id: String, kind: OrganizationKind, bin: BIN?, name: LocalizedText, regionCode: String, createdAt: Date) {
        self.id = id
        self.kind = kind.rawValue
        self.bin = bin?.digits
        nameKk = name.kk
        nameRu = name.ru
        nameEn = name.en
        self.regionCode = regionCode
        self.createdAt = Instant.text(createdAt)
    }

    package var name: LocalizedText { LocalizedText(kk: nameKk, ru: nameRu, en: nameEn) }
}

package struct PersonRow: Codable, Sendable, Hashable {
    package var iin: String
    package var surname: String
    package var givenName: String
    package var patronymic: String?
    package var birthDate: String
    package var sex: String
    package var phone: String?
    package var createdAt: String

    package init(iin: IIN, name: PersonName, phone: String?, createdAt: Date) {
        self.iin = iin.digits
        surname = name.surname
        givenName = name.givenName
        patronymic = name.patronymic
        birthDate = iin.birthDate.iso
        sex = iin.sex.rawValue
        self.phone = phone
        self.createdAt = Instant.text(createdAt)
    }
}

package struct UserRow: Codable, Sendable, Hashable {
    package var id: String
    package var login: String
    package var passwordHash: String?
    package var role: String
    package var organizationId: String?
    package var regionCode: String?
    package var personIin: String?
    package var displayName: String
    package var language: String
    package var createdAt: String
    package var disabledAt: String?

    package init(
        id: String, login: String, passwordHash: String?, role: Role, organizationId: String?, regionCode: String?,
        personIin: String?, displayName: String, language: Language, createdAt: Date
    ) {
        self.id = id
        self.login = login
        self.passwordHash = passwordHash
        self.role = role.rawValue
        self.organizationId = organizationId
        self.regionCode = regionCode
        self.personIin = personIin
        self.displayName = displayName
        self.language = language.rawValue
        self.createdAt = Instant.text(createdAt)
        disabledAt = nil
    }
}

package struct EducationDocumentRow: Codable, Sendable, Hashable {
    package var id: String
    package var kind: String
    package var series: String
    package var number: String
    package var issueDate: String
    package var organizationId: String
    package var holderIin: String
    package var holderName: String
    package var specialty: String?
    package var qualification: String?
    package var status: String
    package var duplicateOf: String?
    package var createdAt: String

    package init(
        id: String, kind: String, series: String, number: String, issueDate: CivilDate, organizationId: String,
        holderIin: String, holderName: String, specialty: String?, qualification: String?, duplicateOf: String?,
        createdAt: Date
    ) {
        self.id = id
        self.kind = kind
        self.series = series
        self.number = number
        self.issueDate = issueDate.iso
        self.organizationId = organizationId
        self.holderIin = holderIin
        self.holderName = holderName
        self.specialty = specialty
        self.qualification = qualification
        status = "valid"
        self.duplicateOf = duplicateOf
        self.createdAt = Instant.text(createdAt)
    }
}

package struct GradeRow: Codable, Sendable, Hashable {
    package var documentId: String
    package var subject: String
    package var gradeHundredths: Int

    package init(documentId: String, subject: String, gradeHundredths: Int) {
        self.documentId = documentId
        self.subject = subject
        self.gradeHundredths = gradeHundredths
    }
}

package struct CaseRow: Codable, Sendable, Hashable {
    package var id: String
    package var registrationNumber: String
    package var service: String
    package var passportVersion: Int
    package var channel: String
    package var applicantIin: String
    package var representativeIin: String?
    package var providerId: String
    package var intakeOfficeId: String?
    package var state: String
    package var language: String
    package var submittedAt: String
    package var registeredOn: String
    package var deadline: String
    package var rowVersion: Int
    package var createdAt: String
    package var updatedAt: String
    package var documentId: String?
    package var pickupAtStateCorporation: Int = 0
    /// The deadline first given to the applicant: a recomputed deadline never moves earlier than this.
    package var promisedDeadline: String?
    package var hearingNoticeOn: String?
    package var hearingOn: String?
    package var resultReceivedOn: String?
    package var consentAt: String?
    /// JSON array of the passport document codes handed over or attached.
    package var documents: String = "[]"
    /// Why a duplicate is asked for: lost, damaged, name-changed, errors (000 Annex 1, 004 Annex 5).
    package var reason: String?

    package init(
        id: String, registrationNumber: String, service: ServiceID, passportVersion: Int, channel: Channel,
        applicantIin: String, representativeIin: String?, providerId: String, intakeOfficeId: String?,
        state: CaseState, language: Language, submittedAt: Date, registeredOn: CivilDate, deadline: CivilDate,
        now: Date
    ) {
        self.id = id
        self.registrationNumber = registrationNumber
        self.service = service.rawValue
        self.passportVersion = passportVersion
        self.channel = channel.rawValue
        self.applicantIin = applicantIin
        self.representativeIin = representativeIin
        self.providerId = providerId
        self.intakeOfficeId = intakeOfficeId
        self.state = state.rawValue
        self.language = language.rawValue
        self.submittedAt = Instant.text(submittedAt)
        self.registeredOn = registeredOn.iso
        self.deadline = deadline.iso
        rowVersion = 1
        createdAt = Instant.text(now)
        updatedAt = createdAt
        promisedDeadline = deadline.iso
    }
}

extension SQLRow {
    package func model<T: Decodable>(_ type: T.Type) throws -> T {
        try decode(model: type, keyDecodingStrategy: .convertFromSnakeCase)
    }
}

extension SQLInsertBuilder {
    @discardableResult
    package func row(_ value: some Encodable) throws -> Self {
        try model(value, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil)
    }
}
