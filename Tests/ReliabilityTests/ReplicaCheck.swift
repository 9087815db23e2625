// What "converged" means, checked against the real server: the replica equals the server's
// view for its user (threads, posts, personal state), every write is there or visibly
// rejected, nothing is doubled, the file is sound.
import ClientStore
import Foundation
import Storage
import TestSupport

struct Mismatch: Error, CustomStringConvertible { let description: String }

enum ReplicaCheck {
    /// Every record the server shows `token`'s user, as (kind, id) → data.
    static func serverView(_ http: HTTPClient, token: String, upTo limit: Int = .max) throws -> [String: [String: [String: Any]]] {
        var cursor = 0
        var view: [String: [String: [String: Any]]] = [:]
        while true {
            let page = try http.request("GET", "/api/v1/sync/pull?since=\(cursor)&limit=1000", token: token).json()
            for change in page["changes"] as? [[String: Any]] ?? [] where (change["seq"] as? Int ?? 0) <= limit {
                // A tombstone: the record is gone from the user's view.
                let data = change["deleted"] as? Bool == true ? nil : change["data"] as? [String: Any] ?? [:]
                view[change["kind"] as? String ?? "", default: [:]][change["id"] as? String ?? ""] = data
            }
            cursor = page["next"] as? Int ?? cursor
            if page["more"] as? Bool != true { return view }
        }
    }

    static func verify(_ store: ClientStore, name: String, http: HTTPClient, token: String, written: [String],
                       deleted: Set<String> = []) throws {
        guard try store.database.integrityProblems().isEmpty else { throw Mismatch(description: "\(name): integrity check failed") }
        let waiting = try store.opsToSend(maxBytes: .max)
        guard waiting.isEmpty else { throw Mismatch(description: "\(name): \(waiting.count) ops still waiting after quiescence") }
        let view = try serverView(http, token: token)
        let serverThreads = (view["thread"] ?? [:]).filter { $0.value["hidden"] as? Bool != true }.mapValues { $0["title"] as? String ?? "" }
        let serverPosts = (view["post"] ?? [:]).filter { $0.value["hidden"] as? Bool != true && serverThreads[$0.value["thread_id"] as? String ?? ""] != nil }
            .mapValues { $0["body"] as? String ?? "" }
        let personal = Set((view["personal"] ?? [:]).values.filter { $0["value"] as? Bool == true }.compactMap { $0["key"] as? String })
        let localThreads = Dictionary(uniqueKeysWithValues: try store.database.all("SELECT id, title FROM threads WHERE hidden = 0 AND pending = 0") {
            ($0[0] as String, $0[1] as String)
        })
        guard localThreads == serverThreads else {
            throw Mismatch(description: "\(name): threads differ: \(Set(localThreads.keys).symmetricDifference(serverThreads.keys).prefix(5))")
        }
        let localPosts = Dictionary(uniqueKeysWithValues: try store.database.all(
            "SELECT p.id, p.body FROM posts p JOIN threads t ON t.id = p.thread_id WHERE p.hidden = 0 AND t.hidden = 0 AND p.pending = 0") {
            ($0[0] as String, $0[1] as String)
        })
        guard localPosts == serverPosts else {
            let differing = Set(localPosts.keys).symmetricDifference(serverPosts.keys).union(localPosts.keys.filter { localPosts[$0] != serverPosts[$0] })
            throw Mismatch(description: "\(name): posts differ: \(differing.prefix(5))")
        }
        let rejected = Set(try store.outbox().filter { $0.state == .rejected }.map(\.entityID))
        for id in written where view["post"]?[id] == nil && view["thread"]?[id] == nil && !rejected.contains(id) && !deleted.contains(id) {
            throw Mismatch(description: "\(name): \(id) was lost")
        }
        if let revived = deleted.first(where: { view["post"]?[$0] != nil }) {
            throw Mismatch(description: "\(name): \(revived) was deleted but is on the server")
        }
        let localPersonal = Set(try store.database.all("SELECT 'bookmark:' || item_kind || ':' || item_id FROM bookmarks WHERE active = 1") { $0[0] as String })
            .union(try store.database.all(
                "SELECT 'tick:' || guide_id || ':' || section_position || ':' || item_position FROM checklist_ticks WHERE ticked = 1") { $0[0] as String })
            .union(try store.database.all("SELECT 'read:' || item_kind || ':' || item_id FROM read_marks WHERE read = 1") { $0[0] as String })
        guard localPersonal == personal else {
            throw Mismatch(description: "\(name): personal state differs: \(localPersonal.symmetricDifference(personal).prefix(5))")
        }
    }

    /// No post body starting with `prefix` is on the server twice.
    static func noDuplicates(_ http: HTTPClient, token: String, prefix: String) throws {
        var counts: [String: Int] = [:]
        for data in try serverView(http, token: token)["post"]?.values ?? [:].values {
            if let body = data["body"] as? String, body.hasPrefix(prefix) { counts[body, default: 0] += 1 }
        }
        if let doubled = counts.first(where: { $0.value > 1 }) { throw Mismatch(description: "\(doubled.key) is on the server \(doubled.value) times") }
    }
}
