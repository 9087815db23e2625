// One SQLite connection, shared by client and server stores: open with the house
// settings, run parameterised SQL through a statement cache, transactions, checks.
import CSQLite
import Foundation

/// A connection to one SQLite file. Not thread-safe: one connection per thread.
public final class Database {
    let handle: OpaquePointer
    public let path: String
    private var statementCache: [String: Statement] = [:]
    private var savepointDepth = 0

    public struct Options: Sendable {
        public var readOnly = false
        /// How long a writer waits for another connection's lock before SQLITE_BUSY.
        public var busyTimeoutMilliseconds: Int32 = 5_000
        /// WAL lets readers (the TUI) run while a writer (sync, import) commits.
        public var writeAheadLog = true
        public init() {}
    }

    /// Opens (creating if needed, mode 0600) the database at `path`.
    /// `":memory:"` opens a private in-memory database.
    public init(path: String, options: Options = Options()) throws {
        if path != ":memory:" && !options.readOnly && !FileManager.default.fileExists(atPath: path) {
            // Create it ourselves so the file never exists with looser permissions.
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw DatabaseError(code: SQLITE_CANTOPEN, message: "cannot create database file \(path)")
            }
        }
        var connection: OpaquePointer?
        let flags = (options.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
            | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            let error = DatabaseError(code: code, connection: connection)
            sqlite3_close_v2(connection)
            throw error
        }
        self.handle = connection
        self.path = path
        sqlite3_extended_result_codes(connection, 1)
        sqlite3_busy_timeout(connection, options.busyTimeoutMilliseconds)
        do {
            try execute("PRAGMA foreign_keys = ON")
            if options.writeAheadLog && !options.readOnly && path != ":memory:" {
                try execute("PRAGMA journal_mode = WAL")
                // NORMAL is durable across application crashes in WAL mode; only a power
                // cut can lose the last commits, never corrupt the file.
                try execute("PRAGMA synchronous = NORMAL")
                // After a checkpoint the log is cut back to this size instead of staying as
                // large as the biggest transaction ever written (an import: hundreds of MB).
                try execute("PRAGMA journal_size_limit = 16777216")
            }
        } catch {
            statementCache.removeAll()
            sqlite3_close_v2(connection)
            throw error
        }
    }

    deinit {
        statementCache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// The raw connection, for C extensions such as FTS5 tokenizers.
    public var connection: OpaquePointer { handle }

    // MARK: Running SQL

    /// Runs one or more statements without parameters (schema, pragmas).
    public func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        if code != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(message)
            throw DatabaseError(code: code, message: text, sql: sql)
        }
    }

    /// Copies the write-ahead log into the database file and empties it. After a large write
    /// (an import, a first sync) the log holds hundreds of megabytes, and a process that opens
    /// the file alone reads all of it before its first query: the next start would pay.
    public func checkpoint() throws {
        try execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    /// Runs one parameterised statement that returns no rows.
    public func run(_ sql: String, _ arguments: any DatabaseValueConvertible...) throws {
        try run(sql, arguments: arguments)
    }

    public func run(_ sql: String, arguments: [any DatabaseValueConvertible]) throws {
        let statement = try cachedStatement(sql)
        try statement.bind(arguments)
        defer { statement.finish() }
        while try statement.step() {}
    }

    /// Calls `body` for each row of a parameterised query.
    public func forEach(_ sql: String, _ arguments: any DatabaseValueConvertible...,
                        body: (Row) throws -> Void) throws {
        try forEach(sql, arguments: arguments, body: body)
    }

    public func forEach(_ sql: String, arguments: [any DatabaseValueConvertible],
                        body: (Row) throws -> Void) throws {
        let statement = try cachedStatement(sql)
        try statement.bind(arguments)
        defer { statement.finish() }
        let row = Row(statement: statement)
        while try statement.step() { try body(row) }
    }

    /// Maps every row of a query to a value.
    public func all<T>(_ sql: String, _ arguments: any DatabaseValueConvertible...,
                       as transform: (Row) throws -> T) throws -> [T] {
        try all(sql, arguments: arguments, as: transform)
    }

    public func all<T>(_ sql: String, arguments: [any DatabaseValueConvertible],
                       as transform: (Row) throws -> T) throws -> [T] {
        var result: [T] = []
        try forEach(sql, arguments: arguments) { result.append(try transform($0)) }
        return result
    }

    /// The first row of a query mapped to a value, or nil when there is none.
    public func first<T>(_ sql: String, _ arguments: any DatabaseValueConvertible...,
                         as transform: (Row) throws -> T) throws -> T? {
        try first(sql, arguments: arguments, as: transform)
    }

    public func first<T>(_ sql: String, arguments: [any DatabaseValueConvertible],
                         as transform: (Row) throws -> T) throws -> T? {
        let statement = try cachedStatement(sql)
        try statement.bind(arguments)
        defer { statement.finish() }
        return try statement.step() ? transform(Row(statement: statement)) : nil
    }

    /// The first column of the first row, or nil when there is no row or it is NULL.
    public func scalar<T: DatabaseValueConvertible>(_ sql: String, _ arguments: any DatabaseValueConvertible...,
                                                   as type: T.Type = T.self) throws -> T? {
        let statement = try cachedStatement(sql)
        try statement.bind(arguments)
        defer { statement.finish() }
        guard try statement.step() else { return nil }
        return T.read(from: statement.handle, at: 0)
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes(handle)) }
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    func cachedStatement(_ sql: String) throws -> Statement {
        if let statement = statementCache[sql] { return statement }
        let statement = try Statement(database: self, sql: sql)
        statementCache[sql] = statement
        return statement
    }

    // MARK: Transactions

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    /// Nested calls become savepoints, so an inner failure undoes only the inner work.
    @discardableResult
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        if savepointDepth > 0 || sqlite3_get_autocommit(handle) == 0 {
            return try savepoint(body)
        }
        try execute("BEGIN IMMEDIATE")
        savepointDepth += 1
        do {
            let result = try body()
            savepointDepth -= 1
            try execute("COMMIT")
            return result
        } catch {
            savepointDepth -= 1
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` in a read transaction (BEGIN DEFERRED): every query in it sees one
    /// snapshot, and it takes no write lock, so readers never queue behind writers (WAL).
    @discardableResult
    public func readTransaction<T>(_ body: () throws -> T) throws -> T {
        if sqlite3_get_autocommit(handle) == 0 { return try body() }
        try execute("BEGIN DEFERRED")
        defer { try? execute("COMMIT") }
        return try body()
    }

    /// Runs `body` inside a savepoint: released on return, rolled back on throw.
    @discardableResult
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        savepointDepth += 1
        let name = "rrc_sp\(savepointDepth)"
        defer { savepointDepth -= 1 }
        try execute("SAVEPOINT \(name)")
        do {
            let result = try body()
            try execute("RELEASE \(name)")
            return result
        } catch {
            try? execute("ROLLBACK TO \(name)")
            try? execute("RELEASE \(name)")
            throw error
        }
    }

    /// True when a transaction is open on this connection.
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    // MARK: Checks

    /// `PRAGMA integrity_check`: an empty array means the file is sound.
    public func integrityProblems() throws -> [String] {
        let lines = try all("PRAGMA integrity_check") { row -> String in row[0] }
        return lines == ["ok"] ? [] : lines
    }

    /// `PRAGMA user_version`, where migrations record the schema version.
    public var userVersion: Int {
        get throws { try scalar("PRAGMA user_version") ?? 0 }
    }

    func setUserVersion(_ version: Int) throws {
        // PRAGMA takes no parameters; `version` is an Int, never user text.
        try execute("PRAGMA user_version = \(version)")
    }
}
