import BilimCore
import BilimStore
import HummingbirdBcrypt

/// Password sign-in for staff (bcrypt). Applicants' one-time passwords and EDS come with issue 4.
package struct StaffSignIn: Sendable {
    package let database: Database

    package init(database: Database) { self.database = database }

    /// The user, or `signIn.failed` for an unknown login, a wrong password or a disabled account alike, so that
    /// the answer does not tell which logins exist.
    package func signIn(login: String, password: String) async throws -> UserRow {
        let user = try await ReferenceRepository(db: database.sql).user(login: login.trimmingSpaces.lowercased())
        // Verify against a fixed hash when the login is unknown, so both paths take the same time.
        let hash = user?.passwordHash ?? StaffSignIn.decoyHash
        let ok = Bcrypt.verify(password, hash: hash)
        guard let user, ok, user.passwordHash != nil, user.disabledAt == nil else {
            throw DomainError(.signInFailed, field: "password")
        }
        return user
    }

    package static func hash(_ password: String) -> String { Bcrypt.hash(password, cost: 10) }

    private static let decoyHash = "$2b$10$CwTycUXWue0Thq9StjUM0uJ8.Vjz2Dpw5qP1KJcdkn2uHDqNwFWG6"
}
