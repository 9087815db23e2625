// Hybrid logical clock stamps (SYNC.md "Clocks"): wall time, a counter and the device, so
// edits order the same way on every replica even when a laptop's clock is wrong.

public struct HybridTimestamp: Comparable, Hashable, Sendable, CustomStringConvertible {
    /// Milliseconds since 1970 as the clock last saw them (never goes backwards).
    public var wallMilliseconds: Int64
    /// Breaks ties within one millisecond and carries order when the wall clock stalls or jumps back.
    public var counter: Int
    public var device: String

    public init(wallMilliseconds: Int64, counter: Int, device: String) {
        self.wallMilliseconds = wallMilliseconds; self.counter = counter; self.device = device
    }

    /// The stamp for a local event after `last`, given the wall clock `now`.
    public static func next(after last: HybridTimestamp?, now: Int64, device: String) -> HybridTimestamp {
        guard let last, last.wallMilliseconds >= now else {
            return HybridTimestamp(wallMilliseconds: now, counter: 0, device: device)
        }
        return HybridTimestamp(wallMilliseconds: last.wallMilliseconds, counter: last.counter + 1, device: device)
    }

    /// The local clock after seeing a remote stamp: never behind anything it has seen.
    public static func merged(local: HybridTimestamp?, remote: HybridTimestamp, now: Int64, device: String) -> HybridTimestamp {
        let wall = max(now, local?.wallMilliseconds ?? 0, remote.wallMilliseconds)
        var counter = 0
        if wall == remote.wallMilliseconds { counter = max(counter, remote.counter + 1) }
        if let local, wall == local.wallMilliseconds { counter = max(counter, local.counter + 1) }
        return HybridTimestamp(wallMilliseconds: wall, counter: counter, device: device)
    }

    /// Fixed-width text that sorts like the stamps do: `0001733234567890-00000-device`.
    public var description: String {
        let wall = String(max(0, wallMilliseconds))
        let count = String(counter)
        return String(repeating: "0", count: max(0, 16 - wall.count)) + wall + "-"
            + String(repeating: "0", count: max(0, 5 - count.count)) + count + "-" + device
    }

    public init?(_ text: String) {
        let parts = text.split(separator: "-", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let wall = Int64(parts[0]), let counter = Int(parts[1]), wall >= 0, counter >= 0
        else { return nil }
        self.init(wallMilliseconds: wall, counter: counter, device: String(parts[2]))
    }

    public static func < (a: HybridTimestamp, b: HybridTimestamp) -> Bool {
        (a.wallMilliseconds, a.counter, a.device) < (b.wallMilliseconds, b.counter, b.device)
    }
}
