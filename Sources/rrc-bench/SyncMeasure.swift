// Sync over loopback against a real rrcd holding the benchmark pack: the first sync, an
// incremental one (100 new posts) and a no-op one — time, requests and bytes on the wire,
// against the floor: the gzip size of the same records' JSON in one stream.
import ClientStore
import Compression
import Foundation
import HTTPTransport
import LoopbackHTTP
import SyncClient

enum SyncMeasure {
    struct Figures {
        var seconds: Double
        var requests: Int
        var bytesIn: Int
        var bytesOut: Int
        var records: Int
        var floor: Int
    }

    static func run(pack: URL, work: URL) throws -> (initial: Figures, incremental: Figures, noop: Figures) {
        let bin = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let rrcd = bin.appendingPathComponent("rrcd").path
        let database = work.appendingPathComponent("sync-bench.db").path
        try ServerLoad.runQuietly(rrcd, ["init", "--db", database])
        try ServerLoad.runQuietly(rrcd, ["import", pack.path, "--db", database])
        for user in ["reader", "writer"] {
            try ServerLoad.runQuietly(rrcd, ["user", "add", user, "--role", "member", "--password-stdin", "--db", database],
                                      input: "bench password\n")
        }
        let log = work.appendingPathComponent("sync-bench.log").path
        let server = try ServerLoad.spawn(rrcd, ["serve", "--db", database, "--listen", "127.0.0.1:0"], stderr: log)
        defer { kill(server, SIGTERM); var status: Int32 = 0; waitpid(server, &status, 0) }
        let port = try ServerLoad.waitForPort(log)
        let http = HTTPClient(port: port)
        func token(_ user: String) throws -> String {
            try http.json("POST", "/api/v1/session", ["username": user, "password": "bench password"]).json()["token"] as? String ?? ""
        }
        let reader = try token("reader")
        let store = try ClientStore(path: work.appendingPathComponent("sync-client.sqlite").path)
        let engine = SyncEngine(store: store, transport: CurlTransport(), server: "http://127.0.0.1:\(port)", token: reader)

        var start = Date()
        let first = try engine.sync()
        let initial = Figures(seconds: Date().timeIntervalSince(start), requests: first.requests, bytesIn: first.bytesIn,
                              bytesOut: first.bytesOut, records: first.pulled, floor: try floor(http, token: reader, since: 0))
        let before = try store.cursor(scope: "")?.lastSeq ?? 0

        // 100 new posts from someone else.
        let writer = try token("writer")
        let thread = try store.threads(limit: 1).items.first?.id ?? ""
        let ops: [[String: Any]] = (0..<100).map { index in
            ["op_id": "bench:\(index)", "kind": "post.create", "entity_id": "bench-post-\(index)",
             "hlc": String(format: "%016lld-00000-bench", Int64(Date().timeIntervalSince1970 * 1000)),
             "payload": ["id": "bench-post-\(index)", "thread_id": thread, "body": "A new post number \(index) about supervision and referrals."]]
        }
        _ = try http.json("POST", "/api/v1/sync/push", ["schema": 1, "device_id": "bench-writer", "ops": ops], token: writer)
        start = Date()
        let second = try engine.sync()
        let incremental = Figures(seconds: Date().timeIntervalSince(start), requests: second.requests, bytesIn: second.bytesIn,
                                  bytesOut: second.bytesOut, records: second.pulled, floor: try floor(http, token: reader, since: before))
        start = Date()
        let third = try engine.sync()
        let noop = Figures(seconds: Date().timeIntervalSince(start), requests: third.requests, bytesIn: third.bytesIn,
                           bytesOut: third.bytesOut, records: third.pulled, floor: 0)
        return (initial, incremental, noop)
    }

    /// The gzip size of every change after `since`, as one JSON array in one stream.
    static func floor(_ http: HTTPClient, token: String, since: Int) throws -> Int {
        var cursor = since
        var all = Data("[".utf8)
        var first = true
        while true {
            let reply = try http.request("GET", "/api/v1/sync/pull?since=\(cursor)&limit=1000", token: token)
            let page = try reply.json()
            for change in page["changes"] as? [[String: Any]] ?? [] {
                if !first { all.append(Data(",".utf8)) }
                first = false
                all.append(try JSONSerialization.data(withJSONObject: change))
            }
            cursor = page["next"] as? Int ?? cursor
            if page["more"] as? Bool != true { break }
        }
        all.append(Data("]".utf8))
        return Gzip.compress(all, level: 9).count
    }
}
