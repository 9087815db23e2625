// Key press → redrawn frame, measured in-process: the app handles the key and renders the
// whole screen into a buffer (the terminal's diff and write come on top of this; they are
// bounded by the screen size, not the data).
import ClientStore
import ContentPack
import Foundation
import Terminal
import TextLayout
import TUI

enum KeyFrames {
    /// Milliseconds per key for `keys` pressed after `opening`, at 100×30.
    static func measure(store: ClientStore, opening: [Key], keys: [Key]) throws -> [Double] {
        TerminalLocale.prepare()
        let app = try App(store: store, localizer: .english, keymap: .defaults, catalogues: [:])
        app.resize(width: 100, height: 30)
        for key in opening { app.handle(.key(key)); _ = app.render(width: 100, height: 30) }
        var times: [Double] = []
        for key in keys {
            let start = DispatchTime.now().uptimeNanoseconds
            app.handle(.key(key))
            _ = app.render(width: 100, height: 30)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }
        return times
    }

    /// A store with one forum and one thread of `posts` posts.
    static func bigThreadStore(posts: Int, in folder: URL) throws -> ClientStore {
        let pack = folder.appendingPathComponent("big-thread-pack")
        try FileManager.default.createDirectory(at: pack.appendingPathComponent("posts"), withIntermediateDirectories: true)
        func write(_ name: String, _ text: String) throws { try text.write(to: pack.appendingPathComponent(name), atomically: false, encoding: .utf8) }
        try write("forum.md", "---\nid: big-forum\nkind: forum\nlanguage: en\ntitle: Big forum\n---\n")
        try write("thread.md", "---\nid: big-thread\nkind: thread\nlanguage: en\ntitle: A very long thread\nforum: big-forum\nauthor: someone\ncreated: 2024-01-01\n---\n\nOpening.\n")
        for index in 0..<posts {
            let day = String(format: "2024-%02d-%02dT%02d:%02d:00Z", 1 + index / 2000 % 12, 1 + index / 100 % 28, index / 60 % 24, index % 60)
            try write("posts/p\(index).md", "---\nid: big-\(index)\nkind: post\nlanguage: en\nthread: big-thread\nauthor: someone\ncreated: \(day)\n---\n\nPost \(index): a few sentences about supervision, referrals and a *home visit* that went well.\n")
        }
        let path = folder.appendingPathComponent("big-thread.sqlite").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let store = try ClientStore(path: path)
        _ = try store.importPack(try ContentPackReader.read(pack))
        return store
    }
}
