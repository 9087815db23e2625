// The values of writing offline: where a draft goes, what the outbox holds, why a write was refused.

/// Where a piece of writing will go once queued.
public enum DraftTarget: Hashable, Sendable {
    case newThread(forum: String)
    case reply(thread: String, replyTo: String?)
    case edit(post: String)
    /// Rewriting an op that is still in the outbox (not yet applied by the server).
    case queued(op: String)

    /// The drafts table's key: one draft per place.
    public var key: String {
        switch self {
        case .newThread(let forum): "thread:\(forum)"
        case .reply(let thread, let replyTo): "reply:\(thread):\(replyTo ?? "")"
        case .edit(let post): "edit:\(post)"
        case .queued(let op): "queued:\(op)"
        }
    }

    var kind: String {
        switch self {
        case .newThread: "thread"
        case .reply: "reply"
        case .edit: "edit"
        case .queued: "queued"
        }
    }

    /// Whether the writing has a title (a new thread, or a queued new thread).
    public var isThread: Bool { if case .newThread = self { true } else { false } }
}

public struct Draft: Equatable, Sendable {
    public var target: DraftTarget
    public var title: String
    public var body: String
    /// ISO 8601 time of the last save.
    public var updated: String

    public init(target: DraftTarget, title: String = "", body: String = "", updated: String = "") {
        self.target = target; self.title = title; self.body = body; self.updated = updated
    }
}

public enum OutboxKind: String, Sendable, Codable {
    case threadCreate = "thread.create"
    case postCreate = "post.create"
    case postEdit = "post.edit"
    case postDelete = "post.delete"
}

public enum OutboxState: String, Sendable, Codable, CaseIterable {
    case queued, sending, applied, conflict, rejected
}

/// One op waiting for (or refused by) the server, with the text it carries.
public struct OutboxEntry: Equatable, Sendable {
    public var opID: String
    public var seq: Int
    public var kind: OutboxKind
    public var entityID: String
    public var state: OutboxState
    public var attempts: Int
    public var lastError: String?
    public var created: String
    /// The thread it belongs to (for a new thread, its own title).
    public var threadID: String
    public var threadTitle: String
    /// The new thread's title; empty for posts.
    public var title: String
    public var body: String
}

/// What queuing produced.
public struct QueuedWrite: Equatable, Sendable {
    public var opID: String
    /// The thread or post written.
    public var entityID: String
    public var threadID: String
}

/// Why a write was refused; nothing was changed.
public enum WriteError: Error, Equatable, Sendable {
    case emptyText
    case missingTitle
    case threadLocked
    case notFound
    case notYourPost
    /// A queued thread with queued replies: discard the replies first.
    case hasQueuedReplies(Int)
    /// The server already has this op; it can no longer be changed here.
    case alreadySent
    /// A deletion carries no text to edit (discarding it keeps the post).
    case deletionHasNoText
}

/// What deleting a post did.
public enum DeletedPost: Equatable, Sendable {
    /// It had never left this device: it is gone, with its queued edits.
    case removed
    /// The server may have it: hidden here, and this op takes it off the server.
    case queued(opID: String)
}
