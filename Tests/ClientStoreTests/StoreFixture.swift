// A store plus helpers to import packs written on the fly.
import ClientStore
import ContentPack
import Foundation
import TestSupport

final class StoreFixture {
    let folder = TemporaryFolder("rrc-store")
    let store: ClientStore

    init() throws {
        store = try ClientStore(path: folder.url.appendingPathComponent("rrc.sqlite").path)
    }

    /// Writes `files` (path → text) into a fresh pack folder and imports it.
    @discardableResult
    func importFiles(_ files: [String: String]) throws -> ImportReport {
        let pack = TemporaryFolder("rrc-pack")
        for (path, text) in files { pack.write(path, text) }
        return try store.importPack(try ContentPackReader.read(pack.url))
    }

    func count(_ table: String) throws -> Int {
        try store.database.scalar("SELECT count(*) FROM \(table)") ?? -1
    }

    static func resource(_ id: String, language: String = "en", title: String, body: String = "Text.",
                         group: String? = nil, topics: String = "[violence]", type: String = "fact-sheet", year: Int? = 2023) -> String {
        var text = "---\nid: \(id)\nkind: resource\nlanguage: \(language)\ntitle: \(title)\ntype: \(type)\n"
        text += "topics: \(topics)\ncountries: [RO]\n\(year.map { "year: \($0)\n" } ?? "")author: Fictional Institute\n"
        if let group { text += "translation_of: \(group)\n" }
        return text + "---\n\n\(body)\n"
    }

    static let forum = PackFile.make(["id": "f1", "kind": "forum", "language": "sh", "title": "Praksa"])
    static func thread(_ id: String, created: String = "2025-01-01") -> String {
        PackFile.make(["id": id, "kind": "thread", "language": "sh", "title": "Tema \(id)", "forum": "f1",
                       "author": "ana", "created": created], body: "Uvod.")
    }
    static func post(_ id: String, thread: String = "t1", created: String, body: String = "Odgovor.",
                     author: String = "ana", language: String = "sh") -> String {
        PackFile.make(["id": id, "kind": "post", "language": language, "thread": thread, "author": author, "created": created],
                      body: body)
    }
}
