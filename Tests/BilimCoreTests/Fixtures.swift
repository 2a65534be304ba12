import BilimCore

/// A date from an ISO literal written in a test; a typo is a test bug, so it traps.
func day(_ iso: String) -> CivilDate {
    guard let date = CivilDate(iso: iso) else { preconditionFailure("bad date literal \(iso)") }
    return date
}

/// A local moment from an ISO literal written in a test.
func moment(_ iso: String) -> LocalDateTime {
    guard let value = LocalDateTime(iso: iso) else { preconditionFailure("bad moment literal \(iso)") }
    return value
}

/// The code of the `DomainError` a body throws, or nil when it returns.
func errorCode<T>(_ body: () throws(DomainError) -> T) -> ErrorCode? {
    do {
        _ = try body()
        return nil
    } catch {
        return error.code
    }
}

/// The error a body throws, or nil when it returns.
func domainError<T>(_ body: () throws(DomainError) -> T) -> DomainError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}

/// Kazakhstan's calendar years built by hand from spec/terms.md, so Core tests read no files.
enum KZ {
    typealias Holiday = CalendarYearData.Holiday

    static func text(_ kk: String, _ ru: String, _ en: String) -> LocalizedText {
        LocalizedText(kk: kk, ru: ru, en: en)
    }

    static let newYear = text("Жаңа жыл", "Новый год", "New Year")
    static let christmas = text("Православиелік Рождество", "Рождество Христово", "Orthodox Christmas")
    static let women = text("Халықаралық әйелдер күні", "Международный женский день", "International Women's Day")
    static let nauryz = text("Наурыз мейрамы", "Наурыз мейрамы", "Nauryz")
    static let unity = text("Қазақстан халқының бірлігі мерекесі", "Праздник единства народа", "Unity Day")
    static let defender = text("Отан қорғаушы күні", "День защитника Отечества", "Defender of the Fatherland Day")
    static let victory = text("Жеңіс күні", "День Победы", "Victory Day")
    static let capital = text("Астана күні", "День столицы", "Capital Day")
    static let kurban = text("Құрбан айт", "Курбан айт", "Kurban Ait")
    static let constitution = text("Конституция күні", "День Конституции", "Constitution Day")
    static let republic = text("Республика күні", "День Республики", "Republic Day")
    static let firstPresident = text("Тұңғыш Президент күні", "День Первого Президента", "First President's Day")
    static let independence = text("Тәуелсіздік күні", "День Независимости", "Independence Day")

    static func pub(_ iso: String, _ name: LocalizedText) -> Holiday {
        Holiday(date: day(iso), kind: .public, name: name)
    }
    static func rel(_ iso: String, _ name: LocalizedText) -> Holiday {
        Holiday(date: day(iso), kind: .religious, name: name)
    }

    /// The holidays every year of 2020–2026 shares, in `year`.
    static func common(_ year: Int) -> [Holiday] {
        let y = String(year)
        return [
            pub("\(y)-01-01", newYear), pub("\(y)-01-02", newYear), rel("\(y)-01-07", christmas),
            pub("\(y)-03-08", women), pub("\(y)-03-21", nauryz), pub("\(y)-03-22", nauryz), pub("\(y)-03-23", nauryz),
            pub("\(y)-05-01", unity), pub("\(y)-05-07", defender), pub("\(y)-05-09", victory),
            pub("\(y)-07-06", capital), pub("\(y)-12-16", independence),
        ]
    }

    /// 2020: 1 and 17 December still holidays, Constitution Day 30 August, Kurban Ait 31 July; Victory Day on
    /// Saturday 9 May moves to Monday 11 May, which the decree then swaps for Friday 8 May.
    static let y2020 = CalendarYearData(
        year: 2020, source: "Government Decree No. 820 of 2019",
        holidays: common(2020) + [
            rel("2020-07-31", kurban), pub("2020-08-30", constitution), pub("2020-12-01", firstPresident),
            pub("2020-12-17", independence),
        ],
        transfers: [
            .init(dayOff: day("2020-05-08"), workingDay: day("2020-05-11"), source: "Government Decree No. 820 of 2019")
        ])

    /// 2025: Republic Day and the last Constitution Day; Kurban Ait 6 June; Friday 3 January off for Sunday 5 January.
    static let y2025 = CalendarYearData(
        year: 2025, source: "Labour Code arts. 84-85; Order No. 436 of 2024",
        holidays: common(2025) + [
            rel("2025-06-06", kurban), pub("2025-08-30", constitution), pub("2025-10-25", republic),
        ],
        transfers: [.init(dayOff: day("2025-01-03"), workingDay: day("2025-01-05"), source: "Order No. 436 of 2024")])

    /// 2026: Republic Day, no Constitution Day off; Kurban Ait 27 May; no transfers.
    static let y2026 = CalendarYearData(
        year: 2026, source: "Labour Code arts. 84-85",
        holidays: common(2026) + [rel("2026-05-27", kurban), pub("2026-10-25", republic)],
        transfers: [])

    /// 2020, 2025 and 2026 together.
    static let calendar: WorkingCalendar = {
        do { return try WorkingCalendar(years: [y2020, y2025, y2026]) } catch {
            preconditionFailure("fixture calendar is invalid: \(error)")
        }
    }()
}

/// The check-digit weights of spec/terms.md: 1…11 first, then 3…11, 1, 2.
let firstWeights = Array(1...11)
let secondWeights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]

/// The digits of an ASCII digit string.
func digitsOf(_ text: String) -> [Int] { text.utf8.map { Int($0) - 48 } }

/// Σ digit × weight over the first 11 digits.
func weightedSum(_ digits: [Int], _ weights: [Int]) -> Int {
    var sum = 0
    for i in 0..<11 { sum += digits[i] * weights[i] }
    return sum
}
