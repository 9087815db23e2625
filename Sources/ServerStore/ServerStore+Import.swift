// Library content reaches the server only by import: the content-pack reader the client
// uses, writing records (and their change-log entries) and attachment files.
import ContentPack
import Foundation
import Model
import SyncProtocol

public struct ServerImportReport: Equatable, Sendable {
    public var written = 0
    public var unchanged = 0
    public var files = 0
    public var problems: [String] = []
}

extension ServerStore {
    public func importPack(_ pack: ContentPackContents) throws -> ServerImportReport {
        var report = ServerImportReport()
        report.problems = pack.problems.map(\.description)
        try FileManager.default.createDirectory(at: filesFolder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        try write {
            var forumLanguages: [String: String] = [:]
            var threadForums: [String: String] = [:]
            for item in pack.items {
                let changed: Bool
                switch item.record {
                case .person(let person):
                    changed = try putIfChanged("person", id: person.id, data: person, placement: Placement())
                case .forum(let forum):
                    forumLanguages[forum.id] = forum.language.code
                    changed = try putIfChanged("forum", id: forum.id, data: forum, placement: Placement(language: forum.language.code))
                case .thread(let thread):
                    threadForums[thread.id] = thread.forumID
                    let record = ThreadRecord(id: thread.id, forumID: thread.forumID, language: thread.language.code,
                                              title: thread.title, authorID: thread.authorID, body: thread.body,
                                              createdAt: thread.created, locked: thread.locked)
                    changed = try putIfChanged("thread", id: thread.id, data: record,
                                               placement: Placement(language: thread.language.code, forumID: thread.forumID))
                case .post(let post):
                    let forum = try threadForums[post.threadID] ?? forumOfThread(post.threadID)
                    let record = PostRecord(id: post.id, threadID: post.threadID, replyTo: post.replyTo,
                                            language: post.language.code, authorID: post.authorID, body: post.body,
                                            createdAt: post.created, hidden: post.hidden)
                    changed = try putIfChanged("post", id: post.id, data: record,
                                               placement: Placement(language: post.language.code, forumID: forum, owner: post.authorID))
                case .resource(let resource):
                    changed = try putIfChanged("resource", id: resource.id, data: resource,
                                               placement: Placement(language: resource.language.code))
                case .guide(let guide):
                    changed = try putIfChanged("guide", id: guide.id, data: guide, placement: Placement(language: guide.language.code))
                }
                if changed { report.written += 1 } else { report.unchanged += 1 }
            }
            for (sha256, source) in pack.attachmentFiles {
                let target = filesFolder.appendingPathComponent(sha256)
                if !FileManager.default.fileExists(atPath: target.path) {
                    try FileManager.default.copyItem(at: source, to: target)
                }
                let size = (try FileManager.default.attributesOfItem(atPath: target.path)[.size] as? Int) ?? 0
                try database.run("""
                    INSERT INTO files (sha256, size, name) VALUES (?, ?, ?)
                    ON CONFLICT(sha256) DO UPDATE SET size = excluded.size, name = excluded.name
                    """, sha256, size, source.lastPathComponent)
                report.files += 1
            }
        }
        return report
    }

    func forumOfThread(_ id: String) throws -> String? {
        try database.scalar("SELECT forum_id FROM records WHERE kind = 'thread' AND id = ?", id, as: String.self)
    }

    /// Writes only when the data differs, so re-importing a pack adds nothing to the log.
    private func putIfChanged<T: Encodable>(_ kind: String, id: String, data: T, placement: Placement) throws -> Bool {
        let json = try Self.encode(data)
        if try database.scalar("SELECT data FROM records WHERE kind = ? AND id = ? AND deleted = 0", kind, id, as: String.self) == json {
            return false
        }
        try put(kind, id: id, data: data, placement: placement)
        return true
    }

    /// The file for a SHA-256, if the server holds it.
    public func file(sha256: String) throws -> (url: URL, size: Int)? {
        guard sha256.count == 64, sha256.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
        guard let size = try database.scalar("SELECT size FROM files WHERE sha256 = ?", sha256, as: Int.self) else { return nil }
        return (filesFolder.appendingPathComponent(sha256), size)
    }
}
