// Dates as packs write them become one sortable UTC form.
import ContentPack
import Testing

struct TimestampTests {
    @Test(arguments: [
        ("2025-03-14", "2025-03-14T00:00:00Z"),
        ("2025-03-14 09:30", "2025-03-14T09:30:00Z"),
        ("2025-03-14T09:30:15Z", "2025-03-14T09:30:15Z"),
        ("2025-03-14T09:30:15.250Z", "2025-03-14T09:30:15Z"),
        ("2025-03-14T01:30:00+02:00", "2025-03-13T23:30:00Z"),
        ("2024-12-31T23:30:00-01:00", "2025-01-01T00:30:00Z"),
        ("2024-02-29", "2024-02-29T00:00:00Z"),
    ])
    func normalises(_ input: String, _ expected: String) {
        #expect(Timestamp.normalise(input) == expected)
    }

    @Test(arguments: ["2025-02-29", "2025-13-01", "14.03.2025", "2025-03-14T25:00", "yesterday", "2025-03-14Tnoon", ""])
    func rejects(_ input: String) {
        #expect(Timestamp.normalise(input) == nil)
    }
}
