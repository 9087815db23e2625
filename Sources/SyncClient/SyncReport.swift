// What one sync did: the true outcome, never a false "done" or "failed" (SYNC.md).

public struct SyncReport: Equatable, Sendable {
    public var pushed = 0
    public var applied = 0
    public var duplicates = 0
    public var conflicts = 0
    public var rejected = 0
    public var pulled = 0
    public var requests = 0
    /// Connections opened (requests reuse an open one when the server keeps it).
    public var connections = 0
    public var bytesOut = 0
    public var bytesIn = 0
    /// Ops still waiting (the server could not be reached half-way, or they were rejected).
    public var stillQueued = 0
    public var epochChanged = false

    public init() {}
}

/// Why a sync stopped; what was done before stays done.
public enum SyncFailure: Error, Equatable, Sendable, CustomStringConvertible {
    case offline(String)
    case notLoggedIn
    case sessionEnded
    case server(status: Int, code: String, message: String)
    case unreadable(String)
    /// This device's own store failed (not the link, not the server).
    case local(String)

    public var description: String {
        switch self {
        case .offline(let detail): "offline: \(detail)"
        case .notLoggedIn: "not logged in: run rrc login --server URL --user NAME"
        case .sessionEnded: "the server ended this session: log in again"
        case .server(let status, let code, let message): "the server answered \(status) \(code): \(message)"
        case .unreadable(let detail): "the server's answer could not be read: \(detail)"
        case .local(let detail): "the local store failed: \(detail)"
        }
    }
}
