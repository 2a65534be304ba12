import BilimCore
import BilimServices
import BilimStore
import BilimTestSupport
import Foundation
import Testing

@Suite struct DemoAndSignInTests {
    @Test("demo data: two regions' organizations, one user per role, documents; seeded once", arguments: TestDatabase.allConfigured)
    func demo(_ kind: TestDatabase) async throws {
        try await kind.with { db in
            let first = try await DemoData.seedIfEmpty(db, clock: FixedClock.t0)
            let second = try await DemoData.seedIfEmpty(db, clock: FixedClock.t0)

            #expect(first && !second)
            let ref = ReferenceRepository(db: db.sql)
            let users = try await ref.users()
            #expect(Set(users.compactMap { Role(rawValue: $0.role) }) == Set(Role.allCases))
            let orgs = try await ref.organizations()
            for region in ["KZ-75", "KZ-35"] {
                let kinds = Set(orgs.filter { $0.regionCode == region }.map(\.kind))
                #expect(kinds == ["school", "tvet", "state-corporation-office", "education-department"])
            }
            #expect(try await DocumentRegistryRepository(db: db.sql).documents(holderIIN: DemoData.childIIN.digits).count == 1)
            #expect(try await ref.children(of: DemoData.parentIIN.digits) == [DemoData.childIIN.digits])
        }
    }

    @Test("staff sign in with bcrypt; a wrong password, an unknown login alike refused", arguments: TestDatabase.allConfigured)
    func signIn(_ kind: TestDatabase) async throws {
        try await kind.with { db in
            try await DemoData.seedIfEmpty(db, clock: FixedClock.t0)
            let signIn = StaffSignIn(database: db)

            let user = try await signIn.signIn(login: " School.Staff ", password: DemoData.password)
            #expect(user.role == "provider-staff")
            #expect(user.passwordHash?.hasPrefix("$2") == true)
            for (login, password) in [("school.staff", "wrong"), ("nobody", DemoData.password), ("school.staff", "")] {
                await #expect(throws: DomainError(.signInFailed, field: "password")) {
                    try await signIn.signIn(login: login, password: password)
                }
            }
        }
    }

    @Test("an operator's calendar year is validated before it replaces the shipped one", arguments: TestDatabase.allConfigured)
    func calendarLoad(_ kind: TestDatabase) async throws {
        try await kind.with { db in
            let service = CalendarService(database: db)
            let broken = Data(#"{"year": 2026, "source": "x", "holidays": [{"date": "2025-01-01", "kind": "public", "name": {"kk": "a", "ru": "b", "en": "c"}}], "transfers": []}"#.utf8)

            await #expect(throws: DomainError.self) {
                try await service.load(json: broken, name: "2026.json", loadedBy: "admin", now: Date())
            }
            #expect(try await CalendarRepository(db: db.sql).all().isEmpty)

            var y2026 = try #require(try ShippedData.calendarYears().first { $0.year == 2026 })
            y2026.transfers.append(.init(dayOff: CivilDate(year: 2026, month: 12, day: 31)!, workingDay: CivilDate(year: 2026, month: 12, day: 26)!, source: "test"))
            try await service.load(json: JSONEncoder().encode(y2026), name: "2026.json", loadedBy: "admin", now: Date())
            let calendar = try await service.calendar()
            #expect(try !calendar.isWorkingDay(CivilDate(year: 2026, month: 12, day: 31)!))
            #expect(try calendar.isWorkingDay(CivilDate(year: 2026, month: 12, day: 26)!))
        }
    }

    @Test("sessions: a token works until idle expiry and after sign-out it does not", arguments: TestDatabase.allConfigured)
    func sessions(_ kind: TestDatabase) async throws {
        try await kind.with { db in
            try await DemoData.seedIfEmpty(db, clock: FixedClock.t0)
            let sessions = Sessions(database: db, clock: FixedClock.t0, idleTimeout: 600)
            let later = Sessions(database: db, clock: FixedClock(FixedClock.t0.instant.addingTimeInterval(601)), idleTimeout: 600)

            let token = try await sessions.start(userId: "user-admin")
            #expect(try await sessions.user(token: token)?.login == "admin")
            #expect(try await sessions.user(token: token + "x") == nil)
            #expect(try await later.user(token: token) == nil)
            let second = try await sessions.start(userId: "user-admin")
            try await sessions.end(token: second)
            #expect(try await sessions.user(token: second) == nil)
        }
    }
}
