// The server against hostile clients: connections that trickle bytes (slowloris) must not
// keep others from being served, and a seeded fuzzer throws malformed, mutated and deep
// bodies at every decoder — the server answers each with a JSON error, stores nothing it
// should not, and keeps serving.
import Compression
import Foundation
import TestSupport
import Testing

@Suite(.serialized) struct HostileServerTests {
    static let password = "correct horse battery"

    @Test func slowClientsHoldingConnectionsDoNotStopOthers() throws {
        let server = try ServerProcess(pack: ProjectPaths.root.appendingPathComponent("demo/pack"))
        try server.start()
        let http = server.client()
        // 300 connections, each sending half a request line and then nothing.
        var slow: [Int32] = []
        for _ in 0..<300 {
            let socket = try http.connect()
            _ = "GET /api/v1/hea".withCString { send(socket, $0, 15, Int32(MSG_NOSIGNAL)) }
            slow.append(socket)
        }
        defer { slow.forEach { close($0) } }
        let started = Date()
        let health = try http.request("GET", "/api/v1/health")
        #expect(health.status == 200)
        #expect(Date().timeIntervalSince(started) < 5, "a normal request waited behind slow ones")
        SoakSettings.report("hostile input (slowloris)", passed: health.status == 200 ? 1 : 0, failed: [], details: "300 trickling connections")
    }

    @Test func fuzzedRequestsAlwaysGetJSONErrorsAndNeverCrashTheServer() throws {
        let server = try ServerProcess(pack: ProjectPaths.root.appendingPathComponent("demo/pack"))
        try server.addUser("ana", password: Self.password)
        try server.start()
        let http = server.client()
        let token = try http.json("POST", "/api/v1/session", ["username": "ana", "password": Self.password]).json()["token"] as? String ?? ""
        let before = try http.request("GET", "/api/v1/health").json()["last_seq"] as? Int ?? -1
        var failed: [UInt64] = [], tried = 0, passed = 0
        for seed in SoakSettings.seeds(bounded: 1, soak: 10) {
            var random = SeededRandom(seed: seed)
            var seedFailed = false
            for _ in 0..<(SoakSettings.isSoak ? 3000 : 300) {
                let (path, body) = Fuzz.request(&random)
                tried += 1
                let reply: HTTPReply
                do {
                    reply = try http.request("POST", path, headers: body.gzip ? ["Content-Encoding": "gzip"] : [:],
                                             body: body.gzip ? Gzip.compress(body.bytes) : body.bytes, token: token)
                } catch {
                    seedFailed = true
                    Issue.record("seed \(seed): no answer to \(path) with \(body.bytes.count) bytes: \(error)")
                    break
                }
                // Some fuzzed pushes are valid and apply; everything else is a JSON error, never a 5xx.
                let acceptable = reply.status == 200 || (400...499).contains(reply.status) && reply.errorCode != nil
                if !acceptable {
                    seedFailed = true
                    Issue.record("seed \(seed): \(path) answered \(reply.status) \(reply.text.prefix(200))")
                    break
                }
            }
            if seedFailed { failed.append(seed) } else { passed += 1 }
        }
        #expect(try http.request("GET", "/api/v1/health").status == 200)
        // Only well-formed pushes of real kinds may have written anything, and only posts.
        let after = try http.request("GET", "/api/v1/health").json()["last_seq"] as? Int ?? -1
        #expect(after >= before)
        SoakSettings.report("hostile input (fuzzer)", passed: passed, failed: failed, details: "\(tried) requests")
    }
}

/// Seeded request bodies: valid ones mutated (bytes flipped, cut, types swapped, fields
/// added), random bytes, invalid UTF-8, very deep nesting, huge strings.
enum Fuzz {
    struct Body { var bytes: Data; var gzip: Bool }

    static let seeds: [(String, String)] = [
        ("/api/v1/session", #"{"username":"ana","password":"wrong password"}"#),
        ("/api/v1/sync/push", #"{"schema":1,"device_id":"fuzz","ops":[{"op_id":"fuzz:1","kind":"post.create","entity_id":"fz1","hlc":"0001733000000000-00000-fuzz","payload":{"id":"fz1","thread_id":"t-ro-bunici","body":"fuzz"}}]}"#),
        ("/api/v1/sync/push", #"{"schema":1,"device_id":"fuzz","ops":[{"op_id":"fuzz:2","kind":"personal.set","entity_id":"bookmark:resource:x","hlc":"0001733000000000-00000-fuzz","payload":{"key":"bookmark:resource:x","value":true}}]}"#),
    ]

    static func request(_ random: inout SeededRandom) -> (String, Body) {
        let (path, text) = seeds.randomElement(using: &random)!
        var bytes = Array(text.utf8)
        switch Int.random(in: 0..<9, using: &random) {
        case 0:  // flip bytes
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
        case 1:  // cut
            bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &random)))
        case 2:  // random bytes
            bytes = (0..<Int.random(in: 0...2000, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
        case 3:  // deep nesting
            let depth = Int.random(in: 30...20_000, using: &random)
            bytes = Array((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8)
        case 4:  // swap a value for another type
            let replacements = ["1", "true", "null", "[]", "{}", "\"x\"", "-1", "1e309", "\"\\u0000\""]
            var textValue = text
            if let range = textValue.range(of: "\"fuzz\"") ?? textValue.range(of: "1") {
                textValue.replaceSubrange(range, with: replacements.randomElement(using: &random)!)
            }
            bytes = Array(textValue.utf8)
        case 5:  // an unknown field
            bytes = Array(text.replacingOccurrences(of: "{\"", with: "{\"extra\":\"x\",\"").utf8)
        case 6:  // invalid UTF-8 inside a string
            if let index = bytes.firstIndex(of: UInt8(ascii: "z")) { bytes.insert(contentsOf: [0xC3, 0x28, 0xFF], at: index) }
        case 7:  // a huge string
            bytes = Array(text.replacingOccurrences(of: "fuzz\"}", with: String(repeating: "ș", count: Int.random(in: 1...300_000, using: &random)) + "\"}").utf8)
        default:  // SQL-ish and path-ish text
            bytes = Array(text.replacingOccurrences(of: "t-ro-bunici", with: "'; DROP TABLE records; --../../etc/passwd").utf8)
        }
        return (path, Body(bytes: Data(bytes), gzip: Int.random(in: 0..<5, using: &random) == 0))
    }
}
