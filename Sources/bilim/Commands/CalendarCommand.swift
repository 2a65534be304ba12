import ArgumentParser
import BilimCore
import BilimServices
import BilimStore
import Foundation
import Logging

struct CalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "The working calendar and terms (spec/terms.md).",
        subcommands: [NonWorking.self, Deadline.self, Load.self])

    /// `bilim calendar non-working --from D --to D`: a JSON array of the non-working ISO dates, ascending.
    struct NonWorking: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "non-working", abstract: "List non-working days.")
        @Option(help: "First day, YYYY-MM-DD.") var from: String
        @Option(help: "Last day, YYYY-MM-DD.") var to: String

        func run() async throws {
            let start = try parseDate(from, "--from")
            let end = try parseDate(to, "--to")
            guard start <= end else { throw UsageFailure("--from \(from) is after --to \(to)") }
            let calendar = try await currentCalendar()
            do {
                let days = try calendar.nonWorkingDays(from: start, to: end)
                print("[" + days.map { "\"\($0.iso)\"" }.joined(separator: ", ") + "]")
            } catch { throw UsageFailure(error.message(in: .en)) }
        }
    }

    /// `bilim calendar deadline --registered T --channel C --working-days N | --calendar-days N`.
    struct Deadline: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Registration day and deadline of a term.")
        @Option(help: "Local YYYY-MM-DDTHH:MM[:SS], or an RFC 3339 instant with Z or an offset.") var registered: String
        @Option(help: "portal, office or state-corporation.") var channel: String
        @Option(name: .customLong("working-days"), help: "Term in working days.") var workingDays: Int?
        @Option(name: .customLong("calendar-days"), help: "Term in calendar days.") var calendarDays: Int?

        func validate() throws {
            guard Channel(rawValue: channel) != nil else {
                throw ValidationError("--channel must be portal, office or state-corporation (got '\(channel)')")
            }
            switch (workingDays, calendarDays) {
            case (nil, nil): throw ValidationError("give --working-days or --calendar-days")
            case (.some, .some): throw ValidationError("give --working-days or --calendar-days, not both")
            case (let n?, nil), (nil, let n?):
                if n < 1 { throw ValidationError("a term must be at least 1 day (got \(n))") }
                if n > Term.maxDays { throw ValidationError("a term must be at most \(Term.maxDays) days (got \(n))") }
            }
        }

        func run() async throws {
            guard let moment = LocalTime.almaty.parseMoment(registered) else {
                throw UsageFailure(
                    "--registered '\(registered)' is not YYYY-MM-DDTHH:MM[:SS] or an RFC 3339 instant")
            }
            let term = try workingDays.map { try Term(days: $0, unit: .working) }
                ?? Term(days: calendarDays!, unit: .calendar)
            let calendar = try await currentCalendar()
            do {
                let day = try Registration.registrationDay(submittedAt: moment, calendar: calendar)
                let deadline = try term.deadline(
                    registeredOn: day, channel: Channel(rawValue: channel) ?? .portal, calendar: calendar, acceptedOn: moment.date)
                print(#"{"registeredOn": "\#(day.iso)", "deadline": "\#(deadline.iso)"}"#)
            } catch { throw UsageFailure(error.message(in: .en)) }
        }
    }

    /// `bilim calendar load --file YEAR.json`: validates a year and stores it in place of the shipped one.
    struct Load: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Load or replace a calendar year from a JSON file.")
        @Option(help: "The year's JSON file (the schema of Sources/BilimServices/Resources/calendar/*.json).") var file: String
        @Option(help: "Who loads it, for the record.") var by: String = NSUserName()

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw UsageFailure("cannot read \(file)") }
            let database = try await openDatabase(migrateSQLite: true)
            do {
                let year = try await CalendarService(database: database).load(
                    json: data, name: (file as NSString).lastPathComponent, loadedBy: by, now: Date())
                // Running cases get their deadlines recomputed under the new calendar (never earlier).
                var logger = Logger(label: "bilim.cli")
                logger.logLevel = .critical
                let deps = ServiceDependencies(database: database, passports: try ShippedData.passportCatalog(), logger: logger)
                let operatorActor = Actor(
                    userId: "operator:\(by)", role: .administrator, organizationId: nil, regionCode: nil, personIIN: nil)
                let moved = try await DeadlineRecalculation(deps).recompute(by: operatorActor)
                try await database.shutdown()
                print("loaded calendar year \(year.year): \(year.holidays.count) holidays, \(year.transfers.count) transfers")
                print("deadlines moved later: \(moved.count) case(s)")
            } catch {
                try? await database.shutdown()
                throw UsageFailure(describe(error))
            }
        }
    }
}

func parseDate(_ text: String, _ option: String) throws -> CivilDate {
    guard let d = CivilDate(iso: text) else { throw UsageFailure("\(option) '\(text)' is not a date in the form YYYY-MM-DD") }
    return d
}

/// The shipped calendar, with the years an operator loaded when a database is configured or the embedded one exists.
func currentCalendar() async throws -> WorkingCalendar {
    let env = ProcessInfo.processInfo.environment["DATABASE_URL"]
    let hasEmbedded = FileManager.default.fileExists(atPath: DatabaseURL.defaultSQLitePath)
    do {
        if env != nil || hasEmbedded {
            let database = try await openDatabase(migrateSQLite: false)
            do {
                // A database not yet migrated holds no operator-loaded years.
                let calendar =
                    try await MigrationRunner().pending(on: database).contains("0008-create-calendar-years")
                    ? try WorkingCalendar(years: try ShippedData.calendarYears())
                    : try await CalendarService(database: database).calendar()
                try await database.shutdown()
                return calendar
            } catch {
                try? await database.shutdown()
                throw error
            }
        }
        return try WorkingCalendar(years: try ShippedData.calendarYears())
    } catch let e as ValidationError { throw e } catch { throw UsageFailure(describe(error)) }
}

func describe(_ error: any Error) -> String {
    if let d = error as? DomainError { return d.message(in: .en) }
    return String(describing: error)
}

/// Opens `DATABASE_URL` (default: the embedded SQLite file). An unreachable database is a usage error (exit 2).
func openDatabase(migrateSQLite: Bool) async throws -> Database {
    var logger = Logger(label: "bilim.cli")
    logger.logLevel = .critical
    do {
        let url = try DatabaseURL(ProcessInfo.processInfo.environment["DATABASE_URL"])
        let db = try await Database.open(url, logger: logger)
        if migrateSQLite, url.isSQLite { try await MigrationRunner().migrate(on: db) }
        return db
    } catch let e as DatabaseURL.Invalid {
        throw UsageFailure(e.description)
    } catch let e as Database.Unreachable {
        throw UsageFailure(e.description)
    }
}
