/// Proleptic Gregorian calendar arithmetic on UTC days, integers only (no Foundation calendar,
/// whose results could differ between platforms).
enum Calendar {
    static let secondsPerDay: Int64 = 86_400

    /// Days since 1970-01-01 for a valid date, or nil.
    static func days(year: Int64, month: Int64, day: Int64) -> Int64? {
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              (1...9999).contains(year) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = y / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func isLeap(_ year: Int64) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// Year and month (1–12) of a day count.
    static func yearMonth(days: Int64) -> (year: Int64, month: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month)
    }

    /// Calendar months since 1970-01 of a time (seconds since the epoch, UTC).
    static func monthIndex(time: Int64) -> Int64 {
        let days = time >= 0 ? time / secondsPerDay : (time - secondsPerDay + 1) / secondsPerDay
        let (year, month) = yearMonth(days: days)
        return (year - 1970) * 12 + (month - 1)
    }

    /// First second of month index `index`, or nil outside years 1–9999.
    static func monthStart(index: Int64) -> Int64? {
        guard index >= -1969 * 12, index <= 8029 * 12 + 11 else { return nil }
        let year = 1970 + (index >= 0 ? index / 12 : (index - 11) / 12)
        let month = index - (year - 1970) * 12 + 1
        return days(year: year, month: month, day: 1).map { $0 * secondsPerDay }
    }
}
