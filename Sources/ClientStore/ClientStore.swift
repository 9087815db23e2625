// The client's local store: one SQLite file holding content, personal state and the outbox.
import CFoldTokenizer
import CSQLite
import Foundation
import Storage

/// The client's database, opened and migrated. One per thread (SQLite connections are not shared).
public final class ClientStore {
    public let database: Database
    /// At most this many matches are ranked per search (see `search`); a setting so tests
    /// can show the cut with a small pack.
    var rankedMatchLimit = 4_000

    /// Opens (creating, mode 0600) the store at `path` and brings its schema up to date.
    public init(path: String) throws {
        database = try Database(path: path)
        try ClientStore.prepare(database)
    }

    /// A private in-memory store, for tests and benchmarks.
    public static func inMemory() throws -> ClientStore {
        try ClientStore(database: Database(path: ":memory:"))
    }

    init(database: Database) throws {
        self.database = database
        try ClientStore.prepare(database)
    }

    static func prepare(_ database: Database) throws {
        // The search index's tokenizer lives in this program, not in the file: register it
        // on every connection before the schema (or a query) touches the index.
        let code = rrc_register_fold_tokenizer(database.connection)
        guard code == SQLITE_OK else {
            throw DatabaseError(code: code, message: "cannot register the rrc_fold search tokenizer")
        }
        try database.migrate(ClientSchema.migrations)
    }

    /// Empties the write-ahead log into the file (after a large sync); see `Database.checkpoint`.
    public func checkpoint() throws { try database.checkpoint() }

    /// Schema version this program writes.
    public static var schemaVersion: Int { ClientSchema.migrations.map(\.version).max() ?? 0 }
}
