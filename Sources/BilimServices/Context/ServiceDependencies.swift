import BilimSigning
import BilimCore
import BilimStore
import Foundation
import Logging

/// Everything a use case needs, passed explicitly.
package struct ServiceDependencies: Sendable {
    package let database: Database
    package let passports: PassportCatalog
    package let clock: any Clock
    package let ids: any IDGenerator
    package let localTime: LocalTime
    package let logger: Logger
    package let identity: any IdentityRegistry
    /// Checks EDS certificates against the configured trust store and revocation lists.
    package let eds: any CertificateVerifier

    package init(
        database: Database, passports: PassportCatalog, clock: any Clock = SystemClock(),
        ids: any IDGenerator = RandomIDGenerator(), localTime: LocalTime = .almaty, logger: Logger,
        identity: (any IdentityRegistry)? = nil, eds: (any CertificateVerifier)? = nil
    ) {
        self.eds = eds ?? NoTrustStore()
        self.identity = identity ?? EmbeddedIdentityRegistry(database: database)
        self.database = database
        self.passports = passports
        self.clock = clock
        self.ids = ids
        self.localTime = localTime
        self.logger = logger
    }

    package var calendars: CalendarService { CalendarService(database: database) }
    package var today: CivilDate { localTime.today(clock) }
}

/// Without a trust store no certificate is trusted.
package struct NoTrustStore: CertificateVerifier {
    package init() {}
    package func verify(certificate: Data, signature: Data, message: Data, at time: Date, purpose: EDSPurpose) async throws -> VerifiedSigner {
        throw DomainError(.edsUntrusted, field: "certificate")
    }
}
