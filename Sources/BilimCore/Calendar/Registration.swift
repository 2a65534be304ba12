/// How an application reaches the service (SPEC.md "The services").
package enum Channel: String, CaseIterable, Codable, Sendable {
    case office
    case stateCorporation = "state-corporation"
    case portal
}

/// The registration moment of an application (spec/terms.md "Registration moment"; 004 §53, 000 List item 7).
package enum Registration {
    /// Closing minute used when a passport says nothing else.
    package static let defaultClosingTime = TimeOfDay(hour: 18, minute: 0)!

    /// The day an application is registered: the day it was made if that is a working day and it was made before
    /// the closing minute (the closing minute itself is after hours); otherwise the next working day. A Saturday
    /// intake at the State Corporation, a weekend or holiday on the portal, all register on the next working day.
    /// (004 §53) (000 List item 7)
    package static func registrationDay(
        submittedAt local: LocalDateTime, closingTime: TimeOfDay = defaultClosingTime, calendar: WorkingCalendar
    ) throws(DomainError) -> CivilDate {
        if try calendar.isWorkingDay(local.date), local.time < closingTime { return local.date }
        return try calendar.nextWorkingDay(after: local.date)
    }
}
