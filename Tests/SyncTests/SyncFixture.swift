// A real rrcd with the demo pack and client homes driven through the real rrc binary, or
// through the sync engine in-process when a test needs to break the link on purpose.
import ClientStore
import Foundation
import HTTPTransport
import SyncClient
import TestSupport

final class SyncFixture {
    let server: ServerProcess
    var url: String { "http://127.0.0.1:\(server.port)" }
    static let password = "correct horse battery"

    init(users: [(String, String)] = [("ana", "member"), ("ben", "member"), ("mod", "moderator")]) throws {
        server = try ServerProcess(pack: ProjectPaths.root.appendingPathComponent("demo/pack"))
        for (name, role) in users { try server.addUser(name, role: role, password: Self.password) }
        try server.start()
    }

    /// A client home with an account logged in.
    func client(_ user: String) throws -> ClientHome {
        let home = ClientHome(fixture: self)
        let login = try home.rrc(["login", "--server", url, "--user", user, "--password-stdin"], input: Self.password + "\n")
        guard login.status == 0 else { throw ServerFailure(message: "login: \(login.stderr)") }
        return home
    }

    func token(_ user: String) throws -> String {
        let reply = try server.client().json("POST", "/api/v1/session", ["username": user, "password": Self.password])
        return try reply.json()["token"] as? String ?? ""
    }

    /// Every post id on the server, as a moderator sees the log (hidden ones included).
    func serverPosts() throws -> [String: [String: Any]] {
        let token = try token("mod")
        var cursor = 0
        var posts: [String: [String: Any]] = [:]
        while true {
            let page = try server.client().request("GET", "/api/v1/sync/pull?since=\(cursor)&limit=1000", token: token).json()
            for change in page["changes"] as? [[String: Any]] ?? [] where change["kind"] as? String == "post" {
                posts[change["id"] as? String ?? ""] = change["data"] as? [String: Any]
            }
            cursor = page["next"] as? Int ?? cursor
            if page["more"] as? Bool != true { return posts }
        }
    }
}

final class ClientHome {
    let folder = TemporaryFolder("rrc-sync-home")
    let fixture: SyncFixture
    init(fixture: SyncFixture) { self.fixture = fixture }

    var storePath: String { folder.url.appendingPathComponent("data/rrc.sqlite").path }

    func rrc(_ arguments: [String], input: String? = nil) throws -> ProgramResult {
        try ProgramRun.run("rrc", arguments, environment: ["RRC_HOME": folder.path], input: input.map { Data($0.utf8) })
    }

    func store() throws -> ClientStore { try ClientStore(path: storePath) }

    /// The sync engine on this home's store, over `transport` (the real one unless a test breaks it).
    func engine(_ transport: Transport = CurlTransport()) throws -> SyncEngine {
        let account = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.url.appendingPathComponent("config/account.json"))) as? [String: Any]
        return SyncEngine(store: try store(), transport: transport, server: fixture.url, token: account?["token"] as? String ?? "")
    }
}

/// The real transport with faults on demand: a response lost after the server acted, or a
/// request that never gets through.
final class FaultyTransport: Transport, @unchecked Sendable {
    let real = CurlTransport()
    /// Called per request with its number (from 1); return true to lose that request's answer.
    var loseAnswer: (Int, TransportRequest) -> Bool = { _, _ in false }
    private(set) var count = 0

    func send(_ request: TransportRequest) throws -> TransportResponse {
        count += 1
        let response = try real.send(request)
        if loseAnswer(count, request) { throw TransportError.unreachable("connection reset (injected)") }
        return response
    }

    func download(_ url: String, headers: [String: String], into partFile: URL) throws -> (status: Int, bytes: Int) {
        try real.download(url, headers: headers, into: partFile)
    }
}
