// Bad input gets a JSON error with the right status and stores nothing; the server keeps
// serving. Also sessions ending, login throttling, files with Range, a graceful stop.
import Compression
import Foundation
import TestSupport
import Testing

@Suite struct HostileInputTests {
    let fixture: ServerFixture
    init() throws { fixture = try ServerFixture() }
    var http: HTTPClient { fixture.http }

    func expectError(_ reply: HTTPReply, _ status: Int, _ code: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(reply.status == status, "\(reply.status) \(reply.text)", sourceLocation: sourceLocation)
        #expect(reply.errorCode == code, "\(reply.text)", sourceLocation: sourceLocation)
        #expect(reply.headers["content-type"]?.hasPrefix("application/json") == true, sourceLocation: sourceLocation)
    }

    @Test func malformedBodiesAreRefusedAndNothingIsStored() throws {
        let token = try fixture.login("ana")
        let before = try fixture.lastSeq()
        let push = "/api/v1/sync/push"
        expectError(try http.request("POST", push, body: Data("{\"schema\": 1, ".utf8), token: token), 400, "invalid_json")
        expectError(try http.request("POST", push, body: Data([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D]), token: token), 400, "invalid_json")
        expectError(try http.request("POST", push, body: Data((String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8),
                                     token: token), 400, "invalid_json")
        expectError(try http.json("POST", push, ["schema": "one", "device_id": "d", "ops": []], token: token), 400, "invalid_field")
        expectError(try http.json("POST", push, ["schema": 1, "device_id": "d", "ops": [], "admin": true], token: token), 400, "unknown_field")
        expectError(try http.json("POST", push, ["schema": 1, "device_id": "../etc", "ops": []], token: token), 400, "invalid_field")
        expectError(try http.json("POST", push, ["schema": 1, "device_id": "d", "ops": [["op_id": "x"]]], token: token), 400, "missing_field")
        expectError(try http.json("POST", push, ["schema": 99, "device_id": "d", "ops": []], token: token), 409, "unsupported_schema")
        // 2 MiB against the 1 MiB limit, declared and undeclared (gzip that inflates past it).
        expectError(try http.request("POST", push, body: Data(repeating: 0x20, count: 2 << 20), token: token), 413, "body_too_large")
        expectError(try http.request("POST", push, headers: ["Content-Encoding": "gzip"],
                                     body: Gzip.compress(Data(repeating: 0x20, count: 4 << 20)), token: token), 413, "body_too_large")
        // Per-op problems answer per op; SQL-ish text is just text.
        let results = try fixture.push([
            ServerFixture.op("x:1", "post.create", entity: "p-x", payload: ["id": "p-x", "thread_id": "t-ro-bunici", "body": 42]),
            ServerFixture.op("x:2", "post.create", entity: "p-y", payload: ["id": "p-y", "thread_id": "t-ro-bunici", "body": "ok", "author_id": "mod"]),
            ServerFixture.op("x:3", "drop.table", entity: "p-z", payload: ["id": "p-z"]),
            ServerFixture.op("x:4", "post.create", entity: "p-q", hlc: "yesterday", payload: ["id": "p-q", "thread_id": "t-ro-bunici", "body": "x"]),
        ], token: token)
        #expect(results.map { $0["code"] as? String } == ["invalid_field", "unknown_field", "unknown_kind", "invalid_field"])
        #expect(try fixture.lastSeq() == before)
        let sql = try fixture.push([ServerFixture.op("x:5", "post.create", entity: "p-sql",
                                                     payload: ["id": "p-sql", "thread_id": "t-ro-bunici", "body": "'); DROP TABLE records; --"])], token: token)
        #expect(sql.first?["status"] as? String == "applied")
        #expect(try fixture.lastSeq() == before + 1)
        #expect(try http.request("GET", "/api/v1/health").status == 200)
    }

    @Test func tokensMissingForgedOrEndedGet401() throws {
        expectError(try http.request("GET", "/api/v1/me"), 401, "unauthorized")
        expectError(try http.request("GET", "/api/v1/me", token: "forged-token-value"), 401, "unauthorized")
        expectError(try http.request("GET", "/api/v1/me", headers: ["Authorization": "Basic YW5hOnB3"]), 401, "unauthorized")
        let token = try fixture.login("ana")
        #expect(try http.request("GET", "/api/v1/me", token: token).status == 200)
        #expect(try http.request("DELETE", "/api/v1/session", token: token).status == 204)
        expectError(try http.request("GET", "/api/v1/me", token: token), 401, "unauthorized")
        let ben = try fixture.login("ben")
        #expect(try fixture.server.command(["user", "disable", "ben"]).status == 0)
        expectError(try http.request("GET", "/api/v1/sync/pull", token: ben), 401, "unauthorized")
        expectError(try http.json("POST", "/api/v1/session", ["username": "ben", "password": ServerFixture.password]), 401, "invalid_credentials")
        // Nothing secret in the log.
        #expect(!fixture.server.log.contains(token) && !fixture.server.log.contains(ServerFixture.password))
    }

    @Test func repeatedFailedLoginsAreThrottledWithRetryAfter() throws {
        for _ in 0..<5 {
            expectError(try http.json("POST", "/api/v1/session", ["username": "ana", "password": "wrong-password"]), 401, "invalid_credentials")
        }
        let throttled = try http.json("POST", "/api/v1/session", ["username": "ana", "password": ServerFixture.password])
        expectError(throttled, 429, "too_many_attempts")
        #expect(Int(throttled.headers["retry-after"] ?? "") ?? 0 > 0)
        expectError(try http.json("POST", "/api/v1/session", ["username": "x' OR '1'='1", "password": "p"]), 429, "too_many_attempts")
    }

    @Test func filesAreServedByHashWithRangesAndNothingElseReachesTheDisk() throws {
        let token = try fixture.login("ana")
        let files = try FileManager.default.contentsOfDirectory(atPath: fixture.server.database + "-files")
        let name = try #require(files.sorted().first)
        let whole = try http.request("GET", "/api/v1/files/\(name)", token: token)
        #expect(whole.status == 200 && whole.body.count > 10)
        let middle = whole.body.count / 2
        let rest = try http.request("GET", "/api/v1/files/\(name)", headers: ["Range": "bytes=\(middle)-"], token: token)
        #expect(rest.status == 206 && rest.headers["content-range"] == "bytes \(middle)-\(whole.body.count - 1)/\(whole.body.count)")
        #expect(whole.body.prefix(middle) + rest.body == whole.body)
        expectError(try http.request("GET", "/api/v1/files/\(name)", headers: ["Range": "bytes=\(whole.body.count + 5)-"], token: token),
                    416, "range_not_satisfiable")
        for hostile in ["../../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", String(repeating: "a", count: 64), name.uppercased()] {
            expectError(try http.request("GET", "/api/v1/files/\(hostile)", token: token), 404, "not_found")
        }
        expectError(try http.request("GET", "/api/v1/files/\(name)"), 401, "unauthorized")
    }

    @Test func unknownPathsAndMethodsAnswerJSON() throws {
        expectError(try http.request("GET", "/api/v1/nothing"), 404, "not_found")
        expectError(try http.request("GET", "/etc/passwd"), 404, "not_found")
        expectError(try http.request("PUT", "/api/v1/ping"), 405, "method_not_allowed")
    }

    @Test func aStopSignalLetsTheServerFinishAndExitCleanly() throws {
        #expect(fixture.server.stop() == 0)
        #expect(fixture.server.log.contains("rrcd: stopped"))
    }
}
