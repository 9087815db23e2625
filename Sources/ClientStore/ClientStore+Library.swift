// Library queries: resources and guides, listed by keyset pages and shown whole.
import Model
import Storage

extension ClientStore {
    /// One page of resources sorted by title, filtered by any of language, topic, type, country.
    public func resources(_ filter: ResourceFilter = ResourceFilter(), after cursor: KeysetCursor? = nil,
                          limit: Int = 50) throws -> Page<ResourceSummary> {
        let rows = try database.all(Self.resourcePageSQL(language: filter.language != nil, cursor: cursor != nil, order: filter.order), arguments: [filter.language, filter.type, filter.topic.map(Slug.make), filter.country?.uppercased(),
                             cursor?.sortKey, cursor?.id, limit + 1]) { row in
            (ResourceSummary(id: row[0], language: row[1], title: row[2], type: row[3], year: row[4], author: row[5],
                             topics: (row[7] as String).split(separator: ",").map(String.init).sorted()),
             row[6] as String)
        }
        let page = Page(fetched: rows, limit: limit) { KeysetCursor(sortKey: $0.1, id: $0.0.id) }
        return Page(items: page.items.map(\.0), next: page.next)
    }

    /// The SQL of a resource page; see `threadPageSQL` for why conditions are spliced, not `? IS NULL OR`.
    static func resourcePageSQL(language: Bool, cursor: Bool, order: ResourceOrder = .title) -> String {
        // The language filter's own index serves the title order; the newest-first order
        // walks its index and skips the other languages, which stays a page's worth of rows.
        let key = order.keySQL
        // SQLite seeks a row value only on plain columns; on the expression key it would scan
        // from the first row, so that order seeks with a range on the key alone.
        let seek = order == .title ? "(r.sort_title, r.id) > (?5, ?6)" : "\(key) >= ?5 AND (\(key) > ?5 OR r.id > ?6)"
        return """
        SELECT r.id, r.language, r.title, r.type, r.year, r.author, \(key),
               (SELECT group_concat(topic, ',') FROM resource_topics WHERE resource_id = r.id) AS topics
        FROM resources r\(order == .newest ? " INDEXED BY resources_by_year" : "")
        WHERE \(language ? "r.language = ?1" : "?1 IS NULL")
          AND (?2 IS NULL OR r.type = ?2)
          AND (?3 IS NULL OR EXISTS (SELECT 1 FROM resource_topics t WHERE t.resource_id = r.id AND t.topic = ?3))
          AND (?4 IS NULL OR EXISTS (SELECT 1 FROM resource_countries c WHERE c.resource_id = r.id AND c.country = ?4))
          AND \(cursor ? seek : "?5 IS NULL AND ?6 IS NULL")
        ORDER BY \(key), r.id
        LIMIT ?7
        """
    }

    public func resource(id: String) throws -> ResourceDetail? {
        guard var resource = try database.first("""
            SELECT id, translation_group, language, title, summary, body, type, year, author, licence
            FROM resources WHERE id = ?
            """, id, as: { row in
            Resource(id: row[0], translationGroup: row[1], language: Language(code: row[2]) ?? .english, title: row[3],
                     summary: row[4], body: row[5], type: row[6], topics: [], countries: [], year: row[7],
                     author: row[8], licence: row[9], attachments: [])
        }) else { return nil }
        resource.topics = try database.all("SELECT topic FROM resource_topics WHERE resource_id = ? ORDER BY topic", id) { $0[0] }
        resource.countries = try database.all("SELECT country FROM resource_countries WHERE resource_id = ? ORDER BY country", id) { $0[0] }
        resource.attachments = try database.all("SELECT name, size, sha256 FROM attachments WHERE resource_id = ? ORDER BY position", id) {
            Attachment(name: $0[0], size: $0[1], sha256: $0[2])
        }
        return ResourceDetail(resource: resource,
                              translations: try translations(table: "resources", group: resource.translationGroup, except: id))
    }

    public func guides(language: String? = nil, after cursor: KeysetCursor? = nil, limit: Int = 50) throws -> Page<GuideSummary> {
        let rows = try database.all("""
            SELECT g.id, g.language, g.title, g.summary, g.sort_title,
                   (SELECT count(*) FROM guide_sections WHERE guide_id = g.id),
                   (SELECT count(*) FROM checklist_items WHERE guide_id = g.id)
            FROM guides g
            WHERE (?1 IS NULL OR g.language = ?1)
              AND \(cursor != nil ? "(g.sort_title, g.id) > (?2, ?3)" : "?2 IS NULL AND ?3 IS NULL")
            ORDER BY g.sort_title, g.id
            LIMIT ?4
            """, arguments: [language, cursor?.sortKey, cursor?.id, limit + 1]) { row in
            (GuideSummary(id: row[0], language: row[1], title: row[2], summary: row[3], sectionCount: row[5],
                          checklistItemCount: row[6]), row[4] as String)
        }
        let page = Page(fetched: rows, limit: limit) { KeysetCursor(sortKey: $0.1, id: $0.0.id) }
        return Page(items: page.items.map(\.0), next: page.next)
    }

    public func guide(id: String) throws -> GuideDetail? {
        guard var guide = try database.first("""
            SELECT id, translation_group, language, title, summary, body FROM guides WHERE id = ?
            """, id, as: { row in
            Guide(id: row[0], translationGroup: row[1], language: Language(code: row[2]) ?? .english, title: row[3],
                  summary: row[4], body: row[5], topics: [], sections: [])
        }) else { return nil }
        guide.topics = try database.all("SELECT topic FROM guide_topics WHERE guide_id = ? ORDER BY topic", id) { $0[0] }
        var sections = try database.all("""
            SELECT title, level, body FROM guide_sections WHERE guide_id = ? ORDER BY position
            """, id) { GuideSection(title: $0[0], level: $0[1], body: $0[2], checklist: []) }
        try database.forEach("""
            SELECT section_position, text, checked_by_default FROM checklist_items
            WHERE guide_id = ? ORDER BY section_position, position
            """, id) { row in
            let section: Int = row[0]
            if sections.indices.contains(section) {
                sections[section].checklist.append(ChecklistItem(text: row[1], checkedByDefault: row[2]))
            }
        }
        guide.sections = sections
        return GuideDetail(guide: guide, translations: try translations(table: "guides", group: guide.translationGroup, except: id))
    }

    func translations(table: StaticString, group: String, except id: String) throws -> [TranslationLink] {
        // `table` is a constant of this file, never user text.
        try database.all("SELECT id, language, title FROM \(table) WHERE translation_group = ? AND id <> ? ORDER BY language", group, id) {
            TranslationLink(id: $0[0], language: $0[1], title: $0[2])
        }
    }

    /// Totals for the home screen and `rrc` with no arguments. The interface leaves out the
    /// post count (`includingPosts: false`): it shows threads, and counting 200 000 posts
    /// would hold up the first screen.
    public func counts(includingPosts: Bool = true) throws -> ContentCounts {
        var counts = ContentCounts()
        counts.resources = try database.scalar("SELECT count(*) FROM resources") ?? 0
        counts.guides = try database.scalar("SELECT count(*) FROM guides") ?? 0
        counts.forums = try database.scalar("SELECT count(*) FROM forums") ?? 0
        counts.threads = try database.scalar("SELECT count(*) FROM threads WHERE hidden = 0") ?? 0
        // All posts (a covering index scan) minus hidden ones (a partial index): no table scan.
        if includingPosts {
            counts.posts = try database.scalar("SELECT (SELECT count(*) FROM posts) - (SELECT count(*) FROM posts WHERE hidden = 1)") ?? 0
        }
        counts.people = try database.scalar("SELECT count(*) FROM people") ?? 0
        counts.queuedOps = try database.scalar("SELECT count(*) FROM outbox WHERE state <> 'applied' AND kind <> 'personal.set'") ?? 0
        return counts
    }
}

/// The filter values the library actually holds, for cycling through them.
public struct LibraryFacets: Equatable, Sendable {
    public var topics: [String]
    public var types: [String]
    public var countries: [String]
}

extension ClientStore {
    public func libraryFacets() throws -> LibraryFacets {
        LibraryFacets(
            topics: try database.all("SELECT DISTINCT topic FROM resource_topics ORDER BY topic") { $0[0] },
            types: try database.all("SELECT DISTINCT type FROM resources ORDER BY type") { $0[0] },
            countries: try database.all("SELECT DISTINCT country FROM resource_countries ORDER BY country") { $0[0] })
    }
}
