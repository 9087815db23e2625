// Search-index changes gathered during a bulk write and applied together at its end.
import Model
import Storage

/// Why batch: while an FTS5 table takes part in a transaction, every later statement that
/// needs a statement journal (an upsert on a table with foreign keys) makes SQLite savepoint
/// the FTS5 table, and FTS5 answers by flushing its pending index data. Writing the index
/// after the relational rows keeps FTS5 out of the transaction until then: the content-pack
/// import runs about three times faster.
struct SearchIndexBatch {
    struct Entry {
        let key: Int64
        let kind: SearchIndexKind
        let id: String
        let language: Language
        let title: String
        let body: String
    }

    private var entries: [Entry] = []
    /// Index rowids to clear before the new entries go in (replaced or removed records).
    private var removals: [Int64] = []

    mutating func replace(_ kind: SearchIndexKind, rowid: Int64?, id: String, language: Language, title: String, body: String) {
        guard let rowid else { return }
        let key = kind.indexRowID(rowid)
        removals.append(key)
        entries.append(Entry(key: key, kind: kind, id: id, language: language, title: title, body: body))
    }

    mutating func remove(_ kind: SearchIndexKind, rowid: Int64?) {
        if let rowid { removals.append(kind.indexRowID(rowid)) }
    }

    func write(to database: Database) throws {
        for key in removals {
            try database.run("DELETE FROM search_index WHERE rowid = ?", key)
            try database.run("DELETE FROM search_languages WHERE entry = ?", key)
        }
        for entry in entries {
            try database.run("INSERT INTO search_index (rowid, title, body, kind, item_id, language) VALUES (?, ?, ?, ?, ?, ?)",
                             entry.key, entry.title, entry.body, entry.kind.name, entry.id, entry.language.code)
            try database.run("INSERT INTO search_languages (entry, language) VALUES (?, ?)", entry.key, entry.language.code)
        }
    }
}
