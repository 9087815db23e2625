// The ISO 8601 time stamps stored and logged ("2026-12-03T19:42:33Z"), made with the C
// library. Formatting through Foundation's calendars (Date.ISO8601FormatStyle) loads ICU's
// data: 1.8 MB more memory in a client that otherwise never needs it.
#if canImport(Glibc)
import Glibc
#endif
import Foundation

public enum UTCTimestamp {
    /// `date` to the second, in UTC, as `yyyy-MM-ddTHH:mm:ssZ`.
    public static func string(_ date: Date = Date()) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))"
            + "T\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))Z"
    }
}
