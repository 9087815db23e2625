// Crashes at random points: the real rrc killed (SIGKILL) during sync (push, pull, apply)
// and during an import, the real rrcd killed during pushes. After each: the file is sound,
// the cursor is never ahead of the data, the outbox lost nothing; the final state equals a
// crash-free run's.
import ClientStore
import ContentPack
import Foundation
import SyncClient
import TestSupport
import Testing

@Suite(.serialized) struct CrashTests {
    static let password = "correct horse battery"

    func server() throws -> ServerProcess {
        let server = try ServerProcess(pack: ProjectPaths.root.appendingPathComponent("demo/pack"))
        try server.addUser("ana", password: Self.password)
        try server.start()
        return server
    }

    func token(_ server: ServerProcess) throws -> String {
        try server.client().json("POST", "/api/v1/session", ["username": "ana", "password": Self.password]).json()["token"] as? String ?? ""
    }

    @Test func theClientKilledDuringSyncLosesNothingAndNeverRunsAhead() throws {
        var passed = 0, failed: [UInt64] = [], kills = 0
        for seed in SoakSettings.seeds(bounded: 1, soak: 10) {
            do {
                kills += try clientKills(seed: seed, rounds: SoakSettings.isSoak ? 30 : 8)
                passed += 1
            } catch {
                failed.append(seed)
                Issue.record("seed \(seed): \(error)")
            }
        }
        SoakSettings.report("crash (client during sync)", passed: passed, failed: failed, details: "\(kills) kills")
    }

    func clientKills(seed: UInt64, rounds: Int) throws -> Int {
        var random = SeededRandom(seed: seed)
        let server = try server()
        var plan = FaultProxy.Plan()
        plan.faultRate = 0
        plan.bitsPerSecond = 400_000  // slow enough for kills to land inside push, pull and apply
        plan.roundTripMilliseconds = 100
        let proxy = try FaultProxy(upstreamPort: server.port, seed: seed, plan: plan)
        defer { proxy.stop() }
        let home = TemporaryFolder("rrc-crash-home")
        let environment = ["RRC_HOME": home.path]
        let login = try ProgramRun.run("rrc", ["login", "--server", proxy.url, "--user", "ana", "--password-stdin"],
                                       environment: environment, input: Data((Self.password + "\n").utf8))
        guard login.status == 0 else { throw Mismatch(description: "login: \(login.stderr)") }
        let storePath = home.url.appendingPathComponent("data/rrc.sqlite").path
        var written: [String] = []
        var kills = 0
        for round in 0..<rounds {
            // Something new to push each round (once there is a thread to answer).
            do {
                let store = try ClientStore(path: storePath)
                if try store.thread(id: "t-ro-bunici") != nil {
                    for index in 0..<3 {
                        written.append(try store.queue(Draft(target: .reply(thread: "t-ro-bunici", replyTo: nil),
                                                             body: "crash s\(seed) r\(round) n\(index)")).entityID)
                    }
                }
            }
            if try !KillAfter.run("rrc", ["sync"], environment: environment, milliseconds: Int.random(in: 30...1500, using: &random)) {
                kills += 1
            }
            try checkAfterCrash(storePath: storePath, written: written, server: server)
        }
        proxy.setPlan(FaultProxy.Plan.clean)
        for _ in 0..<3 where try ProgramRun.run("rrc", ["sync"], environment: environment).status != 0 {}
        let store = try ClientStore(path: storePath)
        let token = try token(server)
        try ReplicaCheck.verify(store, name: "crashed client", http: server.client(), token: token, written: written)
        try ReplicaCheck.noDuplicates(server.client(), token: token, prefix: "crash ")
        return kills
    }

    /// Sound file; nothing written is gone; every record up to the cursor is here.
    func checkAfterCrash(storePath: String, written: [String], server: ServerProcess) throws {
        let store = try ClientStore(path: storePath)
        guard try store.database.integrityProblems().isEmpty else { throw Mismatch(description: "integrity check failed") }
        let token = try token(server)
        let view = try ReplicaCheck.serverView(server.client(), token: token)
        let waiting = Set(try store.opsToSend(maxBytes: .max).map(\.entityID))
        for id in written where view["post"]?[id] == nil && !waiting.contains(id) {
            throw Mismatch(description: "\(id) is neither on the server nor in the outbox")
        }
        guard let cursor = try store.cursor(scope: "") else { return }
        let seen = try ReplicaCheck.serverView(server.client(), token: token, upTo: cursor.lastSeq)
        for (kind, table) in [("post", "posts"), ("thread", "threads"), ("resource", "resources")] {
            for id in (seen[kind] ?? [:]).keys {
                guard try store.database.scalar("SELECT 1 FROM \(table) WHERE id = ?", id, as: Int.self) != nil else {
                    throw Mismatch(description: "the cursor (\(cursor.lastSeq)) is ahead of the data: \(kind) \(id) is missing")
                }
            }
        }
    }

    @Test func anImportKilledHalfWayLeavesASoundStoreAndCompletesNextTime() throws {
        var random = SeededRandom(seed: SoakSettings.seeds(bounded: 1, soak: 1)[0])
        let home = TemporaryFolder("rrc-crash-import")
        let environment = ["RRC_HOME": home.path]
        // A pack big enough to take a while: one thread, 4 000 posts.
        let packFolder = TemporaryFolder("rrc-crash-pack")
        packFolder.write("forum.md", PackFile.make(["id": "f1", "kind": "forum", "language": "ro", "title": "Forum"]))
        packFolder.write("t1.md", PackFile.make(["id": "t1", "kind": "thread", "language": "ro", "title": "Fir", "forum": "f1",
                                                 "author": "ana", "created": "2025-01-01"], body: "Început."))
        for index in 0..<4000 {
            packFolder.write("posts/p\(index).md", PackFile.make(["id": "p\(index)", "kind": "post", "language": "ro", "thread": "t1",
                                                                 "author": "ana", "created": "2025-01-02"], body: "Mesajul \(index) despre supervizie."))
        }
        let pack = packFolder.path
        var kills = 0
        for _ in 0..<(SoakSettings.isSoak ? 30 : 5) {
            if try !KillAfter.run("rrc", ["import", pack], environment: environment, milliseconds: Int.random(in: 20...250, using: &random)) {
                kills += 1
            }
            let path = home.url.appendingPathComponent("data/rrc.sqlite").path
            guard FileManager.default.fileExists(atPath: path) else { continue }  // killed before it began
            let store = try ClientStore(path: path)
            #expect(try store.database.integrityProblems().isEmpty)
        }
        #expect(try ProgramRun.run("rrc", ["import", pack], environment: environment).status == 0)
        let counts = try ClientStore(path: home.url.appendingPathComponent("data/rrc.sqlite").path).counts()
        #expect(counts.posts == 4000 && counts.threads == 1)
        SoakSettings.report("crash (client during import)", passed: 1, failed: [], details: "\(kills) kills")
    }

    @Test func theServerKilledDuringPushesKeepsEveryOpExactlyOnce() throws {
        var random = SeededRandom(seed: SoakSettings.seeds(bounded: 1, soak: 1)[0])
        let server = try server()
        let proxy = try FaultProxy(upstreamPort: server.port, seed: 7, plan: .clean)
        defer { proxy.stop() }
        let folder = TemporaryFolder("rrc-crash-server")
        let store = try ClientStore(path: folder.url.appendingPathComponent("rrc.sqlite").path)
        let token = try token(server)
        var kills = 0
        for round in 0..<(SoakSettings.isSoak ? 20 : 4) {
            let engine = SyncEngine(store: store, transport: CurlTransportForTests.make(), server: proxy.url, token: try self.token(server))
            _ = try? engine.sync()
            for index in 0..<20 {
                try store.queue(Draft(target: .reply(thread: "t-ro-bunici", replyTo: nil), body: "server-crash r\(round) n\(index)"))
            }
            // Push on another thread; kill the server underneath it.
            let pushing = Thread { _ = try? SyncEngine(store: try ClientStore(path: folder.url.appendingPathComponent("rrc.sqlite").path),
                                                       transport: CurlTransportForTests.make(), server: proxy.url, token: token).sync() }
            pushing.start()
            usleep(UInt32(Int.random(in: 0...40, using: &random) * 1000))
            server.stop(signal: SIGKILL)
            kills += 1
            while pushing.isExecuting { usleep(10_000) }
            try server.start()
            proxy.upstreamPort = server.port
        }
        _ = try SyncEngine(store: store, transport: CurlTransportForTests.make(), server: proxy.url, token: try self.token(server)).sync()
        #expect(try store.opsToSend(maxBytes: .max).isEmpty)
        try ReplicaCheck.noDuplicates(server.client(), token: try self.token(server), prefix: "server-crash")
        let bodies = (try ReplicaCheck.serverView(server.client(), token: try self.token(server))["post"] ?? [:]).values
            .compactMap { $0["body"] as? String }.filter { $0.hasPrefix("server-crash") }
        #expect(bodies.count == 20 * (SoakSettings.isSoak ? 20 : 4))
        SoakSettings.report("crash (server during push)", passed: 1, failed: [], details: "\(kills) kills")
    }
}

extension FaultProxy.Plan {
    /// No faults, full speed.
    static var clean: FaultProxy.Plan {
        var plan = FaultProxy.Plan()
        plan.faultRate = 0
        return plan
    }
}
