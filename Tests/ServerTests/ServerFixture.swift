// A running rrcd on the demo pack with a few accounts, and the calls tests make of it.
import Foundation
import TestSupport

final class ServerFixture {
    let server: ServerProcess
    let http: HTTPClient
    static let password = "correct horse battery"

    init(users: [(String, String)] = [("ana", "member"), ("ben", "member"), ("mod", "moderator")]) throws {
        server = try ServerProcess(pack: ProjectPaths.root.appendingPathComponent("demo/pack"))
        for (name, role) in users { try server.addUser(name, role: role, password: Self.password) }
        try server.start()
        http = server.client()
    }

    func login(_ name: String, password: String = ServerFixture.password) throws -> String {
        let reply = try http.json("POST", "/api/v1/session", ["username": name, "password": password])
        guard reply.status == 200, let token = try reply.json()["token"] as? String else {
            throw ServerFailure(message: "login failed: \(reply.status) \(reply.text)")
        }
        return token
    }

    static func stamp(_ wall: Int64 = 1_733_000_000_000, counter: Int = 0, device: String = "dev-a") -> String {
        String(format: "%016lld-%05d-%@", wall, counter, device)
    }

    /// Pushes ops (dictionaries as on the wire) and returns the per-op results.
    func push(_ ops: [[String: Any]], token: String, device: String = "dev-a") throws -> [[String: Any]] {
        let reply = try http.json("POST", "/api/v1/sync/push", ["schema": 1, "device_id": device, "ops": ops], token: token)
        guard reply.status == 200 else { throw ServerFailure(message: "push: \(reply.status) \(reply.text)") }
        return try reply.json()["results"] as? [[String: Any]] ?? []
    }

    static func op(_ id: String, _ kind: String, entity: String, base: Int? = nil, hlc: String = stamp(),
                   payload: [String: Any]) -> [String: Any] {
        var op: [String: Any] = ["op_id": id, "kind": kind, "entity_id": entity, "hlc": hlc, "payload": payload]
        if let base { op["base_version"] = base }
        return op
    }

    /// Every change from `since`, following pages of `limit`.
    func pullAll(token: String, since: Int = 0, limit: Int = 100, scope: String = "") throws -> (changes: [[String: Any]], pages: Int, next: Int) {
        var cursor = since, pages = 0
        var changes: [[String: Any]] = []
        while true {
            let reply = try http.request("GET", "/api/v1/sync/pull?since=\(cursor)&limit=\(limit)&scope=\(scope)", token: token)
            guard reply.status == 200 else { throw ServerFailure(message: "pull: \(reply.status) \(reply.text)") }
            let page = try reply.json()
            changes += page["changes"] as? [[String: Any]] ?? []
            cursor = page["next"] as? Int ?? cursor
            pages += 1
            if page["more"] as? Bool != true || pages > 1000 { return (changes, pages, cursor) }
        }
    }

    func lastSeq() throws -> Int {
        try http.request("GET", "/api/v1/health").json()["last_seq"] as? Int ?? -1
    }
}
