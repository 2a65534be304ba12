import BilimCore
import BilimServices
import BilimStore
import BilimTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

/// Unauthenticated requests cannot grow the database without limit: EDS sign-in challenges are made on demand, and
/// at most `EDSSignIn.maxOpenChallenges` (10,000) are open at once.
@Suite struct EDSChallengeCapTests {
    func open(_ deps: ServiceDependencies) async throws -> Int {
        try await deps.database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("signing_challenges")
            .first(decodingColumn: "n", as: Int.self) ?? -1
    }

    @Test("with 10,000 open sign-in challenges the next is refused with a clear 429 and nothing is stored; once they expire, challenges are made again", arguments: TestDatabase.allConfigured)
    func cap(_ kind: TestDatabase) async throws {
        #expect(EDSSignIn.maxOpenChallenges == 10_000)
        let clock = MovableClock(almaty: "2026-03-03T10:00")
        try await withTestApp(on: kind, clock: clock) { client, deps, _ in
            func ask() async throws -> (HTTPResponse.Status, [String: Any]) {
                try await client.execute(
                    uri: "/api/v1/sign-in/eds/challenge", method: .post, headers: [.contentType: "application/json", .acceptLanguage: "ru"],
                    body: ByteBuffer(string: "{}")
                ) { ($0.status, $0.json) }
            }
            #expect(try await ask().0 == .created)
            // 9,999 more open challenges, as a flood of anonymous requests would leave them.
            let now = clock.now()
            for batch in stride(from: 1, to: EDSSignIn.maxOpenChallenges, by: 500) {
                let rows = (batch..<min(batch + 500, EDSSignIn.maxOpenChallenges)).map { i in
                    ChallengeRow(
                        id: "flood-\(i)", purpose: "sign-in", method: "eds", nonce: "n\(i)", contentSha256: nil, userId: nil, codeHash: nil,
                        createdAt: now, expiresAt: now.addingTimeInterval(300))
                }
                let insert = deps.database.sql.insert(into: "signing_challenges")
                for r in rows { try insert.row(r) }
                try await insert.run()
            }
            #expect(try await open(deps) == EDSSignIn.maxOpenChallenges)
            let (status, body) = try await ask()
            #expect(status == .tooManyRequests && body["code"] as? String == "challenge.busy", "\(body)")
            #expect(!(body["message"] as? String ?? "").isEmpty)
            #expect(try await open(deps) == EDSSignIn.maxOpenChallenges)
            // Five minutes on, the flood has expired: a challenge is made again.
            clock.set(almaty: "2026-03-03T10:06")
            #expect(try await ask().0 == .created)
        }
    }
}
