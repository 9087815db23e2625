// Stored and logged time stamps: ISO 8601, UTC, to the second, whatever the local zone.
import Foundation
import Model
import Testing

struct UTCTimestampTests {
    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00Z"),
        (1_796_327_999.9, "2026-12-03T19:59:59Z"),   // seconds are cut, never rounded up
        (951_782_400.0, "2000-02-29T00:00:00Z"),     // a leap day
        (-86_400.0, "1969-12-31T00:00:00Z"),
    ])
    func formatsInUTC(_ seconds: Double, _ expected: String) {
        #expect(UTCTimestamp.string(Date(timeIntervalSince1970: seconds)) == expected)
    }

    /// The same text Foundation's ISO 8601 style gives, so old and new stamps sort together.
    @Test func matchesFoundationsFormat() {
        let date = Date(timeIntervalSince1970: 1_700_000_123)
        var style = Date.ISO8601FormatStyle()
        style.timeZone = TimeZone(secondsFromGMT: 0)!
        #expect(UTCTimestamp.string(date) == style.format(date))
    }
}
