// Schema migrations keyed by `PRAGMA user_version`, each applied in its own transaction.
import CSQLite

/// One step of a schema's history. Versions start at 1 and never change once shipped.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    public let apply: @Sendable (Database) throws -> Void

    public init(version: Int, name: String, apply: @escaping @Sendable (Database) throws -> Void) {
        self.version = version
        self.name = name
        self.apply = apply
    }

    /// A migration that is plain SQL.
    public init(version: Int, name: String, sql: String) {
        self.init(version: version, name: name) { try $0.execute(sql) }
    }
}

extension Database {
    /// Brings the schema up to the last of `migrations`. Each step and its version number
    /// commit together, so a crash leaves the file at a whole version. A file written by a
    /// newer program is refused rather than guessed at.
    public func migrate(_ migrations: [Migration]) throws {
        let ordered = migrations.sorted { $0.version < $1.version }
        let latest = ordered.last?.version ?? 0
        let current = try userVersion
        if current > latest {
            throw DatabaseError(code: SQLITE_ERROR,
                                message: "database \(path) has schema version \(current), newer than this program knows (\(latest)); update the program")
        }
        for migration in ordered where migration.version > current {
            try transaction {
                try migration.apply(self)
                try setUserVersion(migration.version)
            }
        }
    }
}
