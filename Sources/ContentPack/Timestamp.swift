// Dates as packs write them, normalised to one sortable UTC form.

public enum Timestamp {
    /// Reads `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS]` or ISO 8601 with `T`, an optional
    /// fraction, and `Z` or `±HH:MM`; returns `YYYY-MM-DDTHH:MM:SSZ` in UTC, or nil.
    public static func normalise(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ digits: Int) -> Int? {
            guard index + digits <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<index + digits] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += digits
            return value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect(0x2D), let month = number(2), expect(0x2D), let day = number(2),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else { return nil }
        var hour = 0, minute = 0, second = 0, offsetMinutes = 0
        if index < bytes.count {
            guard expect(0x54) || expect(0x20) || expect(0x74),
                  let h = number(2), expect(0x3A), let m = number(2), h < 24, m < 60 else { return nil }
            hour = h; minute = m
            if expect(0x3A) {
                guard let s = number(2), s < 61 else { return nil }
                second = min(s, 59)
                if expect(0x2E) || expect(0x2C) {
                    while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
                }
            }
            if expect(0x5A) || expect(0x7A) {
                // UTC
            } else if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D {
                let sign = bytes[index] == 0x2D ? -1 : 1
                index += 1
                guard let oh = number(2) else { return nil }
                _ = expect(0x3A)
                let om = number(2) ?? 0
                guard oh < 24, om < 60 else { return nil }
                offsetMinutes = sign * (oh * 60 + om)
            }
            guard index == bytes.count else { return nil }
        }
        var minutes = daysFromCivil(year: year, month: month, day: day) * 1440 + hour * 60 + minute - offsetMinutes
        let days = Int((Double(minutes) / 1440).rounded(.down))
        minutes -= days * 1440
        let (y, mo, d) = civilFromDays(days)
        return pad(y, 4) + "-" + pad(mo, 2) + "-" + pad(d, 2) + "T" + pad(minutes / 60, 2) + ":" + pad(minutes % 60, 2) + ":" + pad(second, 2) + "Z"
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
