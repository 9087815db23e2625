// The content records shared by client, server and content packs: plain values.

public struct Attachment: Codable, Sendable, Equatable {
    /// File name as shown to the user.
    public var name: String
    /// Size in bytes; nil when the pack named a file it did not carry.
    public var size: Int?
    /// Lowercase hex SHA-256 of the file; the key it is fetched and verified by.
    public var sha256: String?

    public init(name: String, size: Int?, sha256: String?) {
        self.name = name
        self.size = size
        self.sha256 = sha256
    }
}

public struct Resource: Codable, Sendable, Equatable {
    public var id: String
    /// Translations of one work share a group; a resource without `translation_of` is its own group.
    public var translationGroup: String
    public var language: Language
    public var title: String
    public var summary: String
    /// Markdown.
    public var body: String
    /// A `ResourceType` raw value, or the pack's own label when it is not one.
    public var type: String
    public var topics: [String]
    public var countries: [String]
    public var year: Int?
    public var author: String
    public var licence: String?
    public var attachments: [Attachment]

    public init(id: String, translationGroup: String, language: Language, title: String, summary: String,
                body: String, type: String, topics: [String], countries: [String], year: Int?,
                author: String, licence: String?, attachments: [Attachment]) {
        self.id = id; self.translationGroup = translationGroup; self.language = language
        self.title = title; self.summary = summary; self.body = body; self.type = type
        self.topics = topics; self.countries = countries; self.year = year; self.author = author
        self.licence = licence; self.attachments = attachments
    }
}

public struct ChecklistItem: Codable, Sendable, Equatable {
    public var text: String
    /// The pack's own default (`- [x]`); the user's ticks are personal state, stored apart.
    public var checkedByDefault: Bool
    public init(text: String, checkedByDefault: Bool) { self.text = text; self.checkedByDefault = checkedByDefault }
}

public struct GuideSection: Codable, Sendable, Equatable {
    public var title: String
    /// Heading level, 1–6.
    public var level: Int
    /// The section's own Markdown, heading excluded.
    public var body: String
    public var checklist: [ChecklistItem]
    public init(title: String, level: Int, body: String, checklist: [ChecklistItem]) {
        self.title = title; self.level = level; self.body = body; self.checklist = checklist
    }
}

public struct Guide: Codable, Sendable, Equatable {
    public var id: String
    public var translationGroup: String
    public var language: Language
    public var title: String
    public var summary: String
    public var body: String
    public var topics: [String]
    public var sections: [GuideSection]
    public init(id: String, translationGroup: String, language: Language, title: String, summary: String,
                body: String, topics: [String], sections: [GuideSection]) {
        self.id = id; self.translationGroup = translationGroup; self.language = language
        self.title = title; self.summary = summary; self.body = body; self.topics = topics; self.sections = sections
    }
}

public struct Forum: Codable, Sendable, Equatable {
    public var id: String
    public var language: Language
    public var title: String
    public var description: String
    public init(id: String, language: Language, title: String, description: String) {
        self.id = id; self.language = language; self.title = title; self.description = description
    }
}

public struct ForumThread: Codable, Sendable, Equatable {
    public var id: String
    public var forumID: String
    public var language: Language
    public var title: String
    /// Person id (or a plain name when the author is not a known person).
    public var authorID: String
    /// The opening message, Markdown; may be empty when the first post carries it.
    public var body: String
    /// ISO 8601 UTC, e.g. `2025-03-14T09:30:00Z`.
    public var created: String
    public var locked: Bool
    public init(id: String, forumID: String, language: Language, title: String, authorID: String,
                body: String, created: String, locked: Bool) {
        self.id = id; self.forumID = forumID; self.language = language; self.title = title
        self.authorID = authorID; self.body = body; self.created = created; self.locked = locked
    }
}

public struct Post: Codable, Sendable, Equatable {
    public var id: String
    public var threadID: String
    /// The post this one answers, when the pack or the author says so.
    public var replyTo: String?
    public var language: Language
    public var authorID: String
    public var body: String
    public var created: String
    public var hidden: Bool
    public init(id: String, threadID: String, replyTo: String?, language: Language, authorID: String,
                body: String, created: String, hidden: Bool) {
        self.id = id; self.threadID = threadID; self.replyTo = replyTo; self.language = language
        self.authorID = authorID; self.body = body; self.created = created; self.hidden = hidden
    }
}

public struct Person: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var role: Role
    public var country: String
    public var language: Language
    public var bio: String
    public init(id: String, name: String, role: Role, country: String, language: Language, bio: String) {
        self.id = id; self.name = name; self.role = role; self.country = country; self.language = language; self.bio = bio
    }
}
