// Typed binding and reading of Swift values to and from SQLite columns.
import CSQLite
import Foundation

/// SQLite copies bound text and blobs at once (`SQLITE_TRANSIENT`), so Swift buffers
/// need not outlive the bind call. The C macro is a cast Swift cannot import.
let transientDestructor = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// Empty text has no buffer; SQLite needs a non-null pointer to store '' rather than NULL.
nonisolated(unsafe) let emptyCString: UnsafePointer<CChar> = {
    let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: 1)
    pointer.initialize(to: 0)
    return UnsafePointer(pointer)
}()

/// A Swift type that can be bound as an SQL parameter and read back from a column.
public protocol DatabaseValueConvertible {
    /// Binds the value to parameter `index` (1-based) of `statement`.
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32
    /// Reads column `index` (0-based) of the current row; nil for SQL NULL.
    static func read(from statement: OpaquePointer, at index: Int32) -> Self?
    /// What SQL NULL reads as when the caller asked for this (non-optional) type:
    /// SQLite's own coercion (`""`, `0`), so a surprising row never traps.
    static var valueForNull: Self { get }
}

extension String: DatabaseValueConvertible {
    public static var valueForNull: String { "" }
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        var copy = self
        return copy.withUTF8 { bytes -> Int32 in
            // Bound by length, so text with an embedded NUL is stored whole.
            bytes.withMemoryRebound(to: CChar.self) { chars in
                sqlite3_bind_text(statement, index, chars.baseAddress ?? emptyCString, Int32(chars.count), transientDestructor)
            }
        }
    }
    public static func read(from statement: OpaquePointer, at index: Int32) -> String? {
        guard sqlite3_column_type(statement, index) != SQLITE_NULL,
              let text = sqlite3_column_text(statement, index) else { return nil }
        let count = Int(sqlite3_column_bytes(statement, index))
        // Decoding with repair never fails; stored text is kept byte for byte when it is valid UTF-8.
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }
}

extension Int64: DatabaseValueConvertible {
    public static var valueForNull: Int64 { 0 }
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_int64(statement, index, self)
    }
    public static func read(from statement: OpaquePointer, at index: Int32) -> Int64? {
        sqlite3_column_type(statement, index) == SQLITE_NULL ? nil : sqlite3_column_int64(statement, index)
    }
}

extension Int: DatabaseValueConvertible {
    public static var valueForNull: Int { 0 }
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_int64(statement, index, Int64(self))
    }
    public static func read(from statement: OpaquePointer, at index: Int32) -> Int? {
        Int64.read(from: statement, at: index).map(Int.init)
    }
}

extension Bool: DatabaseValueConvertible {
    public static var valueForNull: Bool { false }
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_int64(statement, index, self ? 1 : 0)
    }
    public static func read(from statement: OpaquePointer, at index: Int32) -> Bool? {
        Int64.read(from: statement, at: index).map { $0 != 0 }
    }
}

extension Double: DatabaseValueConvertible {
    public static var valueForNull: Double { 0 }
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_double(statement, index, self)
    }
    public static func read(from statement: OpaquePointer, at index: Int32) -> Double? {
        sqlite3_column_type(statement, index) == SQLITE_NULL ? nil : sqlite3_column_double(statement, index)
    }
}

extension Data: DatabaseValueConvertible {
    public static var valueForNull: Data { Data() }
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        withUnsafeBytes { bytes in
            sqlite3_bind_blob(statement, index, bytes.baseAddress, Int32(bytes.count), transientDestructor)
        }
    }
    public static func read(from statement: OpaquePointer, at index: Int32) -> Data? {
        guard sqlite3_column_type(statement, index) != SQLITE_NULL else { return nil }
        let count = Int(sqlite3_column_bytes(statement, index))
        guard count > 0, let bytes = sqlite3_column_blob(statement, index) else { return Data() }
        return Data(bytes: bytes, count: count)
    }
}

extension Optional: DatabaseValueConvertible where Wrapped: DatabaseValueConvertible {
    public static var valueForNull: Wrapped? { nil }
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        switch self {
        case .some(let value): return value.bind(to: statement, at: index)
        case .none: return sqlite3_bind_null(statement, index)
        }
    }
    public static func read(from statement: OpaquePointer, at index: Int32) -> Wrapped?? {
        .some(Wrapped.read(from: statement, at: index))
    }
}

/// Writes SQL NULL; for `[DatabaseValueConvertible]` argument lists.
public struct Null: DatabaseValueConvertible {
    public static var valueForNull: Null { Null() }
    public init() {}
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_null(statement, index)
    }
    public static func read(from statement: OpaquePointer, at index: Int32) -> Null? { Null() }
}
