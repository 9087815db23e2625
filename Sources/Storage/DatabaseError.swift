// The one error type of the SQLite wrapper: SQLite's code and message, and the SQL that failed.
import CSQLite

public struct DatabaseError: Error, CustomStringConvertible, Equatable {
    /// SQLite's primary or extended result code.
    public let code: Int32
    /// SQLite's own message (`sqlite3_errmsg`), or the wrapper's when SQLite has none.
    public let message: String
    /// The statement that failed, when there was one.
    public let sql: String?

    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    init(code: Int32, connection: OpaquePointer?, sql: String? = nil) {
        let text = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(code))
        self.init(code: code, message: text, sql: sql)
    }

    /// True for UNIQUE, FOREIGN KEY, NOT NULL and CHECK violations.
    public var isConstraintViolation: Bool { code & 0xFF == SQLITE_CONSTRAINT }

    public var description: String {
        if let sql { return "SQLite error \(code): \(message) (in: \(sql))" }
        return "SQLite error \(code): \(message)"
    }
}
