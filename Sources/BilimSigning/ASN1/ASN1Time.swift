import Foundation
import SwiftASN1

/// Conversion between `Date` and the X.509 `Time` CHOICE (UTCTime or GeneralizedTime).
enum ASN1Time {
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// Reads a UTCTime or GeneralizedTime node.
    static func date(from node: ASN1Node) throws -> Date {
        let parts: (Int, Int, Int, Int, Int, Int)
        switch node.identifier {
        case .utcTime:
            let time = try UTCTime(derEncoded: node)
            parts = (time.year, time.month, time.day, time.hours, time.minutes, time.seconds)
        case .generalizedTime:
            let time = try GeneralizedTime(derEncoded: node)
            parts = (time.year, time.month, time.day, time.hours, time.minutes, time.seconds)
        default:
            throw ASN1Error.unexpectedFieldType(node.identifier)
        }
        let components = DateComponents(
            year: parts.0, month: parts.1, day: parts.2, hour: parts.3, minute: parts.4, second: parts.5)
        guard let date = calendar.date(from: components) else {
            throw ASN1Error.invalidASN1Object(reason: "unrepresentable time")
        }
        return date
    }

    /// Writes `date` as UTCTime for 1950–2049 and GeneralizedTime otherwise (RFC 5280 §4.1.2.5), to whole seconds.
    static func serialize(_ date: Date, into coder: inout DER.Serializer) throws {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let (year, month, day) = (c.year ?? 0, c.month ?? 0, c.day ?? 0)
        let (hours, minutes, seconds) = (c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
        if (1950..<2050).contains(year) {
            try coder.serialize(
                UTCTime(year: year, month: month, day: day, hours: hours, minutes: minutes, seconds: seconds))
        } else {
            try coder.serialize(
                GeneralizedTime(
                    year: year, month: month, day: day, hours: hours, minutes: minutes, seconds: seconds,
                    fractionalSeconds: 0))
        }
    }
}
