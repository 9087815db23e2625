// Record data for forum content as the change log carries it (library records travel as
// the Model's own Codable types).

public struct ThreadRecord: Codable, Equatable, Sendable {
    public var id: String
    public var forumID: String
    public var language: String
    public var title: String
    public var authorID: String
    public var body: String
    public var createdAt: String
    public var locked: Bool
    public var hidden: Bool

    public init(id: String, forumID: String, language: String, title: String, authorID: String, body: String,
                createdAt: String, locked: Bool = false, hidden: Bool = false) {
        self.id = id; self.forumID = forumID; self.language = language; self.title = title; self.authorID = authorID
        self.body = body; self.createdAt = createdAt; self.locked = locked; self.hidden = hidden
    }

    enum CodingKeys: String, CodingKey {
        case id, language, title, body, locked, hidden
        case forumID = "forum_id", authorID = "author_id", createdAt = "created_at"
    }
}

public struct PostRecord: Codable, Equatable, Sendable {
    public var id: String
    public var threadID: String
    public var replyTo: String?
    public var language: String
    public var authorID: String
    public var body: String
    public var createdAt: String
    public var editedAt: String?
    public var revision: Int
    public var hidden: Bool
    /// Revisions that lost a concurrent edit, kept for the author to choose from.
    public var otherRevisions: [RevisionRecord]?

    public init(id: String, threadID: String, replyTo: String?, language: String, authorID: String, body: String,
                createdAt: String, editedAt: String? = nil, revision: Int = 1, hidden: Bool = false,
                otherRevisions: [RevisionRecord]? = nil) {
        self.id = id; self.threadID = threadID; self.replyTo = replyTo; self.language = language
        self.authorID = authorID; self.body = body; self.createdAt = createdAt; self.editedAt = editedAt
        self.revision = revision; self.hidden = hidden; self.otherRevisions = otherRevisions
    }

    enum CodingKeys: String, CodingKey {
        case id, language, body, revision, hidden
        case threadID = "thread_id", replyTo = "reply_to", authorID = "author_id", createdAt = "created_at"
        case editedAt = "edited_at", otherRevisions = "other_revisions"
    }
}

public struct RevisionRecord: Codable, Equatable, Sendable {
    public var body: String
    public var hlc: String
    public init(body: String, hlc: String) { self.body = body; self.hlc = hlc }
}

/// One field of a user's personal state (a read mark, a bookmark, a checklist tick).
public struct PersonalRecord: Codable, Equatable, Sendable {
    public var key: String
    public var value: JSONValue
    public var hlc: String
    public init(key: String, value: JSONValue, hlc: String) { self.key = key; self.value = value; self.hlc = hlc }
}
