// Sync against a real rrcd holding the benchmark pack, by the real `rrc` over loopback: the
// first sync, an incremental one (100 new posts) and a no-op one — time, requests and bytes
// on the wire against the floor (the gzip size of the same records' JSON in one stream), and
// the client's peak memory. Then the same engine through the throttled proxy of the tests
// (32 kbit/s, 800 ms round trips): an incremental and a no-op sync of that store, and a first
// sync of the demo pack (the full benchmark pack would take hours at that rate). Between
// them, the attachments a later sync fetches once the settings allow it.
import ClientStore
import Compression
import Foundation
import HTTPTransport
import LoopbackHTTP
import SyncClient
import TestSupport

enum SyncMeasure {
    struct Figures {
        var seconds: Double
        var requests: Int
        var connections: Int
        var bytesIn: Int
        var bytesOut: Int
        var records: Int
        var floor: Int
    }

    struct Result {
        var initial, incremental, noop: Figures
        var throttledFirst, throttledIncremental, throttledNoop: Figures
        var clientPeakMiB: Double
        var serverPeakMiB: Double
        var attachments: (files: Int, bytes: Int, seconds: Double)
    }

    static let password = "bench password"

    static func run(pack: URL, work: URL) throws -> Result {
        let bin = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let rrcd = bin.appendingPathComponent("rrcd").path, rrc = bin.appendingPathComponent("rrc").path
        let database = work.appendingPathComponent("sync-bench.db").path
        try ServerLoad.runQuietly(rrcd, ["init", "--db", database])
        try ServerLoad.runQuietly(rrcd, ["import", pack.path, "--db", database])
        for user in ["reader", "writer"] {
            try ServerLoad.runQuietly(rrcd, ["user", "add", user, "--role", "member", "--password-stdin", "--db", database], input: password + "\n")
        }
        let (server, port) = try serve(rrcd, database: database, log: work.appendingPathComponent("sync-bench.log").path)
        defer { stop(server) }
        let http = HTTPClient(port: port)
        let reader = try token(http, "reader"), writer = try token(http, "writer")

        // The real client: log in, then time `rrc sync` (attachments left for later, so the
        // bytes are the records' alone).
        let home = work.appendingPathComponent("sync-home")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("config"), withIntermediateDirectories: true)
        try "attachment_budget_mb = 0\n".write(to: home.appendingPathComponent("config/rrc.conf"), atomically: true, encoding: .utf8)
        let login = try ChildRun.run(rrc, ["--home", home.path, "login", "--server", "http://127.0.0.1:\(port)", "--user", "reader",
                                           "--password-stdin"], input: password + "\n", in: work)
        guard login.status == 0 else { throw HTTPWireError(message: "rrc login failed: \(login.output)") }
        func rrcSync(floor: () throws -> Int) throws -> (Figures, Double) {
            let run = try ChildRun.run(rrc, ["--home", home.path, "sync", "--json"], in: work)
            guard run.status == 0, let report = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any] else {
                throw HTTPWireError(message: "rrc sync failed (\(run.status)): \(run.output.prefix(300))")
            }
            func number(_ key: String) -> Int { report[key] as? Int ?? 0 }
            return (Figures(seconds: run.seconds, requests: number("requests"), connections: number("connections"), bytesIn: number("bytes_in"), bytesOut: number("bytes_out"),
                            records: number("pulled"), floor: try floor()), run.peakMemoryMiB)
        }
        let (initial, clientPeak) = try rrcSync { try Self.floor(http, token: reader, since: 0) }
        let serverPeak = ServerLoad.peakMemoryMiB(of: server)
        let store = try ClientStore(path: home.appendingPathComponent("data/rrc.sqlite").path)
        var before = try store.cursor(scope: "")?.lastSeq ?? 0
        let thread = try store.threads(limit: 1).items.first?.id ?? ""
        try postFromElsewhere(http, token: writer, thread: thread, batch: 1)
        let (incremental, _) = try rrcSync { try Self.floor(http, token: reader, since: before) }
        let (noop, _) = try rrcSync { 0 }

        // Attachments: left out above; now allowed, the next sync fetches every one.
        let settings = home.appendingPathComponent("config/rrc.conf")
        try (try String(contentsOf: settings, encoding: .utf8)).replacingOccurrences(of: "attachment_budget_mb = 0", with: "attachment_budget_mb = 1024")
            .write(to: settings, atomically: true, encoding: .utf8)
        let fetch = try ChildRun.run(rrc, ["--home", home.path, "sync", "--json"], in: work)
        let fetched = (try? JSONSerialization.jsonObject(with: Data(fetch.output.utf8)) as? [String: Any])?["files_fetched"] as? Int ?? 0
        let cache = home.appendingPathComponent("cache/files")
        let cachedBytes = (try? FileManager.default.contentsOfDirectory(atPath: cache.path))?.reduce(0) { total, name in
            total + ((try? FileManager.default.attributesOfItem(atPath: cache.appendingPathComponent(name).path)[.size] as? Int) ?? 0)
        } ?? 0

        // The slow link: the same store, the same engine, through the proxy.
        var plan = FaultProxy.Plan()
        plan.faultRate = 0
        plan.bitsPerSecond = 32_000
        plan.roundTripMilliseconds = 800
        let proxy = try FaultProxy(upstreamPort: port, seed: 1, plan: plan)
        defer { proxy.stop() }
        before = try store.cursor(scope: "")?.lastSeq ?? 0
        try postFromElsewhere(http, token: writer, thread: thread, batch: 2)
        let slowEngine = SyncEngine(store: store, transport: CurlTransport(), server: proxy.url, token: reader)
        let throttledIncremental = try timed(slowEngine) { try Self.floor(http, token: reader, since: before) }
        let throttledNoop = try timed(slowEngine) { 0 }
        let throttledFirst = try demoFirstSync(rrcd, plan: plan, work: work)
        return Result(initial: initial, incremental: incremental, noop: noop, throttledFirst: throttledFirst,
                      throttledIncremental: throttledIncremental, throttledNoop: throttledNoop,
                      clientPeakMiB: clientPeak, serverPeakMiB: serverPeak,
                      attachments: (fetched, cachedBytes, fetch.seconds))
    }

    /// A first sync of the demo pack into an empty store through the throttled proxy.
    static func demoFirstSync(_ rrcd: String, plan: FaultProxy.Plan, work: URL) throws -> Figures {
        let database = work.appendingPathComponent("sync-demo.db").path
        try ServerLoad.runQuietly(rrcd, ["demo", "--db", database])
        try ServerLoad.runQuietly(rrcd, ["user", "add", "reader", "--role", "member", "--password-stdin", "--db", database], input: password + "\n")
        let (server, port) = try serve(rrcd, database: database, log: work.appendingPathComponent("sync-demo.log").path)
        defer { stop(server) }
        let http = HTTPClient(port: port)
        let reader = try token(http, "reader")
        let proxy = try FaultProxy(upstreamPort: port, seed: 2, plan: plan)
        defer { proxy.stop() }
        let store = try ClientStore(path: work.appendingPathComponent("sync-demo-client.sqlite").path)
        return try timed(SyncEngine(store: store, transport: CurlTransport(), server: proxy.url, token: reader)) {
            try Self.floor(http, token: reader, since: 0)
        }
    }

    static func timed(_ engine: SyncEngine, floor: () throws -> Int) throws -> Figures {
        var report = SyncReport()
        let seconds = try Measurements.seconds { report = try engine.sync() }
        return Figures(seconds: seconds, requests: report.requests, connections: report.connections, bytesIn: report.bytesIn, bytesOut: report.bytesOut,
                       records: report.pulled, floor: try floor())
    }

    static func serve(_ rrcd: String, database: String, log: String) throws -> (pid_t, UInt16) {
        let server = try ServerLoad.spawn(rrcd, ["serve", "--db", database, "--listen", "127.0.0.1:0"], stderr: log)
        do { return (server, try ServerLoad.waitForPort(log)) } catch { stop(server); throw error }
    }

    static func stop(_ server: pid_t) {
        kill(server, SIGTERM)
        var status: Int32 = 0
        waitpid(server, &status, 0)
    }

    static func token(_ http: HTTPClient, _ user: String) throws -> String {
        guard let token = try http.json("POST", "/api/v1/session", ["username": user, "password": password]).json()["token"] as? String else {
            throw HTTPWireError(message: "login \(user) failed")
        }
        return token
    }

    /// 100 new posts from another account, as one push.
    static func postFromElsewhere(_ http: HTTPClient, token: String, thread: String, batch: Int) throws {
        let ops: [[String: Any]] = (0..<100).map { index in
            let id = "bench-post-\(batch)-\(index)"
            return ["op_id": "bench:\(batch):\(index)", "kind": "post.create", "entity_id": id,
                    "hlc": String(format: "%016lld-00000-bench", Int64(Date().timeIntervalSince1970 * 1000)),
                    "payload": ["id": id, "thread_id": thread, "body": "A new post number \(index) about supervision and referrals."]]
        }
        let reply = try http.json("POST", "/api/v1/sync/push", ["schema": 1, "device_id": "bench-writer", "ops": ops], token: token)
        guard reply.status == 200 else { throw HTTPWireError(message: "push from elsewhere: \(reply.status)") }
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
                // Sorted keys: the same order in every record, as rrcd writes them; a
                // dictionary's own order changes per record and would make the floor noisy.
                all.append(try JSONSerialization.data(withJSONObject: change, options: [.sortedKeys]))
            }
            cursor = page["next"] as? Int ?? cursor
            if page["more"] as? Bool != true { break }
        }
        all.append(Data("]".utf8))
        return Gzip.compress(all, level: 9).count
    }
}
