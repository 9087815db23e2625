// The client's side of sync (SYNC.md): which ops go out next, what the server's answers do
// to the store, and pull pages applied together with their cursor in one transaction.
import Foundation
import Model
import Storage
import SyncProtocol

/// What the server's answers did, for the report and the status bar.
public struct AckSummary: Equatable, Sendable {
    public var applied = 0
    public var duplicates = 0
    public var conflicts = 0
    public var rejected = 0
}

public struct SyncCursor: Equatable, Sendable {
    public var epoch: String
    public var lastSeq: Int
    public init(epoch: String, lastSeq: Int) { self.epoch = epoch; self.lastSeq = lastSeq }
}

extension ClientStore {
    // MARK: Account

    /// After login: posts written here before it become the account's.
    public func setLocalAuthor(_ userID: String) throws {
        try database.transaction {
            let previous = try localAuthorID()
            try setDeviceValue("user_id", userID)
            try database.run("UPDATE posts SET author_id = ? WHERE author_id = ? AND pending = 1", userID, previous)
            try database.run("UPDATE threads SET author_id = ? WHERE author_id = ? AND pending = 1", userID, previous)
        }
    }

    // MARK: Push

    /// Ops waiting to go, oldest first (causal order), up to `maxBytes` of payload; ops left in
    /// `sending` by an interrupted push go again (the server answers `duplicate` if it has them).
    public func opsToSend(maxBytes: Int = 64 * 1024) throws -> [PushOp] {
        var ops: [PushOp] = []
        var bytes = 0
        try database.forEach("""
            SELECT op_id, kind, entity_id, base_version, hlc, payload FROM outbox
            WHERE state IN ('queued', 'sending') ORDER BY seq
            """) { row in
            let payload: String = row[5]
            guard ops.isEmpty || bytes + payload.utf8.count <= maxBytes else { return }
            bytes += payload.utf8.count + 200
            ops.append(PushOp(opID: row[0], kind: row[1], entityID: row[2], baseVersion: row[3], hlc: row[4],
                              payload: (try? JSONValue.parse(Data(payload.utf8), maxDepth: 64)) ?? .object([:])))
        }
        return ops
    }

    public func markSending(_ opIDs: [String]) throws {
        try database.transaction {
            for id in opIDs { try database.run("UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE op_id = ?", id) }
        }
    }

    /// Stores the server's answers: applied ops leave the outbox together with the record
    /// the server made of them; rejected ones stay, with the reason, for the user to decide.
    @discardableResult
    public func record(_ results: [OpResult]) throws -> AckSummary {
        var summary = AckSummary()
        try database.transaction {
            var search = SearchIndexBatch()
            var touched = Set<String>()
            for result in results {
                switch result.status {
                case .applied, .duplicate, .conflict:
                    if result.status == .conflict { summary.conflicts += 1 } else if result.status == .duplicate { summary.duplicates += 1 } else { summary.applied += 1 }
                    if result.status == .conflict, let record = result.record { try keepLosingSide(of: result, record: record) }
                    try database.run("DELETE FROM outbox WHERE op_id = ?", result.opID)
                    if let record = result.record { try apply(record, search: &search, touched: &touched) }
                case .rejected:
                    summary.rejected += 1
                    let reason = [result.message, result.code.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
                    try database.run("UPDATE outbox SET state = 'rejected', last_error = ? WHERE op_id = ?", reason, result.opID)
                }
            }
            try search.write(to: database)
            for thread in touched { try refreshThreadStatistics(thread) }
        }
        return summary
    }

    /// A concurrent edit the server decided against ours: keep ours where the author sees it.
    private func keepLosingSide(of result: OpResult, record: ChangeRecord) throws {
        if record.kind == "personal", let ours = try database.scalar("SELECT payload FROM outbox WHERE op_id = ?", result.opID, as: String.self) {
            // Last writer wins; the value that lost is kept, though nobody needs to decide on it.
            try database.run("""
                INSERT INTO conflicts (kind, entity_id, field, local_value, remote_value, remote_hlc, created_at, resolved)
                VALUES ('personal', ?, 'value', ?, ?, ?, ?, 1)
                """, record.data["key"]?.string ?? record.id, ours, try Self.jsonText(record.data["value"]), result.winner, Self.isoNow())
            return
        }
        guard record.kind == "post", let ours = try database.scalar("SELECT payload FROM outbox WHERE op_id = ?", result.opID, as: String.self),
              let body = (try? JSONValue.parse(Data(ours.utf8)))?["body"]?.string, body != record.data["body"]?.string else { return }
        try database.run("""
            INSERT INTO conflicts (kind, entity_id, field, local_value, remote_value, local_hlc, remote_hlc, created_at)
            VALUES ('post', ?, 'body', ?, ?, NULL, ?, ?)
            """, record.id, body, record.data["body"]?.string, result.winner, Self.isoNow())
    }

    // MARK: Pull

    public func cursor(scope: String) throws -> SyncCursor? {
        try database.first("SELECT epoch, last_seq FROM sync_cursors WHERE scope = ?", scope) { SyncCursor(epoch: $0[0], lastSeq: $0[1]) }
    }

    /// Applies a pull page and moves the cursor, in one transaction: a dropped link costs one page.
    public func apply(_ page: PullResponse, scope: String) throws {
        try database.transaction {
            var search = SearchIndexBatch()
            var touched = Set<String>()
            for change in page.changes { try apply(change, search: &search, touched: &touched) }
            try applyWaitingRecords(search: &search, touched: &touched)
            try search.write(to: database)
            for thread in touched { try refreshThreadStatistics(thread) }
            try database.run("""
                INSERT INTO sync_cursors (scope, epoch, last_seq, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(scope) DO UPDATE SET epoch = excluded.epoch, last_seq = excluded.last_seq, updated_at = excluded.updated_at
                """, scope, page.epoch, page.next, Self.isoNow())
        }
    }

    /// The server was restored from a backup: pull everything again and re-send every op it
    /// has not acknowledged (op ids make re-sending safe).
    public func startOver(scope: String) throws {
        try database.transaction {
            try database.run("DELETE FROM sync_cursors WHERE scope = ?", scope)
            try database.run("UPDATE outbox SET state = 'queued' WHERE state = 'sending'")
        }
    }

    static func jsonText(_ value: JSONValue?) throws -> String? {
        guard let value else { return nil }
        return String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    /// Whether an op of ours still waits on this record (then our text stays on screen).
    private func hasWaitingOp(for id: String) throws -> Bool {
        try database.scalar("SELECT 1 FROM outbox WHERE entity_id = ? AND state <> 'applied' LIMIT 1", id, as: Int.self) != nil
    }

    func apply(_ change: ChangeRecord, search: inout SearchIndexBatch, touched: inout Set<String>) throws {
        let data = change.data.jsonData
        let decoder = JSONDecoder()
        switch change.kind {
        case "person":
            if !change.deleted { try upsert(try decoder.decode(Person.self, from: data)) }
        case "forum":
            if !change.deleted { try upsert(try decoder.decode(Forum.self, from: data)) }
        case "thread":
            let thread = try decoder.decode(ThreadRecord.self, from: data)
            if change.deleted || thread.hidden {
                if try !exists("threads", change.id), try exists("forums", thread.forumID) {
                    // Hidden before this device ever saw it: keep it (hidden) so the posts that may
                    // follow have their thread, and an unhide later brings it all back.
                    try upsert(ForumThread(id: thread.id, forumID: thread.forumID, language: Language(code: thread.language) ?? .english,
                                           title: thread.title, authorID: thread.authorID, body: thread.body, created: thread.createdAt,
                                           locked: thread.locked), search: &search)
                }
                try hide("threads", .thread, id: change.id, search: &search)
            } else if try !hasWaitingOp(for: change.id) {
                try upsert(ForumThread(id: thread.id, forumID: thread.forumID, language: Language(code: thread.language) ?? .english,
                                       title: thread.title, authorID: thread.authorID, body: thread.body, created: thread.createdAt,
                                       locked: thread.locked), search: &search)
                try database.run("UPDATE threads SET pending = 0, hidden = 0, server_version = ? WHERE id = ?", change.version, change.id)
            } else {
                try database.run("UPDATE threads SET locked = ?, server_version = ? WHERE id = ?", thread.locked, change.version, change.id)
            }
            touched.insert(change.id)
        case "post":
            let post = try decoder.decode(PostRecord.self, from: data)
            // Its thread has not reached this device yet (hidden before it was seen, or out of
            // scope): keep the post aside until it does; it must not stop the page either.
            guard try exists("threads", post.threadID) else {
                try database.run("""
                    INSERT INTO waiting_records (kind, id, thread_id, change) VALUES ('post', ?, ?, ?)
                    ON CONFLICT(kind, id) DO UPDATE SET thread_id = excluded.thread_id, change = excluded.change
                    """, change.id, post.threadID, String(decoding: try JSONEncoder().encode(change), as: UTF8.self))
                return
            }
            if change.deleted || post.hidden {
                try hide("posts", .post, id: change.id, search: &search)
                if change.deleted {
                    // Deleted by its author: the text leaves this cache too, not just the lists.
                    try database.run("UPDATE posts SET body = '', server_version = ? WHERE id = ?", change.version, change.id)
                    try database.run("DELETE FROM post_revisions WHERE post_id = ?", change.id)
                }
            } else if try !hasWaitingOp(for: change.id) {
                try upsert(Post(id: post.id, threadID: post.threadID, replyTo: post.replyTo, language: Language(code: post.language) ?? .english,
                                authorID: post.authorID, body: post.body, created: post.createdAt, hidden: false), search: &search)
                try database.run("UPDATE posts SET pending = 0, server_version = ?, revision = ?, edited_at = ? WHERE id = ?",
                                 change.version, post.revision, post.editedAt, change.id)
            } else {
                try database.run("UPDATE posts SET server_version = ? WHERE id = ?", change.version, change.id)
            }
            touched.insert(post.threadID)
        case "resource":
            if !change.deleted { try upsert(try decoder.decode(Resource.self, from: data), search: &search) }
        case "guide":
            if !change.deleted { try upsert(try decoder.decode(Guide.self, from: data), search: &search) }
        case "personal":
            try apply(personal: try decoder.decode(PersonalRecord.self, from: data))
        default:
            break  // kinds this version does not know are skipped, not fatal
        }
    }

    /// Posts that were waiting for a thread that is now here.
    private func applyWaitingRecords(search: inout SearchIndexBatch, touched: inout Set<String>) throws {
        let ready: [(String, String)] = try database.all("""
            SELECT w.id, w.change FROM waiting_records w WHERE EXISTS (SELECT 1 FROM threads t WHERE t.id = w.thread_id)
            """) { ($0[0], $0[1]) }
        for (id, text) in ready {
            try database.run("DELETE FROM waiting_records WHERE kind = 'post' AND id = ?", id)
            try apply(try JSONDecoder().decode(ChangeRecord.self, from: Data(text.utf8)), search: &search, touched: &touched)
        }
    }

    /// A hidden or deleted post or thread leaves every list and the search index.
    private func hide(_ table: StaticString, _ kind: SearchIndexKind, id: String, search: inout SearchIndexBatch) throws {
        let rowid = try database.scalar("UPDATE \(table) SET hidden = 1 WHERE id = ? RETURNING rowid", id, as: Int64.self)
        search.remove(kind, rowid: rowid)
    }
}

extension ClientStore {
    /// When the last pull page was stored (ISO 8601), or nil before the first sync.
    public func lastSyncTime() throws -> String? {
        try database.scalar("SELECT max(updated_at) FROM sync_cursors", as: String.self)
    }

    /// Concurrent edits whose other side the author has not looked at yet.
    public func openConflictCount() throws -> Int {
        try database.scalar("SELECT count(*) FROM conflicts WHERE resolved = 0") ?? 0
    }
}

/// A post edited on two devices: the text the server kept and this device's, for the author.
public struct ConflictView: Equatable, Sendable {
    public var id: Int
    public var postID: String
    public var threadTitle: String
    public var mine: String
    public var kept: String
}

extension ClientStore {
    public func openConflicts() throws -> [ConflictView] {
        try database.all("""
            SELECT c.id, c.entity_id, coalesce(t.title, ''), coalesce(c.local_value, ''), coalesce(c.remote_value, '')
            FROM conflicts c LEFT JOIN posts p ON p.id = c.entity_id LEFT JOIN threads t ON t.id = p.thread_id
            WHERE c.resolved = 0 AND c.kind = 'post' ORDER BY c.id
            """) { ConflictView(id: $0[0], postID: $0[1], threadTitle: $0[2], mine: $0[3], kept: $0[4]) }
    }

    /// The author chose: keep the server's text (`useMine` false), or take theirs up again as
    /// a draft edit of the post (queued like any edit when they press C-x).
    public func resolveConflict(_ id: Int, useMine: Bool) throws {
        try database.transaction {
            guard let conflict = try openConflicts().first(where: { $0.id == id }) else { throw WriteError.notFound }
            if useMine { try save(Draft(target: .edit(post: conflict.postID), body: conflict.mine)) }
            try database.run("UPDATE conflicts SET resolved = 1 WHERE id = ?", id)
        }
    }
}

extension ClientStore {
    /// Attachments with a known hash and size, one per file, in library order (for the budget).
    public func attachmentFiles() throws -> [(sha256: String, size: Int)] {
        try database.all("""
            SELECT a.sha256, max(a.size) FROM attachments a JOIN resources r ON r.id = a.resource_id
            WHERE a.sha256 IS NOT NULL AND a.size IS NOT NULL
              AND length(a.sha256) = 64 AND a.sha256 NOT GLOB '*[^0-9a-f]*'  -- a digest, never a path
            GROUP BY a.sha256 ORDER BY min(r.sort_title), a.sha256
            """) { (sha256: $0[0] as String, size: $0[1] as Int) }
    }
}
