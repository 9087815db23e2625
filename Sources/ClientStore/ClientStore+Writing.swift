// Writing offline: drafts saved as the author types, and queuing — the post or thread and
// its outbox op written in ONE transaction (SYNC.md "Outbox"), so neither exists without
// the other whatever happens to the process.
import Foundation
import Model
import Storage

extension ClientStore {
    // MARK: Drafts

    public func draft(for target: DraftTarget) throws -> Draft? {
        try database.first("SELECT title, body, updated_at FROM drafts WHERE key = ?", target.key) { row in
            Draft(target: target, title: row[0], body: row[1], updated: row[2])
        }
    }

    /// Saves (or, when empty, forgets) the draft.
    public func save(_ draft: Draft) throws {
        if draft.title.isEmpty && draft.body.isEmpty {
            try deleteDraft(for: draft.target)
            return
        }
        var forum: String?, thread: String?, replyTo: String?, post: String?, op: String?
        switch draft.target {
        case .newThread(let id): forum = id
        case .reply(let id, let answered): thread = id; replyTo = answered
        case .edit(let id): post = id
        case .queued(let id): op = id
        }
        try database.run("""
            INSERT INTO drafts (key, kind, forum_id, thread_id, reply_to, post_id, op_id, title, body, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(key) DO UPDATE SET title = excluded.title, body = excluded.body, updated_at = excluded.updated_at
            """, arguments: [draft.target.key, draft.target.kind, forum, thread, replyTo, post, op,
                             draft.title, draft.body, Self.isoNow()])
    }

    public func deleteDraft(for target: DraftTarget) throws {
        try database.run("DELETE FROM drafts WHERE key = ?", target.key)
    }

    /// Every saved draft, newest first.
    public func drafts() throws -> [Draft] {
        try database.all("""
            SELECT kind, forum_id, thread_id, reply_to, post_id, op_id, title, body, updated_at
            FROM drafts ORDER BY updated_at DESC, key
            """) { row -> Draft? in
            let target: DraftTarget? = switch row[0] as String {
            case "thread": (row[1] as String?).map { .newThread(forum: $0) }
            case "reply": (row[2] as String?).map { .reply(thread: $0, replyTo: row[3]) }
            case "edit": (row[4] as String?).map { .edit(post: $0) }
            default: (row[5] as String?).map { .queued(op: $0) }
            }
            return target.map { Draft(target: $0, title: row[6], body: row[7], updated: row[8]) }
        }.compactMap { $0 }
    }

    /// The text an edit starts from: the draft if there is one, else what is stored now.
    public func startingText(for target: DraftTarget) throws -> Draft {
        if let saved = try draft(for: target) { return saved }
        switch target {
        case .newThread, .reply:
            return Draft(target: target)
        case .edit(let id):
            guard let post = try post(id: id) else { throw WriteError.notFound }
            return Draft(target: target, body: post.body)
        case .queued(let id):
            guard let entry = try outboxEntry(op: id) else { throw WriteError.notFound }
            return Draft(target: target, title: entry.title, body: entry.body)
        }
    }

    // MARK: Queuing

    /// Queues the draft: writes the thread or post, its outbox op and drops the draft, at once.
    @discardableResult
    public func queue(_ draft: Draft, now: Date = Date()) throws -> QueuedWrite {
        let title = draft.title.trimmingCharacters(in: .whitespacesAndNewlines)
        let body = draft.body.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty else { throw WriteError.emptyText }
        return try database.transaction {
            let result: QueuedWrite
            switch draft.target {
            case .newThread(let forum):
                result = try queueThread(forum: forum, title: title, body: body, now: now)
            case .reply(let thread, let replyTo):
                result = try queueReply(thread: thread, replyTo: replyTo, body: body, now: now)
            case .edit(let post):
                result = try queueEdit(post: post, body: body, now: now)
            case .queued(let op):
                result = try rewriteQueued(op: op, title: title, body: body)
            }
            try deleteDraft(for: draft.target)
            return result
        }
    }

    private func queueThread(forum: String, title: String, body: String, now: Date) throws -> QueuedWrite {
        guard !title.isEmpty else { throw WriteError.missingTitle }
        guard let language = try database.scalar("SELECT language FROM forums WHERE id = ?", forum, as: String.self)
        else { throw WriteError.notFound }
        let id = RecordID.make(milliseconds: Int64(now.timeIntervalSince1970 * 1000))
        let created = Self.isoNow(now)
        let author = try localAuthorID()
        let rowid: Int64? = try database.scalar("""
            INSERT INTO threads (id, forum_id, language, title, author_id, body, created_at, last_activity_at, pending)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING rowid
            """, id, forum, language, title, author, body, created, created)
        let payload = OutboxPayload(id: id, forumID: forum, threadID: nil, replyTo: nil, title: title, body: body,
                                    language: language, created: created, revision: nil)
        let op = try appendOp(.threadCreate, entity: id, baseVersion: nil, payload: payload, now: now)
        try index(.thread, rowid: rowid, id: id, language: language, title: title, body: body)
        return QueuedWrite(opID: op, entityID: id, threadID: id)
    }

    private func queueReply(thread: String, replyTo: String?, body: String, now: Date) throws -> QueuedWrite {
        guard let row = try database.first("SELECT language, locked FROM threads WHERE id = ? AND hidden = 0", thread,
                                           as: { (language: $0[0] as String, locked: $0[1] as Bool) })
        else { throw WriteError.notFound }
        guard !row.locked else { throw WriteError.threadLocked }
        let id = RecordID.make(milliseconds: Int64(now.timeIntervalSince1970 * 1000))
        let created = Self.isoNow(now)
        let rowid: Int64? = try database.scalar("""
            INSERT INTO posts (id, thread_id, reply_to, language, author_id, body, created_at, pending)
            VALUES (?, ?, ?, ?, ?, ?, ?, 1) RETURNING rowid
            """, id, thread, replyTo, row.language, try localAuthorID(), body, created)
        try database.run("""
            UPDATE threads SET post_count = post_count + 1, last_activity_at = max(last_activity_at, ?) WHERE id = ?
            """, created, thread)
        let payload = OutboxPayload(id: id, forumID: nil, threadID: thread, replyTo: replyTo, title: nil, body: body,
                                    language: row.language, created: created, revision: nil)
        let op = try appendOp(.postCreate, entity: id, baseVersion: nil, payload: payload, now: now)
        try index(.post, rowid: rowid, id: id, language: row.language, title: "", body: body)
        return QueuedWrite(opID: op, entityID: id, threadID: thread)
    }

    private func queueEdit(post id: String, body: String, now: Date) throws -> QueuedWrite {
        guard let post = try database.first("""
            SELECT thread_id, author_id, revision, server_version, body, rowid, language FROM posts WHERE id = ? AND hidden = 0
            """, id, as: { (thread: $0[0] as String, author: $0[1] as String, revision: $0[2] as Int,
                             version: $0[3] as Int, body: $0[4] as String, rowid: $0[5] as Int64, language: $0[6] as String) })
        else { throw WriteError.notFound }
        let me = try localAuthorID()
        guard post.author == me else { throw WriteError.notYourPost }
        // Still waiting to go out: the op that carries it simply carries the new text.
        if let waiting = try database.scalar("""
            SELECT op_id FROM outbox WHERE entity_id = ? AND kind IN ('post.create', 'post.edit') AND state = 'queued'
            ORDER BY seq DESC LIMIT 1
            """, id, as: String.self) {
            return try rewriteQueued(op: waiting, title: "", body: body)
        }
        let stamp = try nextStamp(now: now)
        let edited = Self.isoNow(now)
        let device = try deviceID()
        // Keep the text being replaced as a revision, so a discarded edit can restore it.
        try database.run("""
            INSERT OR IGNORE INTO post_revisions (post_id, revision, body, hlc, device_id, edited_at) VALUES (?, ?, ?, ?, ?, ?)
            """, id, post.revision, post.body, "", "", edited)
        try database.run("""
            INSERT INTO post_revisions (post_id, revision, body, hlc, device_id, edited_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT DO UPDATE SET body = excluded.body, hlc = excluded.hlc, edited_at = excluded.edited_at
            """, id, post.revision + 1, body, stamp.description, device, edited)
        try database.run("UPDATE posts SET body = ?, revision = ?, edited_at = ?, pending = 1 WHERE id = ?",
                         body, post.revision + 1, edited, id)
        let payload = OutboxPayload(id: id, forumID: nil, threadID: post.thread, replyTo: nil, title: nil, body: body,
                                    language: post.language, created: edited, revision: post.revision + 1)
        let op = try appendOp(.postEdit, entity: id, baseVersion: post.version, payload: payload, now: now)
        try index(.post, rowid: post.rowid, id: id, language: post.language, title: "", body: body)
        return QueuedWrite(opID: op, entityID: id, threadID: post.thread)
    }

    /// New text for an op not yet applied: the op and the record it made both change.
    private func rewriteQueued(op: String, title: String, body: String) throws -> QueuedWrite {
        guard let entry = try outboxEntry(op: op) else { throw WriteError.notFound }
        guard entry.state != .applied, entry.state != .sending else { throw WriteError.alreadySent }
        guard entry.kind != .postDelete else { throw WriteError.deletionHasNoText }
        var payload = try decodePayload(op: op)
        payload.body = body
        switch entry.kind {
        case .threadCreate:
            guard !title.isEmpty else { throw WriteError.missingTitle }
            payload.title = title
            let rowid: Int64? = try database.scalar("UPDATE threads SET title = ?, body = ? WHERE id = ? RETURNING rowid",
                                                    title, body, entry.entityID)
            try index(.thread, rowid: rowid, id: entry.entityID, language: payload.language, title: title, body: body)
        case .postCreate, .postEdit:
            let rowid: Int64? = try database.scalar("UPDATE posts SET body = ? WHERE id = ? RETURNING rowid", body, entry.entityID)
            if entry.kind == .postEdit, let revision = payload.revision {
                try database.run("UPDATE post_revisions SET body = ? WHERE post_id = ? AND revision = ? AND device_id <> ''",
                                 body, entry.entityID, revision)
            }
            try index(.post, rowid: rowid, id: entry.entityID, language: payload.language, title: "", body: body)
        case .postDelete:
            break  // refused above
        }
        // A rejected op the author has corrected goes back in the queue.
        try database.run("UPDATE outbox SET payload = ?, state = 'queued', last_error = NULL WHERE op_id = ?",
                         try payload.json(), op)
        return QueuedWrite(opID: op, entityID: entry.entityID, threadID: entry.threadID)
    }

    private func appendOp(_ kind: OutboxKind, entity: String, baseVersion: Int?, payload: OutboxPayload, now: Date) throws -> String {
        try appendOp(kind, entity: entity, baseVersion: baseVersion, payloadJSON: try payload.json(), now: now)
    }

    func appendOp(_ kind: OutboxKind, entity: String, baseVersion: Int?, payloadJSON: String, now: Date) throws -> String {
        let op = try nextOp()
        let stamp = try nextStamp(now: now)
        try database.run("""
            INSERT INTO outbox (op_id, seq, kind, entity_id, base_version, payload, hlc, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [op.id, op.seq, kind.rawValue, entity, baseVersion, payloadJSON, stamp.description, Self.isoNow(now)])
        return op.id
    }

    func index(_ kind: SearchIndexKind, rowid: Int64?, id: String, language: String, title: String, body: String) throws {
        var batch = SearchIndexBatch()
        batch.replace(kind, rowid: rowid, id: id, language: Language(code: language) ?? .english, title: title, body: body)
        try batch.write(to: database)
    }

    // MARK: The outbox

    /// Ops not yet applied by the server, oldest first (the order they will be sent in).
    public func outbox() throws -> [OutboxEntry] {
        // Personal state (bookmarks, ticks, read marks) travels too, but is not writing to show.
        try database.all("\(Self.outboxSelect) WHERE o.state <> 'applied' AND o.kind <> 'personal.set' ORDER BY o.seq",
                         as: Self.outboxEntry)
    }

    public func outboxEntry(op: String) throws -> OutboxEntry? {
        try database.first("\(Self.outboxSelect) WHERE o.op_id = ?", op, as: Self.outboxEntry)
    }

    static let outboxSelect = """
        SELECT o.op_id, o.seq, o.kind, o.entity_id, o.state, o.attempts, o.last_error, o.created_at, o.payload,
               coalesce(t.id, pt.id, ''), coalesce(t.title, pt.title, ''), coalesce(p.body, '')
        FROM outbox o
        LEFT JOIN threads t ON o.kind = 'thread.create' AND t.id = o.entity_id
        LEFT JOIN posts p ON o.kind <> 'thread.create' AND p.id = o.entity_id
        LEFT JOIN threads pt ON pt.id = p.thread_id
        """

    static func outboxEntry(_ row: Row) -> OutboxEntry {
        let payload = (try? OutboxPayload.decode(row[8] as String))
        return OutboxEntry(opID: row[0], seq: row[1], kind: OutboxKind(rawValue: row[2]) ?? .postCreate, entityID: row[3],
                           state: OutboxState(rawValue: row[4]) ?? .queued, attempts: row[5], lastError: row[6],
                           created: row[7], threadID: row[9], threadTitle: row[10],
                           title: payload?.title ?? "", body: payload?.body ?? row[11])
    }

    func decodePayload(op: String) throws -> OutboxPayload {
        guard let text = try database.scalar("SELECT payload FROM outbox WHERE op_id = ?", op, as: String.self)
        else { throw WriteError.notFound }
        return try OutboxPayload.decode(text)
    }

    /// Removes an op that has not gone out, and undoes what it did locally.
    public func discard(op: String) throws {
        try database.transaction {
            guard let entry = try outboxEntry(op: op) else { throw WriteError.notFound }
            guard entry.state != .applied, entry.state != .sending else { throw WriteError.alreadySent }
            switch entry.kind {
            case .threadCreate:
                let replies = try database.scalar("""
                    SELECT count(*) FROM outbox o JOIN posts p ON p.id = o.entity_id
                    WHERE p.thread_id = ? AND o.state <> 'applied'
                    """, entry.entityID, as: Int.self) ?? 0
                guard replies == 0 else { throw WriteError.hasQueuedReplies(replies) }
                try removeFromIndex(.thread, table: "threads", id: entry.entityID)
                try database.run("DELETE FROM threads WHERE id = ?", entry.entityID)
            case .postCreate:
                try removeFromIndex(.post, table: "posts", id: entry.entityID)
                try database.run("DELETE FROM posts WHERE id = ?", entry.entityID)
                try refreshThreadStatistics(entry.threadID)
            case .postDelete:
                try restoreDeleted(post: entry.entityID)
            case .postEdit:
                let payload = try decodePayload(op: op)
                let revision = payload.revision ?? 1
                // Back to the text before this edit.
                if let previous = try database.first("""
                    SELECT body, revision FROM post_revisions WHERE post_id = ? AND revision < ? ORDER BY revision DESC LIMIT 1
                    """, entry.entityID, revision, as: { (body: $0[0] as String, revision: $0[1] as Int) }) {
                    let stillPending = try database.scalar("""
                        SELECT count(*) FROM outbox WHERE entity_id = ? AND op_id <> ? AND state <> 'applied'
                        """, entry.entityID, op, as: Int.self) ?? 0
                    let rowid: Int64? = try database.scalar("""
                        UPDATE posts SET body = ?, revision = ?, pending = ? WHERE id = ? RETURNING rowid
                        """, previous.body, previous.revision, stillPending > 0, entry.entityID)
                    try database.run("DELETE FROM post_revisions WHERE post_id = ? AND revision = ?", entry.entityID, revision)
                    let language = payload.language
                    try index(.post, rowid: rowid, id: entry.entityID, language: language, title: "", body: previous.body)
                }
            }
            try database.run("DELETE FROM outbox WHERE op_id = ?", op)
            try deleteDraft(for: .queued(op: op))
        }
    }

    func removeFromIndex(_ kind: SearchIndexKind, table: StaticString, id: String) throws {
        let rowid = try database.scalar("SELECT rowid FROM \(table) WHERE id = ?", id, as: Int64.self)
        var batch = SearchIndexBatch()
        batch.remove(kind, rowid: rowid)
        try batch.write(to: database)
    }

    /// Whether this install may edit the post (its own, not hidden).
    public func canEdit(post id: String) throws -> Bool {
        let author = try database.scalar("SELECT author_id FROM posts WHERE id = ? AND hidden = 0", id, as: String.self)
        let me = try localAuthorID()
        return author != nil && author == me
    }
}

/// The JSON an op carries to the server (SYNC.md "Push").
struct OutboxPayload: Codable, Equatable {
    var id: String
    var forumID: String?
    var threadID: String?
    var replyTo: String?
    var title: String?
    var body: String
    var language: String
    var created: String
    var revision: Int?

    enum CodingKeys: String, CodingKey {
        case id, title, body, language, revision
        case forumID = "forum_id", threadID = "thread_id", replyTo = "reply_to", created = "created_at"
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> OutboxPayload {
        try JSONDecoder().decode(OutboxPayload.self, from: Data(text.utf8))
    }
}
