// The server's store: one SQLite file (WAL) with accounts, sessions, every record in its
// latest state ordered by server_seq (the change log), applied op ids and attachment files.
// One connection per thread; writers are serialised by `writeLock` and BEGIN IMMEDIATE.
import Foundation
import Model
import Storage
import SyncProtocol

public final class ServerStore {
    public let database: Database
    /// Where attachment files live: `<database>-files/<sha256>`.
    public let filesFolder: URL
    /// Shared by every connection to one file, so writers queue here instead of spinning on SQLITE_BUSY.
    let writeLock: NSLock

    public init(path: String, writeLock: NSLock = NSLock()) throws {
        database = try Database(path: path)
        filesFolder = URL(fileURLWithPath: path + "-files", isDirectory: true)
        self.writeLock = writeLock
        try database.migrate(ServerSchema.migrations)
        if try meta("epoch") == nil {
            try write { try setMeta("epoch", Secrets.randomID()) }
        }
    }

    public static var schemaVersion: Int { ServerSchema.migrations.map(\.version).max() ?? 0 }

    /// Runs `body` in a write transaction, one writer at a time.
    func write<T>(_ body: () throws -> T) throws -> T {
        writeLock.lock()
        defer { writeLock.unlock() }
        return try database.transaction(body)
    }

    func meta(_ key: String) throws -> String? {
        try database.scalar("SELECT value FROM meta WHERE key = ?", key, as: String.self)
    }

    func setMeta(_ key: String, _ value: String) throws {
        try database.run("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                         key, value)
    }

    /// Changes when a backup is restored (see `backup`): clients then re-snapshot.
    public func epoch() throws -> String { try meta("epoch") ?? "" }

    /// The newest server_seq.
    public func lastSeq() throws -> Int { Int(try meta("last_seq") ?? "0") ?? 0 }

    /// The next server_seq; call inside a write transaction.
    func nextSeq() throws -> Int {
        let seq = try lastSeq() + 1
        try setMeta("last_seq", String(seq))
        return seq
    }

    static func isoNow(_ date: Date = Date()) -> String {
        UTCTimestamp.string(date)
    }

    // MARK: Records

    struct Placement {
        var language: String?
        var forumID: String?
        var owner: String?
        var isPrivate = false
        var hlc = ""
    }

    /// Writes a record's new state with a new seq and version; returns what the log now says.
    @discardableResult
    func put<T: Encodable>(_ kind: String, id: String, data: T, deleted: Bool = false, placement: Placement) throws -> ChangeRecord {
        let seq = try nextSeq()
        let version = (try database.scalar("SELECT version FROM records WHERE kind = ? AND id = ?", kind, id, as: Int.self) ?? 0) + 1
        let json = try Self.encode(data)
        try database.run("""
            INSERT INTO records (kind, id, version, deleted, seq, data, language, forum_id, owner, private, hlc)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(kind, id) DO UPDATE SET version = excluded.version, deleted = excluded.deleted, seq = excluded.seq,
                data = excluded.data, language = excluded.language, forum_id = excluded.forum_id, owner = excluded.owner,
                private = excluded.private, hlc = excluded.hlc
            """, arguments: [kind, id, version, deleted, seq, json, placement.language, placement.forumID, placement.owner,
                             placement.isPrivate, placement.hlc])
        return ChangeRecord(seq: seq, kind: kind, id: id, version: version, deleted: deleted,
                            data: try JSONValue.parse(Data(json.utf8), maxDepth: 64))
    }

    /// A record's current data decoded as `T`, with its version; nil when absent or deleted.
    func record<T: Decodable>(_ kind: String, id: String, as type: T.Type) throws -> (value: T, version: Int, hlc: String)? {
        guard let row = try database.first("SELECT data, version, hlc FROM records WHERE kind = ? AND id = ? AND deleted = 0",
                                           kind, id, as: { (data: $0[0] as String, version: $0[1] as Int, hlc: $0[2] as String) })
        else { return nil }
        return (try JSONDecoder().decode(T.self, from: Data(row.data.utf8)), row.version, row.hlc)
    }

    /// The log's record of a deleted record, or nil when it was never deleted.
    func tombstone(_ kind: String, id: String) throws -> ChangeRecord? {
        try database.first("SELECT seq, version, data FROM records WHERE kind = ? AND id = ? AND deleted = 1", kind, id) { row in
            ChangeRecord(seq: row[0], kind: kind, id: id, version: row[1], deleted: true,
                         data: try JSONValue.parse(Data((row[2] as String).utf8), maxDepth: 64))
        }
    }

    func exists(_ kind: String, id: String) throws -> Bool {
        try database.scalar("SELECT 1 FROM records WHERE kind = ? AND id = ?", kind, id, as: Int.self) != nil
    }

    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Copies the database, online, to `destination`, and gives the copy a new epoch: a
    /// server restored from it must tell clients to re-snapshot.
    public func backup(to destination: String) throws {
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw DatabaseError(code: 0, message: "\(destination) exists; choose a new file")
        }
        // SQLite fills an empty file it is given; creating it first makes the copy 0600 like
        // the store, since it holds the password and session hashes too.
        guard FileManager.default.createFile(atPath: destination, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw DatabaseError(code: 0, message: "cannot create \(destination); does its folder exist and may rrcd write there?")
        }
        do {
            try database.run("VACUUM INTO ?", destination)
        } catch {
            try? FileManager.default.removeItem(atPath: destination)
            throw error
        }
        let copy = try ServerStore(path: destination)
        try copy.write { try copy.setMeta("epoch", Secrets.randomID()) }
    }

    /// The record counts by kind, for `health` and the command line.
    public func recordCounts() throws -> [String: Int] {
        Dictionary(uniqueKeysWithValues: try database.all("SELECT kind, count(*) FROM records WHERE deleted = 0 GROUP BY kind") {
            ($0[0] as String, $0[1] as Int)
        })
    }
}
