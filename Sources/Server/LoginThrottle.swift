// Too many failed logins for one username or from one address: 429 until the window passes.
// Also bounds how many Argon2id checks (64 MiB each) run at once.
import Foundation

public final class LoginThrottle: @unchecked Sendable {
    let maximumFailures: Int
    let window: TimeInterval
    private let lock = NSLock()
    private var failures: [String: [Date]] = [:]
    /// At most two password checks at a time: each takes 64 MiB and a core for a moment.
    let hashing = DispatchSemaphore(value: 2)

    public init(maximumFailures: Int = 5, window: TimeInterval = 15 * 60) {
        self.maximumFailures = maximumFailures
        self.window = window
    }

    /// Seconds to wait before trying again, or nil when a try is allowed.
    public func retryAfter(keys: [String], now: Date = Date()) -> Int? {
        lock.lock(); defer { lock.unlock() }
        var wait: TimeInterval = 0
        for key in keys {
            let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
            failures[key] = recent
            if recent.count >= maximumFailures, let oldest = recent.first {
                wait = max(wait, window - now.timeIntervalSince(oldest))
            }
        }
        return wait > 0 ? Int(wait.rounded(.up)) : nil
    }

    public func recordFailure(keys: [String], now: Date = Date()) {
        lock.lock(); defer { lock.unlock() }
        for key in keys { failures[key, default: []].append(now) }
        if failures.count > 100_000 { failures = failures.filter { !($0.value.last.map { now.timeIntervalSince($0) >= window } ?? true) } }
    }

    public func recordSuccess(keys: [String]) {
        lock.lock(); defer { lock.unlock() }
        for key in keys { failures[key] = nil }
    }
}
