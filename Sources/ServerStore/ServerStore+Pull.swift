// Pull: the change log after a cursor, in pages, filtered by scope; personal records go
// only to their owner, and hidden posts travel without their text.
import Foundation
import Storage
import SyncProtocol

extension ServerStore {
    public static let maximumPageSize = 1000
    /// Bytes of record data per page before it is cut (≈ 64 KiB once gzipped on a slow link).
    public static let pageByteBudget = 256 * 1024

    public func pull(since: Int, limit: Int, scope: PullScope, user: ServerUser) throws -> PullResponse {
        let limit = max(1, min(limit, Self.maximumPageSize))
        var changes: [ChangeRecord] = []
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
                let text: String = row[5]
                bytes += text.utf8.count
                var data = try JSONValue.parse(Data(text.utf8), maxDepth: 64)
                let kind: String = row[1]
                if (kind == "post" || kind == "thread"), data["hidden"]?.bool == true, !user.canModerate {
                    data = Self.withoutText(data)
                }
                changes.append(ChangeRecord(seq: row[0], kind: kind, id: row[2], version: row[3], deleted: row[4], data: data))
                last = row[0]
            }
            end = try lastSeq()
            epoch = try self.epoch()
        }
        // Nothing (more) in scope: jump the cursor to the end, so the next pull starts there.
        let next = more ? last : max(last, end)
        return PullResponse(epoch: epoch, changes: changes, next: next, more: more)
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
