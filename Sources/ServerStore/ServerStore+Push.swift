// Push: each op applied in its own transaction together with its op id (UNIQUE), so a
// re-sent op answers `duplicate` with the original result and never acts twice. Every
// permission is checked here; nothing the client says about authorship is believed.
import Foundation
import Model
import Storage
import SyncProtocol

/// A refusal of one op: stored nowhere, answered with a code and a sentence.
struct Rejection: Error {
    var code: String
    var message: String
}

extension ServerStore {
    /// The most a client's clock may run ahead of the server's before its stamps are clamped.
    static let clockSkewAllowance: Int64 = 5 * 60 * 1000
    static let maximumBodyLength = 64 * 1024
    static let maximumTitleLength = 300

    /// Applies `ops` in order; an op that fails never blocks the ones after it.
    /// Throws only when the store itself fails (the client then keeps everything queued).
    public func push(_ ops: [PushOp], device: String, user: ServerUser, now: Date = Date()) throws -> PushResponse {
        var results: [OpResult] = []
        for op in ops { results.append(try apply(op, device: device, user: user, now: now)) }
        return PushResponse(results: results)
    }

    func apply(_ op: PushOp, device: String, user: ServerUser, now: Date) throws -> OpResult {
        do {
            return try write {
                if let stored = try database.first("SELECT result, user_id FROM applied_ops WHERE op_id = ?", op.opID,
                                                   as: { (result: $0[0] as String, user: $0[1] as String) }) {
                    guard stored.user == user.id else {
                        throw Rejection(code: "op_id_taken", message: "another account sent an op with this id")
                    }
                    var original = try JSONDecoder().decode(OpResult.self, from: Data(stored.result.utf8))
                    original.status = .duplicate
                    return original
                }
                let result = try effect(of: op, user: user, now: now)
                try database.run("INSERT INTO applied_ops (op_id, user_id, device_id, result, applied_at) VALUES (?, ?, ?, ?, ?)",
                                 op.opID, user.id, device, try Self.encode(result), Self.isoNow(now))
                return result
            }
        } catch let rejection as Rejection {
            return OpResult(opID: op.opID, status: .rejected, code: rejection.code, message: rejection.message)
        } catch let problem as RequestProblem {
            return OpResult(opID: op.opID, status: .rejected, code: problem.code, message: problem.message)
        }
    }

    /// The op's stamp, clamped when the device's clock runs more than five minutes ahead.
    func stamp(_ op: PushOp, now: Date) throws -> HybridTimestamp {
        guard var stamp = HybridTimestamp(op.hlc) else {
            throw Rejection(code: "invalid_field", message: "hlc is not a hybrid logical clock stamp")
        }
        let limit = Int64(now.timeIntervalSince1970 * 1000) + Self.clockSkewAllowance
        if stamp.wallMilliseconds > limit { stamp.wallMilliseconds = limit }
        return stamp
    }

    private func effect(of op: PushOp, user: ServerUser, now: Date) throws -> OpResult {
        let stamp = try stamp(op, now: now)
        var payload = try FieldReader(op.payload, path: "payload")
        switch op.kind {
        case "thread.create": return try createThread(op, &payload, user: user, now: now, stamp: stamp)
        case "post.create": return try createPost(op, &payload, user: user, now: now, stamp: stamp)
        case "post.edit": return try editPost(op, &payload, user: user, now: now, stamp: stamp)
        case "post.delete": return try deletePost(op, &payload, user: user, stamp: stamp)
        case "thread.lock", "thread.hide", "post.hide": return try moderate(op, &payload, user: user, stamp: stamp)
        case "personal.set": return try setPersonal(op, &payload, user: user, stamp: stamp)
        default: throw Rejection(code: "unknown_kind", message: "'\(op.kind)' is not an op this server knows")
        }
    }

    private func applied(_ op: PushOp, _ record: ChangeRecord, winner: String? = nil) -> OpResult {
        OpResult(opID: op.opID, status: winner == nil ? .applied : .conflict, serverSeq: record.seq, record: record, winner: winner)
    }

    /// Reads the id a payload is about and checks it is the op's entity.
    private func entityID(_ op: PushOp, _ payload: inout FieldReader) throws -> String {
        let id = try payload.identifier("id")
        guard id == op.entityID else { throw Rejection(code: "invalid_field", message: "payload.id differs from entity_id") }
        return id
    }

    private func text(_ payload: inout FieldReader, _ key: String, maxLength: Int) throws -> String {
        let value = try payload.string(key, maxLength: maxLength).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { throw Rejection(code: "invalid_field", message: "payload.\(key) is empty") }
        return value
    }

    private func createThread(_ op: PushOp, _ payload: inout FieldReader, user: ServerUser, now: Date,
                              stamp: HybridTimestamp) throws -> OpResult {
        let id = try entityID(op, &payload)
        let forumID = try payload.identifier("forum_id")
        let title = try text(&payload, "title", maxLength: Self.maximumTitleLength)
        let body = try text(&payload, "body", maxLength: Self.maximumBodyLength)
        _ = try payload.optionalString("language", maxLength: 10)      // the forum decides
        _ = try payload.optionalString("created_at", maxLength: 40)    // the server's clock decides
        try payload.finish()
        guard let forum = try record("forum", id: forumID, as: Forum.self) else {
            throw Rejection(code: "not_found", message: "there is no forum '\(forumID)'")
        }
        guard try !exists("thread", id: id) else { throw Rejection(code: "id_taken", message: "a thread with this id exists") }
        let thread = ThreadRecord(id: id, forumID: forumID, language: forum.value.language.code, title: title,
                                  authorID: user.id, body: body, createdAt: Self.isoNow(now))
        let record = try put("thread", id: id, data: thread,
                             placement: Placement(language: thread.language, forumID: forumID, owner: user.id, hlc: stamp.description))
        return applied(op, record)
    }

    private func createPost(_ op: PushOp, _ payload: inout FieldReader, user: ServerUser, now: Date,
                            stamp: HybridTimestamp) throws -> OpResult {
        let id = try entityID(op, &payload)
        let threadID = try payload.identifier("thread_id")
        var replyTo = try payload.optionalIdentifier("reply_to")
        let body = try text(&payload, "body", maxLength: Self.maximumBodyLength)
        _ = try payload.optionalString("language", maxLength: 10)
        _ = try payload.optionalString("created_at", maxLength: 40)
        try payload.finish()
        guard let thread = try record("thread", id: threadID, as: ThreadRecord.self), !thread.value.hidden else {
            throw Rejection(code: "not_found", message: "there is no thread '\(threadID)'")
        }
        guard !thread.value.locked else {
            throw Rejection(code: "thread_locked", message: "a moderator locked this thread; the reply was not posted")
        }
        guard try !exists("post", id: id) else { throw Rejection(code: "id_taken", message: "a post with this id exists") }
        if let answered = replyTo, try record("post", id: answered, as: PostRecord.self)?.value.threadID != threadID {
            replyTo = nil  // a reply to something not in this thread is simply a reply to the thread
        }
        let post = PostRecord(id: id, threadID: threadID, replyTo: replyTo, language: thread.value.language, authorID: user.id,
                              body: body, createdAt: Self.isoNow(now))
        try database.run("INSERT INTO post_revisions (post_id, revision, body, hlc, author_id, created_at) VALUES (?, 1, ?, ?, ?, ?)",
                         id, body, stamp.description, user.id, post.createdAt)
        let record = try put("post", id: id, data: post, placement: Placement(language: post.language, forumID: thread.value.forumID,
                                                                            owner: user.id, hlc: stamp.description))
        return applied(op, record)
    }

    /// An author's edit. When the post changed since the version the edit started from (the
    /// author's other device), both revisions are kept and the later stamp wins.
    private func editPost(_ op: PushOp, _ payload: inout FieldReader, user: ServerUser, now: Date,
                          stamp: HybridTimestamp) throws -> OpResult {
        let id = try entityID(op, &payload)
        let body = try text(&payload, "body", maxLength: Self.maximumBodyLength)
        _ = try payload.optionalIdentifier("thread_id")
        _ = try payload.optionalInt("revision")
        _ = try payload.optionalString("language", maxLength: 10)
        _ = try payload.optionalString("created_at", maxLength: 40)
        try payload.finish()
        guard let current = try record("post", id: id, as: PostRecord.self), !current.value.hidden else {
            throw Rejection(code: "not_found", message: "there is no post '\(id)'")
        }
        guard current.value.authorID == user.id else {
            throw Rejection(code: "forbidden", message: "only the author may edit a post")
        }
        var post = current.value
        let revision = (try database.scalar("SELECT max(revision) FROM post_revisions WHERE post_id = ?", id, as: Int.self) ?? post.revision) + 1
        try database.run("INSERT INTO post_revisions (post_id, revision, body, hlc, author_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                         id, revision, body, stamp.description, user.id, Self.isoNow(now))
        let concurrent = op.baseVersion.map { $0 != current.version } ?? false
        var winner: String?
        if concurrent, let stored = HybridTimestamp(current.hlc), stored > stamp {
            // The stored text is newer: it stays; this edit is kept beside it.
            post.otherRevisions = (post.otherRevisions ?? []) + [RevisionRecord(body: body, hlc: stamp.description)]
            winner = stored.description
        } else {
            if concurrent {
                post.otherRevisions = (post.otherRevisions ?? []) + [RevisionRecord(body: post.body, hlc: current.hlc)]
                winner = stamp.description
            }
            post.body = body
            post.revision = revision
            post.editedAt = Self.isoNow(now)
        }
        let record = try put("post", id: id, data: post,
                             placement: Placement(language: post.language, forumID: try forumOfThread(post.threadID), owner: user.id,
                                                  hlc: winner == nil || winner == stamp.description ? stamp.description : current.hlc))
        return applied(op, record, winner: winner)
    }

    /// The author (or a moderator) takes a post back for good: its text and every revision
    /// leave the server, and a tombstone travels so every cache drops it. The id stays
    /// taken, so a stale re-send can never bring the post back.
    private func deletePost(_ op: PushOp, _ payload: inout FieldReader, user: ServerUser, stamp: HybridTimestamp) throws -> OpResult {
        let id = try entityID(op, &payload)
        _ = try payload.optionalIdentifier("thread_id")
        try payload.finish()
        if let gone = try tombstone("post", id: id) {
            // Deleted already (from the author's other device): the wish is fulfilled.
            guard gone.data["author_id"]?.string == user.id || user.canModerate else {
                throw Rejection(code: "not_found", message: "there is no post '\(id)'")
            }
            return applied(op, gone)
        }
        guard let current = try record("post", id: id, as: PostRecord.self),
              current.value.authorID == user.id || user.canModerate || !current.value.hidden else {
            throw Rejection(code: "not_found", message: "there is no post '\(id)'")
        }
        guard current.value.authorID == user.id || user.canModerate else {
            throw Rejection(code: "forbidden", message: "only the author or a moderator may delete a post")
        }
        var tombstone = current.value
        tombstone.body = ""
        tombstone.otherRevisions = nil
        tombstone.editedAt = nil
        try database.run("DELETE FROM post_revisions WHERE post_id = ?", id)
        let record = try put("post", id: id, data: tombstone, deleted: true, placement: Placement(
            language: tombstone.language, forumID: try forumOfThread(tombstone.threadID), owner: tombstone.authorID, hlc: stamp.description))
        // The answers kept for re-sent ops held the text too: they now carry the tombstone,
        // so a late duplicate can neither leak nor revive the post.
        try database.run("""
            UPDATE applied_ops SET result = json_set(result, '$.record', json(?))
            WHERE json_extract(result, '$.record.kind') = 'post' AND json_extract(result, '$.record.id') = ?
            """, try Self.encode(record), id)
        return applied(op, record)
    }

    private func moderate(_ op: PushOp, _ payload: inout FieldReader, user: ServerUser, stamp: HybridTimestamp) throws -> OpResult {
        guard user.canModerate else { throw Rejection(code: "forbidden", message: "only moderators may hide posts or lock threads") }
        let id = try entityID(op, &payload)
        let field = op.kind == "thread.lock" ? "locked" : "hidden"
        let flag = try payload.bool(field)
        try payload.finish()
        if op.kind == "post.hide" {
            guard var post = try record("post", id: id, as: PostRecord.self)?.value else {
                throw Rejection(code: "not_found", message: "there is no post '\(id)'")
            }
            post.hidden = flag
            return applied(op, try put("post", id: id, data: post, placement: Placement(
                language: post.language, forumID: try forumOfThread(post.threadID), owner: post.authorID, hlc: stamp.description)))
        }
        guard var thread = try record("thread", id: id, as: ThreadRecord.self)?.value else {
            throw Rejection(code: "not_found", message: "there is no thread '\(id)'")
        }
        if op.kind == "thread.lock" { thread.locked = flag } else { thread.hidden = flag }
        return applied(op, try put("thread", id: id, data: thread, placement: Placement(
            language: thread.language, forumID: thread.forumID, owner: thread.authorID, hlc: stamp.description)))
    }

    /// Personal state: last writer wins by HLC; the losing side is answered, not stored.
    private func setPersonal(_ op: PushOp, _ payload: inout FieldReader, user: ServerUser, stamp: HybridTimestamp) throws -> OpResult {
        let key = try payload.string("key", maxLength: 200)
        guard FieldReader.isIdentifier(key.replacingOccurrences(of: "/", with: ":")) else {
            throw Rejection(code: "invalid_field", message: "payload.key is not a valid key")
        }
        let value = try payload.value("value")
        try payload.finish()
        guard (try Self.encode(value)).utf8.count <= 4096 else {
            throw Rejection(code: "invalid_field", message: "payload.value is larger than 4 KiB")
        }
        let id = user.id + "/" + key
        guard op.entityID == key || op.entityID == id else {
            throw Rejection(code: "invalid_field", message: "entity_id differs from payload.key")
        }
        if let stored = try record("personal", id: id, as: PersonalRecord.self), let storedStamp = HybridTimestamp(stored.hlc),
           storedStamp > stamp {
            let current = try database.first("SELECT seq, version, data FROM records WHERE kind = 'personal' AND id = ?", id) { row in
                ChangeRecord(seq: row[0], kind: "personal", id: id, version: row[1], deleted: false,
                             data: try JSONValue.parse(Data((row[2] as String).utf8)))
            }
            return OpResult(opID: op.opID, status: .conflict, serverSeq: current?.seq, record: current, winner: stored.hlc)
        }
        let record = try put("personal", id: id, data: PersonalRecord(key: key, value: value, hlc: stamp.description),
                             placement: Placement(owner: user.id, isPrivate: true, hlc: stamp.description))
        return applied(op, record)
    }
}
