// Bookmarks: resources, guides and threads the user wants to find again (personal state).
import Model
import Storage

/// A bookmark with what the list needs to show it.
public struct BookmarkView: Equatable, Sendable {
    public var kind: ContentKind
    public var id: String
    public var title: String
    public var language: String
    public var created: String
}

extension ClientStore {
    public func isBookmarked(_ kind: ContentKind, id: String) throws -> Bool {
        try database.scalar("SELECT active FROM bookmarks WHERE item_kind = ? AND item_id = ?", kind.rawValue, id,
                            as: Bool.self) ?? false
    }

    /// Adds or removes the bookmark; returns whether it is now set.
    @discardableResult
    public func toggleBookmark(_ kind: ContentKind, id: String) throws -> Bool {
        try database.transaction {
            let active = !(try isBookmarked(kind, id: id))
            let stamp = try nextStamp()
            try database.run("""
                INSERT INTO bookmarks (item_kind, item_id, active, created_at, hlc) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(item_kind, item_id) DO UPDATE SET active = excluded.active, hlc = excluded.hlc,
                    created_at = CASE WHEN excluded.active THEN excluded.created_at ELSE bookmarks.created_at END
                """, kind.rawValue, id, active, Self.isoNow(), stamp.description)
            try queuePersonal("bookmark:\(kind.rawValue):\(id)", active, stamp: stamp)
            return active
        }
    }

    /// Active bookmarks whose item is still here, newest first.
    public func bookmarks() throws -> [BookmarkView] {
        try database.all("""
            SELECT b.item_kind, b.item_id, coalesce(r.title, g.title, t.title), coalesce(r.language, g.language, t.language),
                   b.created_at
            FROM bookmarks b
            LEFT JOIN resources r ON b.item_kind = 'resource' AND r.id = b.item_id
            LEFT JOIN guides g ON b.item_kind = 'guide' AND g.id = b.item_id
            LEFT JOIN threads t ON b.item_kind = 'thread' AND t.id = b.item_id AND t.hidden = 0
            WHERE b.active = 1 AND coalesce(r.id, g.id, t.id) IS NOT NULL
            ORDER BY b.created_at DESC, b.item_id
            """) { row in
            BookmarkView(kind: ContentKind(rawValue: row[0]) ?? .resource, id: row[1], title: row[2], language: row[3],
                         created: row[4])
        }
    }
}
