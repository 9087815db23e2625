// Forum queries: forums, threads by last activity, posts in order — all keyset-paged.
import Model
import Storage

extension ClientStore {
    public func forums(language: String? = nil) throws -> [ForumSummary] {
        // Forums are few (dozens), so one query is the page.
        try database.all("""
            SELECT f.id, f.language, f.title, f.description,
                   (SELECT count(*) FROM threads WHERE forum_id = f.id AND hidden = 0),
                   (SELECT coalesce(sum(post_count), 0) FROM threads WHERE forum_id = f.id AND hidden = 0),
                   (SELECT max(last_activity_at) FROM threads WHERE forum_id = f.id AND hidden = 0), f.followed
            FROM forums f
            WHERE (?1 IS NULL OR f.language = ?1)
            ORDER BY f.title, f.id
            """, arguments: [language]) { row in
            ForumSummary(id: row[0], language: row[1], title: row[2], description: row[3], threadCount: row[4],
                         postCount: row[5], lastActivity: row[6], followed: row[7])
        }
    }

    /// Follows or unfollows a forum: sync takes only followed forums' threads.
    public func setFollowing(forum id: String, _ followed: Bool) throws {
        try database.run("UPDATE forums SET followed = ? WHERE id = ?", followed, id)
    }

    /// The forums to sync when the user has unfollowed some; empty when all are followed.
    public func followedForums() throws -> [String] {
        let unfollowed = try database.scalar("SELECT count(*) FROM forums WHERE followed = 0", as: Int.self) ?? 0
        guard unfollowed > 0 else { return [] }
        return try database.all("SELECT id FROM forums WHERE followed = 1 ORDER BY id") { $0[0] }
    }

    /// Threads, most recently active first; all forums when `forum` is nil.
    public func threads(forum: String? = nil, language: String? = nil, after cursor: KeysetCursor? = nil,
                        limit: Int = 50) throws -> Page<ThreadSummary> {
        let rows = try database.all(Self.threadPageSQL(forum: forum != nil, cursor: cursor != nil),
                                    arguments: [forum, language, cursor?.sortKey, cursor?.id, limit + 1],
                                    as: Self.threadSummary)
        return Page(fetched: rows, limit: limit) { KeysetCursor(sortKey: $0.lastActivity, id: $0.id) }
    }

    /// The SQL of a thread page. Conditions are left out rather than written as
    /// `? IS NULL OR …`, which would keep SQLite from seeking the index to the cursor.
    static func threadPageSQL(forum: Bool, cursor: Bool) -> String {
        """
        SELECT t.id, t.forum_id, t.language, t.title, t.author_id, coalesce(p.name, t.author_id),
               t.created_at, t.last_activity_at, t.post_count, t.locked, t.pending
        FROM threads t LEFT JOIN people p ON p.id = t.author_id
        WHERE t.hidden = 0
          AND \(forum ? "t.forum_id = ?1" : "?1 IS NULL")
          AND (?2 IS NULL OR t.language = ?2)
          AND \(cursor ? "(t.last_activity_at, t.id) < (?3, ?4)" : "?3 IS NULL AND ?4 IS NULL")
        ORDER BY t.last_activity_at DESC, t.id DESC
        LIMIT ?5
        """
    }

    static func threadSummary(_ row: Row) -> ThreadSummary {
        ThreadSummary(id: row[0], forumId: row[1], language: row[2], title: row[3], authorId: row[4],
                      authorName: row[5], created: row[6], lastActivity: row[7], postCount: row[8], locked: row[9],
                      pending: row[10])
    }

    public func thread(id: String) throws -> ThreadDetail? {
        try database.first("""
            SELECT t.id, t.forum_id, t.language, t.title, t.author_id, coalesce(p.name, t.author_id),
                   t.created_at, t.last_activity_at, t.post_count, t.locked, t.pending, f.title, t.body
            FROM threads t LEFT JOIN people p ON p.id = t.author_id JOIN forums f ON f.id = t.forum_id
            WHERE t.id = ? AND t.hidden = 0
            """, id) { row in
            ThreadDetail(thread: Self.threadSummary(row), forumTitle: row[11], body: row[12])
        }
    }

    /// Posts of a thread in the order they were written.
    public func posts(thread: String, after cursor: KeysetCursor? = nil, limit: Int = 50) throws -> Page<PostView> {
        let rows = try database.all(Self.postPageSQL(cursor: cursor != nil),
                                    arguments: [thread, cursor?.sortKey, cursor?.id, limit + 1], as: Self.postView)
        return Page(fetched: rows, limit: limit) { KeysetCursor(sortKey: $0.created, id: $0.id) }
    }

    static func postPageSQL(cursor: Bool) -> String {
        """
        SELECT \(postColumns)
        FROM posts x LEFT JOIN people p ON p.id = x.author_id
        WHERE x.thread_id = ?1 AND x.hidden = 0
          AND \(cursor ? "(x.created_at, x.id) > (?2, ?3)" : "?2 IS NULL AND ?3 IS NULL")
        ORDER BY x.created_at, x.id
        LIMIT ?4
        """
    }

    public func post(id: String) throws -> PostView? {
        try database.first("""
            SELECT \(Self.postColumns)
            FROM posts x LEFT JOIN people p ON p.id = x.author_id
            WHERE x.id = ? AND x.hidden = 0
            """, id, as: Self.postView)
    }

    static let postColumns = """
        x.id, x.thread_id, x.reply_to, x.language, x.author_id, coalesce(p.name, x.author_id), p.role,
        x.created_at, x.edited_at, x.body, x.pending
        """

    static func postView(_ row: Row) -> PostView {
        PostView(id: row[0], threadId: row[1], replyTo: row[2], language: row[3], authorId: row[4], authorName: row[5],
                 authorRole: row[6], created: row[7], edited: row[8], body: row[9], pending: row[10])
    }

    public func person(id: String) throws -> Person? {
        try database.first("SELECT id, name, role, country, language, bio FROM people WHERE id = ?", id) { row in
            Person(id: row[0], name: row[1], role: Role(rawValue: row[2]) ?? .member, country: row[3],
                   language: Language(code: row[4]) ?? .english, bio: row[5])
        }
    }

    /// Finds a record of any kind by id.
    public func item(id: String) throws -> StoredItem? {
        if let value = try resource(id: id) { return .resource(value) }
        if let value = try guide(id: id) { return .guide(value) }
        if let value = try forums().first(where: { $0.id == id }) { return .forum(ForumDetail(forum: value)) }
        if let value = try thread(id: id) { return .thread(value) }
        if let value = try post(id: id) { return .post(value) }
        if let value = try person(id: id) { return .person(value) }
        return nil
    }
}
