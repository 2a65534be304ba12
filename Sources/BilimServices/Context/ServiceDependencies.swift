import BilimCore
import BilimStore
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

    package init(
        database: Database, passports: PassportCatalog, clock: any Clock = SystemClock(),
        ids: any IDGenerator = RandomIDGenerator(), localTime: LocalTime = .almaty, logger: Logger,
        identity: (any IdentityRegistry)? = nil
    ) {
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
