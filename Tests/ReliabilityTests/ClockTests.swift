// Wrong clocks: one device a year behind, one a day ahead, one whose clock jumps back a
// week half-way. They write and edit the same user's posts in random order; afterwards
// every replica converges and every device's last edit of a post reached the server (its
// revision history holds it, whichever text the clocks made win).
import ClientStore
import Foundation
import Storage
import SyncClient
import TestSupport
import Testing

@Suite(.serialized) struct ClockTests {
    static let password = "correct horse battery"

    @Test func skewedAndJumpingClocksLoseNoEdit() throws {
        var passed = 0, failed: [UInt64] = []
        for seed in SoakSettings.seeds(bounded: 1, soak: 10) {
            do { try run(seed: seed); passed += 1 } catch { failed.append(seed); Issue.record("seed \(seed): \(error)") }
        }
        SoakSettings.report("clocks", passed: passed, failed: failed, details: "offsets -1 year, +1 day, a jump back of a week")
    }

    func run(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let server = try ServerProcess(pack: ProjectPaths.root.appendingPathComponent("demo/pack"))
        try server.addUser("ana", password: Self.password)
        try server.start()
        let http = server.client()
        let session = try http.json("POST", "/api/v1/session", ["username": "ana", "password": Self.password]).json()
        let token = session["token"] as? String ?? ""
        let url = "http://127.0.0.1:\(server.port)"
        let year: TimeInterval = 365 * 24 * 3600
        var offsets: [TimeInterval] = [-year, 24 * 3600, 0]
        var devices: [(folder: TemporaryFolder, store: ClientStore, engine: SyncEngine)] = []
        for _ in offsets {
            let folder = TemporaryFolder("rrc-clock")
            let store = try ClientStore(path: folder.url.appendingPathComponent("rrc.sqlite").path)
            try store.setLocalAuthor("ana")
            devices.append((folder, store, SyncEngine(store: store, transport: CurlTransportForTests.make(), server: url, token: token)))
        }
        for device in devices { _ = try device.engine.sync() }
        var lastEdit: [String: [Int: String]] = [:]  // post → device → its last text
        for step in 0..<40 {
            if step == 20 { offsets[2] = -7 * 24 * 3600 }  // the third device's clock jumps back
            let index = Int.random(in: 0..<devices.count, using: &random)
            let device = devices[index]
            let now = Date().addingTimeInterval(offsets[index])
            let mine: [String] = try device.store.database.all("SELECT id FROM posts WHERE author_id = 'ana' AND hidden = 0 ORDER BY id") { $0[0] }
            switch Int.random(in: 0..<4, using: &random) {
            case 0:
                let text = "clock s\(seed) step \(step) new"
                let queued = try device.store.queue(Draft(target: .reply(thread: "t-ro-bunici", replyTo: nil), body: text), now: now)
                lastEdit[queued.entityID, default: [:]][index] = text
            case 1, 2:
                guard let post = mine.randomElement(using: &random) else { continue }
                let text = "clock s\(seed) step \(step) edit by \(index)"
                try device.store.queue(Draft(target: .edit(post: post), body: text), now: now)
                lastEdit[post, default: [:]][index] = text
            default:
                _ = try? device.engine.sync()
            }
        }
        for _ in 0..<3 { for device in devices { _ = try device.engine.sync() } }
        for (index, device) in devices.enumerated() {
            try ReplicaCheck.verify(device.store, name: "device \(index)", http: http, token: token, written: [])
        }
        let history = try Database(path: server.database)
        for (post, edits) in lastEdit {
            let kept = Set(try history.all("SELECT body FROM post_revisions WHERE post_id = ?", post) { $0[0] as String })
            for (device, text) in edits where !kept.contains(text) {
                throw Mismatch(description: "device \(device)'s last edit of \(post) never reached the server: \(text)")
            }
        }
    }
}
