// Deleting one's own post: gone from this device at once, and — when the server may have
// it — a `post.delete` op in the outbox, written in the same transaction, that takes it off
// the server and every other cache. Until that op is sent, discarding it brings the post back.
import Foundation
import Model
import Storage

extension ClientStore {
    /// `posts.hidden` for a post the author deleted here whose deletion has not been applied
    /// yet: out of every list like a hidden post, but restorable (a moderator's hide is 1).
    static let deletedHere = 2

    @discardableResult
    public func delete(post id: String, now: Date = Date()) throws -> DeletedPost {
        try database.transaction {
            guard let post = try database.first("SELECT thread_id, author_id, server_version FROM posts WHERE id = ? AND hidden = 0", id,
                                                as: { (thread: $0[0] as String, author: $0[1] as String, version: $0[2] as Int) })
            else { throw WriteError.notFound }
            guard post.author == (try localAuthorID()) else { throw WriteError.notYourPost }
            let waiting: [(op: String, kind: String, state: String)] = try database.all("""
                SELECT op_id, kind, state FROM outbox WHERE entity_id = ? AND state <> 'applied' ORDER BY seq
                """, id) { ($0[0], $0[1], $0[2]) }
            try deleteDraft(for: .edit(post: id))
            if let create = waiting.first(where: { $0.kind == OutboxKind.postCreate.rawValue }), create.state != OutboxState.sending.rawValue {
                // It never left this device: no one else has it, so nothing needs to travel.
                for op in waiting {
                    try database.run("DELETE FROM outbox WHERE op_id = ?", op.op)
                    try deleteDraft(for: .queued(op: op.op))
                }
                try removeFromIndex(.post, table: "posts", id: id)
                try database.run("DELETE FROM posts WHERE id = ?", id)
                try refreshThreadStatistics(post.thread)
                return .removed
            }
            try removeFromIndex(.post, table: "posts", id: id)
            try database.run("UPDATE posts SET hidden = ? WHERE id = ?", Self.deletedHere, id)
            let payload = String(decoding: try JSONEncoder().encode(["id": id, "thread_id": post.thread]), as: UTF8.self)
            let op = try appendOp(.postDelete, entity: id, baseVersion: post.version, payloadJSON: payload, now: now)
            try refreshThreadStatistics(post.thread)
            return .queued(opID: op)
        }
    }

    /// A discarded deletion: the post is back in its thread and in search.
    func restoreDeleted(post id: String) throws {
        guard let post = try database.first("""
            UPDATE posts SET hidden = 0 WHERE id = ? AND hidden = ? RETURNING rowid, thread_id, language, body
            """, id, Self.deletedHere, as: { (rowid: $0[0] as Int64, thread: $0[1] as String, language: $0[2] as String, body: $0[3] as String) })
        else { return }  // the server hid or deleted it meanwhile: that stands
        try index(.post, rowid: post.rowid, id: id, language: post.language, title: "", body: post.body)
        try refreshThreadStatistics(post.thread)
    }

    /// Whether this install may delete the post: the same as editing it.
    public func canDelete(post id: String) throws -> Bool { try canEdit(post: id) }
}
