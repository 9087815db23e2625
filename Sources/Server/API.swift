// The HTTP API under /api/v1/ (docs/api.md): routing, authentication, JSON in and out,
// gzip both ways. Every check is made here or in the store; a client is never trusted.
import Compression
import Foundation
import ServerStore
import SyncProtocol

public final class API: @unchecked Sendable {
    let pool: StorePool
    let throttle: LoginThrottle
    let bodyLimit: Int
    public static let version = "0.2.0"

    public init(pool: StorePool, throttle: LoginThrottle = LoginThrottle(), bodyLimit: Int = 1 << 20) {
        self.pool = pool
        self.throttle = throttle
        self.bodyLimit = bodyLimit
    }

    /// Answers one request; never throws, never crashes on what a client sends.
    public func respond(to request: HTTPRequest) -> HTTPResponse {
        var response: HTTPResponse
        do {
            response = try route(request)
        } catch let problem as RequestProblem {
            response = .error(400, problem.code, problem.message)
        } catch let refusal as Refusal {
            response = .error(refusal.status, refusal.code, refusal.message)
            if let retry = refusal.retryAfter { response.headers.append(("Retry-After", String(retry))) }
        } catch {
            // The store failed (disk full, locked too long): say so; the client keeps its ops queued.
            response = .error(503, "unavailable", "the server could not complete this request; try again later")
        }
        return compressed(response, for: request)
    }

    struct Refusal: Error {
        var status: Int
        var code: String
        var message: String
        var retryAfter: Int?
    }

    func route(_ request: HTTPRequest) throws -> HTTPResponse {
        let prefix = "/api/v1/"
        guard request.path.hasPrefix(prefix) else { throw Refusal(status: 404, code: "not_found", message: "no such endpoint") }
        let path = String(request.path.dropFirst(prefix.count))
        func allow(_ methods: String...) throws {
            guard methods.contains(request.method) else {
                throw Refusal(status: 405, code: "method_not_allowed", message: "\(request.method) is not allowed here")
            }
        }
        switch path {
        case "ping":
            try allow("GET", "HEAD")
            return HTTPResponse(status: 200, headers: [("Content-Type", "text/plain")], body: .data(Data("ok\n".utf8)))
        case "health":
            try allow("GET")
            return try health()
        case "session":
            try allow("POST", "DELETE")
            return request.method == "POST" ? try login(request) : try logout(request)
        case "me":
            try allow("GET")
            let user = try authenticate(request)
            var response = HTTPResponse.json(Self.info(user))
            response.user = user.username
            return response
        case "sync/push":
            try allow("POST")
            return try push(request)
        case "sync/pull":
            try allow("GET")
            return try pull(request)
        default:
            if path.hasPrefix("files/") {
                try allow("GET", "HEAD")
                return try file(String(path.dropFirst("files/".count)), request)
            }
            throw Refusal(status: 404, code: "not_found", message: "no such endpoint")
        }
    }

    static func info(_ user: ServerUser) -> UserInfo {
        UserInfo(id: user.id, username: user.username, displayName: user.displayName, role: user.role.rawValue)
    }

    // MARK: Bodies

    /// The request body as JSON: gunzipped if sent so (bounded), UTF-8, not too deep.
    func json(_ request: HTTPRequest) throws -> JSONValue {
        var body = request.body
        if let encoding = request.headers["content-encoding"]?.lowercased(), encoding != "identity" {
            guard encoding == "gzip" else {
                throw Refusal(status: 415, code: "unsupported_encoding", message: "bodies may be sent as gzip or plain")
            }
            do {
                body = try Gzip.decompress(body, limit: bodyLimit)
            } catch is Gzip.TooLarge {
                throw Refusal(status: 413, code: "body_too_large", message: "the request body is larger than \(bodyLimit) bytes")
            } catch {
                throw RequestProblem(code: "invalid_body", message: "the gzip body is corrupt")
            }
        }
        guard !body.isEmpty else { throw RequestProblem(code: "invalid_json", message: "the body is empty") }
        return try JSONValue.parse(body)
    }

    func compressed(_ response: HTTPResponse, for request: HTTPRequest) -> HTTPResponse {
        guard case .data(let data) = response.body, data.count > 512, Gzip.accepted(by: request.headers["accept-encoding"])
        else { return response }
        var result = response
        // Small answers (the everyday incremental sync) get the best compression: at that
        // size level 9 costs nothing noticeable, and on a 32 kbit/s link every byte is felt.
        result.body = .data(Gzip.compress(data, level: data.count <= 16 * 1024 ? 9 : 6))
        result.headers += [("Content-Encoding", "gzip"), ("Vary", "Accept-Encoding")]
        return result
    }

    // MARK: Sessions

    func authenticate(_ request: HTTPRequest) throws -> ServerUser {
        guard let token = request.bearerToken else {
            throw Refusal(status: 401, code: "unauthorized", message: "log in first: send Authorization: Bearer TOKEN")
        }
        switch try pool.with({ try $0.session(token: token) }) {
        case .valid(let user): return user
        case .expired: throw Refusal(status: 401, code: "token_expired", message: "the session has expired; log in again")
        case .unknown: throw Refusal(status: 401, code: "unauthorized", message: "the token is not valid; log in again")
        }
    }

    func login(_ request: HTTPRequest) throws -> HTTPResponse {
        var fields = try FieldReader(try json(request))
        let username = try fields.string("username", maxLength: 64)
        let password = try fields.string("password", maxLength: 1024)
        try fields.finish()
        let keys = ["user:" + username.lowercased(), "address:" + request.clientAddress]
        if let wait = throttle.retryAfter(keys: keys) {
            throw Refusal(status: 429, code: "too_many_attempts", message: "too many failed logins; try again in \(wait) seconds",
                          retryAfter: wait)
        }
        throttle.hashing.wait()
        defer { throttle.hashing.signal() }
        guard let user = try pool.with({ try $0.authenticate(username: username, password: password) }) else {
            throttle.recordFailure(keys: keys)
            throw Refusal(status: 401, code: "invalid_credentials", message: "the username or password is wrong")
        }
        throttle.recordSuccess(keys: keys)
        let token = try pool.with { try $0.startSession(for: user) }
        var response = HTTPResponse.json(SessionResponse(token: token, user: Self.info(user)))
        response.user = user.username
        return response
    }

    func logout(_ request: HTTPRequest) throws -> HTTPResponse {
        let user = try authenticate(request)
        if let token = request.bearerToken { try pool.with { try $0.endSession(token: token) } }
        var response = HTTPResponse(status: 204)
        response.user = user.username
        return response
    }

    // MARK: Sync

    func push(_ request: HTTPRequest) throws -> HTTPResponse {
        let user = try authenticate(request)
        var fields = try FieldReader(try json(request))
        let schema = try fields.int("schema")
        let device = try fields.identifier("device_id")
        let items = try fields.array("ops", maxCount: 1000)
        try fields.finish()
        guard schema == ProtocolVersion.current else {
            throw Refusal(status: 409, code: "unsupported_schema",
                          message: "this server speaks protocol \(ProtocolVersion.current); keep the ops queued and update rrc")
        }
        var ops: [PushOp] = []
        for (index, item) in items.enumerated() {
            var op = try FieldReader(item, path: "ops[\(index)]")
            ops.append(PushOp(opID: try op.identifier("op_id"), kind: try op.string("kind", maxLength: 40),
                              entityID: try op.string("entity_id", maxLength: 300), baseVersion: try op.optionalInt("base_version"),
                              hlc: try op.string("hlc", maxLength: 200), payload: try op.value("payload")))
            try op.finish()
        }
        let result = try pool.with { try $0.push(ops, device: device, user: user) }
        var response = HTTPResponse.json(result)
        response.user = user.username
        return response
    }

    func pull(_ request: HTTPRequest) throws -> HTTPResponse {
        let user = try authenticate(request)
        let since = try Self.number(request.query["since"] ?? "0", name: "since")
        let limit = try Self.number(request.query["limit"] ?? "200", name: "limit")
        guard let scope = PullScope(query: request.query["scope"] ?? "") else {
            throw RequestProblem(code: "invalid_field", message: "scope must be terms like lang:ro,forum:ID")
        }
        let page = try pool.with { try $0.pull(since: since, limit: limit, scope: scope, user: user) }
        var response = HTTPResponse(status: 200, headers: [("Content-Type", HTTPResponse.jsonContentType)], body: .data(page.json()))
        response.user = user.username
        return response
    }

    static func number(_ text: String, name: String) throws -> Int {
        guard let value = Int(text), value >= 0 else {
            throw RequestProblem(code: "invalid_field", message: "\(name) must be a whole number ≥ 0")
        }
        return value
    }

    // MARK: Files

    func file(_ name: String, _ request: HTTPRequest) throws -> HTTPResponse {
        let user = try authenticate(request)
        // Only a SHA-256 names a file: nothing else (no "..", no "/") reaches the disk.
        guard let found = try pool.with({ try $0.file(sha256: name) }) else {
            throw Refusal(status: 404, code: "not_found", message: "no file with that SHA-256")
        }
        var headers = [("Content-Type", "application/octet-stream"), ("Accept-Ranges", "bytes"),
                       ("ETag", "\"\(name)\""), ("Cache-Control", "private, max-age=31536000, immutable")]
        var status = 200, offset = 0, length = found.size
        if let range = request.headers["range"] {
            guard let (start, end) = Self.byteRange(range, size: found.size) else {
                var refused = HTTPResponse.error(416, "range_not_satisfiable", "the range is outside the file")
                refused.headers.append(("Content-Range", "bytes */\(found.size)"))
                return refused
            }
            status = 206
            offset = start
            length = end - start + 1
            headers.append(("Content-Range", "bytes \(start)-\(end)/\(found.size)"))
        }
        var response = HTTPResponse(status: status, headers: headers,
                                    body: request.method == "HEAD" ? .data(Data()) : .file(path: found.url.path, offset: offset, length: length))
        response.user = user.username
        return response
    }

    /// `bytes=a-b`, `bytes=a-` or `bytes=-n` within `size`; nil when unsatisfiable.
    static func byteRange(_ header: String, size: Int) -> (Int, Int)? {
        guard header.hasPrefix("bytes="), !header.contains(",") else { return nil }
        let spec = header.dropFirst(6).split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard spec.count == 2, size > 0 else { return nil }
        if spec[0].isEmpty {
            guard let suffix = Int(spec[1]), suffix > 0 else { return nil }
            return (max(0, size - suffix), size - 1)
        }
        guard let start = Int(spec[0]), start >= 0, start < size else { return nil }
        if spec[1].isEmpty { return (start, size - 1) }
        guard let end = Int(spec[1]), end >= start else { return nil }
        return (start, min(end, size - 1))
    }

    // MARK: Health

    func health() throws -> HTTPResponse {
        struct Health: Encodable {
            var status = "ok"
            var version = API.version
            var epoch: String
            var lastSeq: Int
            var records: [String: Int]
            enum CodingKeys: String, CodingKey { case status, version, epoch, records, lastSeq = "last_seq" }
        }
        let value = try pool.with { store in
            Health(epoch: try store.epoch(), lastSeq: try store.lastSeq(), records: try store.recordCounts())
        }
        return .json(value)
    }
}
