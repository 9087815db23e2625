// Full-text search over resources, guides, threads and posts, ranked by bm25.
import Storage

extension ClientStore {
    /// Best matches first. Diacritics never matter ("Bucuresti" finds "București", "stiinta"
    /// finds cedilla "ştiinţa", "djordjevic" finds "Đorđević"); titles weigh more than bodies.
    ///
    /// Ranking costs a few microseconds per matching entry, and a common word can match
    /// most of 200 000 posts; so when more than `rankedMatchLimit` entries match, only the
    /// newest that many are ranked. Index rowids put posts lowest (`SearchIndexKind`), so
    /// the cut only ever drops older posts, never a resource, guide or thread. With a language
    /// filter the cut counts only entries in that language.
    ///
    /// Two passes: the first ranks on rowid and bm25 alone, the second marks up the winners
    /// (highlight, snippet) — marking up every ranked entry cost half the time of a search.
    public func search(_ query: SearchQuery) throws -> [SearchHit] {
        guard let expression = query.matchExpression, query.limit > 0 else { return [] }
        let range = query.kind.flatMap(SearchIndexKind.init(name:))?.rowidRange ?? SearchIndexKind.allRowids
        // Rank: the newest matches (a rowid walk down the doclist), scored by bm25 alone.
        // Asking for any column here (kind, a snippet) makes FTS5 load every ranked entry's
        // stored title and body; that was half the time of a search for a common word.
        let ranked = try database.all("""
            SELECT hit, score FROM (
                SELECT rowid AS hit, bm25(search_index, 4.0, 1.0) AS score
                FROM search_index
                WHERE search_index MATCH ?1
                  AND rowid BETWEEN ?2 AND ?3
                  AND (?4 IS NULL OR (SELECT language FROM search_languages WHERE entry = search_index.rowid) = ?4)
                ORDER BY rowid DESC
                LIMIT ?5)
            ORDER BY score
            LIMIT ?6
            """, arguments: [expression, range.lowerBound, range.upperBound, query.language, rankedMatchLimit, query.limit]) { row in
            (entry: row[0] as Int64, score: row[1] as Double)
        }
        guard let lowest = ranked.map(\.entry).min(), let highest = ranked.map(\.entry).max() else { return [] }
        // Mark up the winners only, in one more pass over the doclist: `+rowid IN` keeps the
        // list a filter (as a constraint SQLite would re-run the MATCH once per winner).
        var marked: [Int64: SearchHit] = [:]
        try database.forEach("""
            SELECT rowid, kind, item_id, language,
                   highlight(search_index, 0, char(2), char(3)),
                   snippet(search_index, 1, char(2), char(3), '…', 16)
            FROM search_index
            WHERE search_index MATCH ?1 AND rowid BETWEEN ?2 AND ?3
              AND +rowid IN (SELECT value FROM json_each(?4))
            """, arguments: [expression, lowest, highest, "[" + ranked.map { String($0.entry) }.joined(separator: ",") + "]"]) { row in
            marked[row[0]] = SearchHit(kind: row[1], id: row[2], language: row[3], title: MarkedText(highlighted: row[4]),
                                       snippet: MarkedText(highlighted: row[5]), threadId: nil, score: 0)
        }
        let hits = ranked.compactMap { entry -> SearchHit? in
            guard var hit = marked[entry.entry] else { return nil }
            hit.score = entry.score
            return hit
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
