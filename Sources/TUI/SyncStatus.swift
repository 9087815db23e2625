// What the interface knows about sync, handed in by the run loop (the TUI never touches the
// network): the connection, the last outcome in numbers, and the account.

public struct SyncStatus: Equatable, Sendable {
    public enum Connection: Equatable, Sendable {
        case notLoggedIn, offline, online, syncing
    }

    /// The numbers of the last finished sync.
    public struct Outcome: Equatable, Sendable {
        public var sent: Int, rejected: Int, conflicts: Int, received: Int, bytesOut: Int, bytesIn: Int, stillQueued: Int
        public var at: String
        public init(sent: Int, rejected: Int, conflicts: Int, received: Int, bytesOut: Int, bytesIn: Int, stillQueued: Int, at: String) {
            self.sent = sent; self.rejected = rejected; self.conflicts = conflicts; self.received = received
            self.bytesOut = bytesOut; self.bytesIn = bytesIn; self.stillQueued = stillQueued; self.at = at
        }
    }

    public var connection: Connection = .notLoggedIn
    public var server: String?
    public var user: String?
    public var lastOutcome: Outcome?
    /// The last problem, in the words the engine gave (shown on the Sync screen).
    public var lastProblem: String?

    public init(connection: Connection = .notLoggedIn, server: String? = nil, user: String? = nil) {
        self.connection = connection; self.server = server; self.user = user
    }
}
