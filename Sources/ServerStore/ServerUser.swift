// An account on the server and what its role may do.
import Model

public struct ServerUser: Equatable, Sendable {
    public var id: String
    public var username: String
    public var displayName: String
    public var role: Role
    public var disabled: Bool
    public var created: String

    /// Hide and unhide posts, lock threads.
    public var canModerate: Bool { role == .moderator || role == .admin }
    /// Add, disable and change accounts.
    public var canAdminister: Bool { role == .admin }
}
