// Full-text search over resources, guides, threads and posts, ranked by bm25.
import Storage

extension ClientStore {
    /// Best matches first. Diacritics never matter ("Bucuresti" finds "București", "stiinta"
    /// finds cedilla "ştiinţa", "djordjevic" finds "Đorđević"); titles weigh more than bodies.
    ///
    /// Ranking costs a few microseconds per matching entry, and a common word can match
    /// most of 200 000 posts; so when more than `rankedMatchLimit` entries match, only the
    /// newest that many are ranked. Index rowids put posts lowest (`SearchIndexKind`), so
    /// the cut only ever drops older posts, never a resource, guide or thread.
    public func search(_ query: SearchQuery) throws -> [SearchHit] {
        guard let expression = query.matchExpression, query.limit > 0 else { return [] }
        let range = query.kind.flatMap(SearchIndexKind.init(name:))?.rowidRange ?? SearchIndexKind.allRowids
        let newestRanked: Int64? = try database.scalar("""
            SELECT rowid FROM search_index
            WHERE search_index MATCH ?1 AND rowid BETWEEN ?2 AND ?3
            ORDER BY rowid DESC LIMIT 1 OFFSET ?4
            """, expression, range.lowerBound, range.upperBound, rankedMatchLimit - 1)
        let hits = try database.all("""
            SELECT kind, item_id, language,
                   highlight(search_index, 0, char(2), char(3)),
                   snippet(search_index, 1, char(2), char(3), '…', 16),
                   bm25(search_index, 4.0, 1.0) AS score
            FROM search_index
            WHERE search_index MATCH ?1
              AND rowid BETWEEN ?2 AND ?3
              AND (?4 IS NULL OR (SELECT language FROM search_languages WHERE entry = search_index.rowid) = ?4)
            ORDER BY score
            LIMIT ?5
            """, arguments: [expression, max(range.lowerBound, newestRanked ?? range.lowerBound), range.upperBound,
                             query.language, query.limit]) { row in
            SearchHit(kind: row[0], id: row[1], language: row[2], title: MarkedText(highlighted: row[3]),
                      snippet: MarkedText(highlighted: row[4]), threadId: nil, score: row[5])
        }
        return try hits.map { hit in
            guard hit.kind == "post" else { return hit }
            var post = hit
            if let (threadID, title) = try database.first("""
                SELECT t.id, t.title FROM posts p JOIN threads t ON t.id = p.thread_id WHERE p.id = ?
                """, hit.id, as: { row in (row[0] as String, row[1] as String) }) {
                post.threadId = threadID
                post.title = MarkedText(highlighted: title)
            }
            return post
        }
    }
}
