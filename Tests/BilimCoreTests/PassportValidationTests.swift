import BilimCore
import Foundation
import Testing

@Suite struct PassportValidationTests {
    /// The passport structs have no public memberwise initialisers, so the minimal passport is decoded from an
    /// in-memory JSON literal (no file is read) and then varied field by field.
    static let minimal: ServicePassport = {
        let t = #"{"kk": "мәтін", "ru": "текст", "en": "text"}"#
        let json = """
            {
              "service": "S1", "version": 1, "legalSource": \(t), "sourceRef": "000",
              "effectiveFrom": "2020-05-01", "effectiveTo": null,
              "title": \(t), "provider": \(t), "recipients": \(t), "channels": ["office", "portal"],
              "term": {"days": 15, "unit": "working", "text": \(t), "ref": "000 List item 3(1)"},
              "reviewTerm": null, "maxWaitMinutes": 15, "maxServiceMinutes": 15, "form": \(t), "result": \(t),
              "fee": {"amountTenge": 0, "text": \(t), "ref": "000 List item 6"},
              "schedules": [
                {"channel": "office", "text": \(t), "ref": "000 List item 7(1)", "registrationClosesAt": "18:30",
                 "hours": [{"days": ["mon", "tue", "wed", "thu", "fri"], "opens": "09:00", "closes": "18:30",
                            "breakFrom": "13:00", "breakTo": "14:00"}]},
                {"channel": "portal", "text": \(t), "ref": "000 List item 7(3)", "registrationClosesAt": "18:00",
                 "hours": []}
              ],
              "documents": [
                {"code": "application", "channels": ["office", "portal"], "name": \(t), "ref": "000 List item 8"},
                {"code": "identity-document", "channels": ["office"], "name": \(t), "ref": "000 List item 8"}
              ],
              "refusalGrounds": [{"code": "unreliable-documents", "text": \(t), "ref": "000 List item 9"}],
              "otherRequirements": [{"text": \(t), "ref": "000 List item 10"}]
            }
            """
        do { return try JSONDecoder().decode(ServicePassport.self, from: Data(json.utf8)) } catch {
            preconditionFailure("minimal passport does not decode: \(error)")
        }
    }()

    static func passport(_ service: ServiceID, version: Int = 1, from: String, to: String? = nil) -> ServicePassport {
        var p = minimal
        p.service = service
        p.version = version
        p.effectiveFrom = day(from)
        p.effectiveTo = to.map(day)
        return p
    }

    static var allServices: [ServicePassport] { ServiceID.allCases.map { passport($0, from: "2020-05-01") } }

    @Test("a minimal valid passport has no problems")
    func minimalIsValid() throws {
        #expect(Self.minimal.problems() == [])
        #expect(Self.minimal.countableTerm == (try Term(days: 15, unit: .working)))
        #expect(Self.minimal.schedule(for: .portal)?.hours == [])
        #expect(Self.minimal.documents(for: .portal).map(\.code) == ["application"])
        #expect(Self.minimal.documents(for: .office).map(\.code) == ["application", "identity-document"])
    }

    /// One broken field per case, with the words its problem must contain.
    enum Breakage: String, CaseIterable, Sendable {
        case emptyKazakhTitle, documentChannelNotOffered, channelWithoutSchedule, duplicateDocumentCode
        case nonKebabCode, zeroTerm, effectiveToBeforeFrom, badSourceRef, scheduleForUnlistedChannel
        case duplicateChannel, halfBreak, closesBeforeOpens

        func apply(_ p: inout ServicePassport) {
            switch self {
            case .emptyKazakhTitle: p.title.kk = " "
            case .documentChannelNotOffered: p.documents[1].channels.append(.stateCorporation)
            case .channelWithoutSchedule: p.schedules.removeLast()
            case .duplicateDocumentCode: p.documents[1].code = "application"
            case .nonKebabCode: p.refusalGrounds[0].code = "Unreliable_Documents"
            case .zeroTerm: p.term.days = 0
            case .effectiveToBeforeFrom: p.effectiveTo = day("2020-04-30")
            case .badSourceRef: p.sourceRef = "0000"
            case .scheduleForUnlistedChannel: p.channels.removeLast(); p.documents[0].channels = [.office]
            case .duplicateChannel: p.channels.append(.office)
            case .halfBreak: p.schedules[0].hours[0].breakTo = nil
            case .closesBeforeOpens: p.schedules[0].hours[0].closes = TimeOfDay(hour: 8, minute: 0)!
            }
        }

        var expected: String {
            switch self {
            case .emptyKazakhTitle: "S1 v1: title has no kk text"
            case .documentChannelNotOffered:
                "S1 v1: documents[1] names channel state-corporation, which the service does not have"
            case .channelWithoutSchedule: "S1 v1: channel portal needs exactly one schedule"
            case .duplicateDocumentCode: "S1 v1: documents code 'application' repeats"
            case .nonKebabCode: "S1 v1: refusalGrounds code 'Unreliable_Documents' is not lowercase-kebab"
            case .zeroTerm: "S1 v1: term.days must be at least 1"
            case .effectiveToBeforeFrom: "S1 v1: effectiveTo is before effectiveFrom"
            case .badSourceRef: "S1 v1: sourceRef '0000' is not a seed number like '004'"
            case .scheduleForUnlistedChannel: "S1 v1: schedules[1] is for an unlisted channel"
            case .duplicateChannel: "S1 v1: a channel is listed twice"
            case .halfBreak: "S1 v1: schedules[0].hours[0] has half a break"
            case .closesBeforeOpens: "S1 v1: schedules[0].hours[0] opens after it closes"
            }
        }
    }

    @Test("each broken passport yields a problem naming the field", arguments: Breakage.allCases)
    func broken(breakage: Breakage) {
        var p = Self.minimal

        breakage.apply(&p)

        #expect(p.problems().contains(breakage.expected), "got \(p.problems())")
    }

    @Test(
        "codes with edge or doubled hyphens are not lowercase-kebab",
        arguments: ["-", "-application", "application-", "application--copy"])
    func kebabEdges(code: String) {
        var p = Self.minimal
        p.documents[1].code = code

        #expect(p.problems().contains("S1 v1: documents code '\(code)' is not lowercase-kebab"))
    }

    @Test("a zero term gives no countable term")
    func zeroTermNotCountable() {
        var p = Self.minimal
        p.term.days = 0

        #expect(p.countableTerm == nil)
    }

    @Test("the catalog accepts one passport per service and lists the current ones")
    func catalog() throws {
        let catalog = try PassportCatalog(Self.allServices)

        #expect(catalog.currentAll(on: day("2025-03-20")).map(\.service) == ServiceID.allCases)
        #expect(catalog.currentAll(on: day("2020-04-30")).isEmpty)
    }

    @Test("the catalog refuses a broken passport, listing its problem")
    func catalogRefusesBroken() {
        var services = Self.allServices
        services[2].term.days = 0

        let error = domainError { () throws(DomainError) in try PassportCatalog(services) }

        #expect(error?.code == .passportInvalid)
        #expect(error?.arguments["detail"]?.contains("S3 v1: term.days must be at least 1") == true)
    }

    @Test("the catalog refuses a missing service")
    func missingService() {
        let error = domainError { () throws(DomainError) in try PassportCatalog(Array(Self.allServices.dropLast())) }

        #expect(error?.code == .passportInvalid)
        #expect(error?.arguments["detail"] == "S5: no passport")
    }

    @Test(
        "the catalog refuses versions that overlap in time or repeat a number",
        arguments: [
            ("2020-05-01", nil, 2, "2024-01-01", "S2: v1 and v2 are in force at the same time"),
            ("2020-05-01", "2024-01-01", 2, "2024-01-01", "S2: v1 and v2 are in force at the same time"),
            ("2020-05-01", "2023-12-31", 1, "2024-01-01", "S2: a version number repeats"),
        ] as [(String, String?, Int, String, String)])
    func overlapping(v1From: String, v1To: String?, v2Number: Int, v2From: String, problem: String) {
        var services = Self.allServices
        services[1] = Self.passport(.s2, version: 1, from: v1From, to: v1To)
        services.append(Self.passport(.s2, version: v2Number, from: v2From))

        let error = domainError { () throws(DomainError) in try PassportCatalog(services) }

        #expect(error?.code == .passportInvalid)
        #expect(error?.arguments["detail"]?.contains(problem) == true)
    }

    @Test(
        "current(_:on:) picks the version in force on the date",
        arguments: [
            ("2020-04-30", nil), ("2020-05-01", 1), ("2023-12-31", 1), ("2024-01-01", 2), ("2030-01-01", 2),
        ] as [(String, Int?)])
    func current(date: String, version: Int?) throws {
        var services = Self.allServices
        services[1] = Self.passport(.s2, version: 1, from: "2020-05-01", to: "2023-12-31")
        services.append(Self.passport(.s2, version: 2, from: "2024-01-01"))

        let catalog = try PassportCatalog(services)

        #expect(catalog.current(.s2, on: day(date))?.version == version)
        #expect(catalog.versions(of: .s2).map(\.version) == [1, 2])
    }
}
