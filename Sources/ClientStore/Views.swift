// What the store hands to screens and the command line: rows shaped for display.
import Model

public struct ResourceFilter: Sendable, Equatable {
    public var language: String?
    public var topic: String?
    public var type: String?
    public var country: String?
    public var order: ResourceOrder
    public init(language: String? = nil, topic: String? = nil, type: String? = nil, country: String? = nil,
                order: ResourceOrder = .title) {
        self.language = language; self.topic = topic; self.type = type; self.country = country; self.order = order
    }
}

/// How the library is sorted.
public enum ResourceOrder: String, CaseIterable, Sendable {
    /// A–Z by title, as the language sorts (sort_title is folded).
    case title
    /// The newest year first, then by title (a resource always has a year; one without
    /// would come last).
    case newest

    /// The key of the newest-first order, in SQL; the index of migration 6 is on exactly this.
    static let newestKeySQL = "printf('%04d ', 9999 - coalesce(year, 0)) || sort_title"

    var keySQL: String {
        switch self {
        case .title: "sort_title"
        case .newest: Self.newestKeySQL
        }
    }
}

public struct ResourceSummary: Sendable, Codable, Equatable {
    public var id: String
    public var language: String
    public var title: String
    public var type: String
    public var year: Int?
    public var author: String
    public var topics: [String]
}

public struct TranslationLink: Sendable, Codable, Equatable {
    public var id: String
    public var language: String
    public var title: String
}

public struct ResourceDetail: Sendable, Codable {
    public var resource: Resource
    /// Other languages of the same work.
    public var translations: [TranslationLink]
}

public struct GuideSummary: Sendable, Codable, Equatable {
    public var id: String
    public var language: String
    public var title: String
    public var summary: String
    public var sectionCount: Int
    public var checklistItemCount: Int
}

public struct GuideDetail: Sendable, Codable {
    public var guide: Guide
    public var translations: [TranslationLink]
}

public struct ForumSummary: Sendable, Codable, Equatable {
    public var id: String
    public var language: String
    public var title: String
    public var description: String
    public var threadCount: Int
    public var postCount: Int
    public var lastActivity: String?
    /// Whether sync takes this forum's threads.
    public var followed: Bool = true
}

public struct ThreadSummary: Sendable, Codable, Equatable {
    public var id: String
    public var forumId: String
    public var language: String
    public var title: String
    public var authorId: String
    public var authorName: String
    public var created: String
    public var lastActivity: String
    public var postCount: Int
    public var locked: Bool
    /// Written here and not yet applied by the server.
    public var pending: Bool
}

public struct PostView: Sendable, Codable, Equatable {
    public var id: String
    public var threadId: String
    public var replyTo: String?
    public var language: String
    public var authorId: String
    public var authorName: String
    public var authorRole: String?
    public var created: String
    public var edited: String?
    public var body: String
    public var pending: Bool
}

public struct ThreadDetail: Sendable, Codable {
    public var thread: ThreadSummary
    public var forumTitle: String
    /// The opening message.
    public var body: String
}

public struct ForumDetail: Sendable, Codable {
    public var forum: ForumSummary
}

/// Any record `rrc show ID` can find.
public enum StoredItem: Sendable {
    case resource(ResourceDetail)
    case guide(GuideDetail)
    case forum(ForumDetail)
    case thread(ThreadDetail)
    case post(PostView)
    case person(Person)

    public var kind: ContentKind {
        switch self {
        case .resource: .resource
        case .guide: .guide
        case .forum: .forum
        case .thread: .thread
        case .post: .post
        case .person: .person
        }
    }
}

public struct ContentCounts: Sendable, Codable, Equatable {
    public var resources = 0
    public var guides = 0
    public var forums = 0
    public var threads = 0
    public var posts = 0
    public var people = 0
    public var queuedOps = 0
    public init() {}
    public var isEmpty: Bool { resources + guides + forums + threads + posts == 0 }
}
