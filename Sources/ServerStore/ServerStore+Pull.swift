// Pull: the change log after a cursor, in pages, filtered by scope; personal records go
// only to their owner, and hidden posts travel without their text.
import Foundation
import Storage
import SyncProtocol

/// A change as stored: its record data is JSON text, passed on without re-encoding.
public struct RawChange: Equatable, Sendable {
    public var seq: Int
    public var kind: String
    public var id: String
    public var version: Int
    public var deleted: Bool
    public var data: String

    public init(seq: Int, kind: String, id: String, version: Int, deleted: Bool, data: String) {
        self.seq = seq; self.kind = kind; self.id = id; self.version = version; self.deleted = deleted; self.data = data
    }
}

/// One page of the change log, ready to be written as the pull response.
public struct PullPage: Equatable, Sendable {
    public var epoch: String
    public var changes: [RawChange]
    public var next: Int
    public var more: Bool

    public init(epoch: String, changes: [RawChange], next: Int, more: Bool) {
        self.epoch = epoch; self.changes = changes; self.next = next; self.more = more
    }

    /// The response body: the same JSON `PullResponse` encodes to (keys sorted). Built as
    /// bytes in one buffer sized up front: growing a String piece by piece was a visible
    /// part of the server's CPU under load.
    public func json() -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(changes.reduce(128) { $0 + $1.data.utf8.count + $1.id.utf8.count + 96 })
        func append(_ text: String) { bytes.append(contentsOf: text.utf8) }
        append("{\"changes\":[")
        for (index, change) in changes.enumerated() {
            if index > 0 { append(",") }
            append("{\"data\":")
            append(change.data)
            append(change.deleted ? ",\"deleted\":true,\"id\":" : ",\"deleted\":false,\"id\":")
            append(JSONText.quote(change.id))
            append(",\"kind\":")
            append(JSONText.quote(change.kind))
            append(",\"seq\":")
            append(String(change.seq))
            append(",\"version\":")
            append(String(change.version))
            append("}")
        }
        append("],\"epoch\":")
        append(JSONText.quote(epoch))
        append(more ? ",\"more\":true,\"next\":" : ",\"more\":false,\"next\":")
        append(String(next))
        append("}")
        return Data(bytes)
    }

    public func decoded() throws -> PullResponse {
        try JSONDecoder().decode(PullResponse.self, from: json())
    }
}

extension ServerStore {
    public static let maximumPageSize = 1000
    /// Bytes of record data per page before it is cut (≈ 64 KiB once gzipped on a slow link).
    public static let pageByteBudget = 256 * 1024

    /// Whether a record's stored JSON says it is hidden. A plain byte scan: Foundation's
    /// `String.contains` goes through NSString and took a quarter of the server's CPU under
    /// load, and the generic `firstRange(of:)` over a UTF-8 view was slower still.
    static func isHidden(_ data: inout String) -> Bool {
        data.withUTF8 { bytes in
            let flag = hiddenFlag
            guard bytes.count >= flag.count else { return false }
            var start = 0
            while start <= bytes.count - flag.count {
                var matched = 0
                while matched < flag.count && bytes[start + matched] == flag[matched] { matched += 1 }
                if matched == flag.count { return true }
                start += 1
            }
            return false
        }
    }

    static let hiddenFlag = Array("\"hidden\":true".utf8)

    public func pull(since: Int, limit: Int, scope: PullScope, user: ServerUser) throws -> PullPage {
        let limit = max(1, min(limit, Self.maximumPageSize))
        var changes: [RawChange] = []
        var bytes = 0
        var last = since
        var more = false
        var end = 0, epoch = ""
        // One snapshot: the page, the end of the log and the epoch agree.
        try database.readTransaction {
            try database.forEach("""
                SELECT seq, kind, id, version, deleted, data FROM records
                WHERE seq > ?1 AND (private = 0 OR owner = ?2)
                  AND (?3 IS NULL OR language IS NULL OR instr(?3, ',' || language || ',') > 0)
                  AND (?4 IS NULL OR forum_id IS NULL OR instr(?4, ',' || forum_id || ',') > 0)
                ORDER BY seq LIMIT ?5
                """, arguments: [since, user.id, PullScope.list(scope.languages), PullScope.list(scope.forums), limit + 1]) { row in
                guard changes.count < limit, bytes < Self.pageByteBudget else { more = true; return }
                var data: String = row[5]
                bytes += data.utf8.count
                let kind: String = row[1]
                if kind == "post" || kind == "thread", !user.canModerate, Self.isHidden(&data) {
                    data = try Self.encode(Self.withoutText(try JSONValue.parse(Data(data.utf8), maxDepth: 64)))
                }
                changes.append(RawChange(seq: row[0], kind: kind, id: row[2], version: row[3], deleted: row[4], data: data))
                last = row[0]
            }
            end = try lastSeq()
            epoch = try self.epoch()
        }
        // Nothing (more) in scope: jump the cursor to the end, so the next pull starts there.
        let next = more ? last : max(last, end)
        return PullPage(epoch: epoch, changes: changes, next: next, more: more)
    }

    /// A hidden post or thread as non-moderators receive it: the fact, not the words.
    static func withoutText(_ data: JSONValue) -> JSONValue {
        guard case .object(var object) = data else { return data }
        object["body"] = .string("")
        if object["title"] != nil { object["title"] = .string("") }
        object["other_revisions"] = nil
        return .object(object)
    }
}
