// A prepared statement: bind arguments, step rows, reset for reuse from the cache.
import CSQLite

public final class Statement {
    let handle: OpaquePointer
    public let sql: String
    unowned let database: Database
    private var columnIndexByName: [String: Int]?

    init(database: Database, sql: String) throws {
        var prepared: OpaquePointer?
        let code = sqlite3_prepare_v3(database.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &prepared, nil)
        guard code == SQLITE_OK, let prepared else {
            sqlite3_finalize(prepared)
            throw DatabaseError(code: code, connection: database.handle, sql: sql)
        }
        self.handle = prepared
        self.sql = sql
        self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    /// Clears earlier bindings and binds `arguments` to `?1…?n`.
    func bind(_ arguments: [any DatabaseValueConvertible]) throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard expected == arguments.count else {
            throw DatabaseError(code: SQLITE_RANGE,
                                message: "statement takes \(expected) argument(s), \(arguments.count) given", sql: sql)
        }
        for (offset, argument) in arguments.enumerated() {
            let code = argument.bind(to: handle, at: Int32(offset + 1))
            guard code == SQLITE_OK else { throw DatabaseError(code: code, connection: database.handle, sql: sql) }
        }
    }

    /// Steps once; true when a row is ready to read.
    func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            let error = DatabaseError(code: sqlite3_extended_errcode(database.handle) == 0 ? code : sqlite3_extended_errcode(database.handle),
                                      connection: database.handle, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Releases read locks and the bound text as soon as the caller is done.
    func finish() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    func columnIndex(of name: String) -> Int {
        if columnIndexByName == nil {
            var map: [String: Int] = [:]
            for index in 0..<Int(sqlite3_column_count(handle)) {
                map[String(cString: sqlite3_column_name(handle, Int32(index)))] = index
            }
            columnIndexByName = map
        }
        guard let index = columnIndexByName?[name] else {
            preconditionFailure("no column named \(name) in: \(sql)")
        }
        return index
    }
}
