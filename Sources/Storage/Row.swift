// One result row, read by column index or name with the type the caller asks for.
import CSQLite

/// A row of the statement being stepped. Valid only inside the closure it is passed to.
public struct Row {
    let statement: Statement

    /// The value of column `index`; SQL NULL reads as the type's zero (`""`, `0`, `false`)
    /// unless `T` is optional — SQLite's own coercion, so a bad row never traps.
    public subscript<T: DatabaseValueConvertible>(_ index: Int) -> T {
        if let value = T.read(from: statement.handle, at: Int32(index)) { return value }
        return T.valueForNull
    }

    /// The value of the column named `name` (as the query spells it).
    public subscript<T: DatabaseValueConvertible>(_ name: String) -> T {
        self[statement.columnIndex(of: name)]
    }

    /// True when column `index` holds SQL NULL.
    public func isNull(_ index: Int) -> Bool {
        sqlite3_column_type(statement.handle, Int32(index)) == SQLITE_NULL
    }

    public var columnCount: Int { Int(sqlite3_column_count(statement.handle)) }
}
