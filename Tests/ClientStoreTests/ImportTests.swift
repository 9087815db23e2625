// Importing packs into the client store: idempotent, per-file transactional, counts kept.
import ClientStore
import Foundation
import Testing

struct ImportTests {
    @Test func reimportingUpdatesInPlaceWithoutDuplicates() throws {
        let fixture = try StoreFixture()
        var files = [
            "f.md": StoreFixture.forum, "t.md": StoreFixture.thread("t1"),
            "p1.md": StoreFixture.post("p1", created: "2025-01-02"),
            "r.md": StoreFixture.resource("r1", title: "Old title"),
        ]
        let first = try fixture.importFiles(files)
        #expect(first.errors.isEmpty)
        #expect(first.importedTotal == 4)
        files["r.md"] = StoreFixture.resource("r1", title: "New title")
        let second = try fixture.importFiles(files)
        #expect(second.importedTotal == 4)
        #expect(try fixture.count("resources") == 1)
        #expect(try fixture.count("posts") == 1)
        #expect(try fixture.count("threads") == 1)
        #expect(try fixture.count("search_index") == 3)  // resource, thread, post
        #expect(try fixture.store.resource(id: "r1")?.resource.title == "New title")
        #expect(try fixture.store.search(SearchQuery("Old")).isEmpty)
        #expect(try fixture.store.search(SearchQuery("New")).map(\.id) == ["r1"])
        #expect(try fixture.store.database.integrityProblems().isEmpty)
    }

    /// An import leaves no write-ahead log behind: the next start would read all of it.
    @Test func anImportLeavesTheStoreAtRest() throws {
        let fixture = try StoreFixture()
        var files = ["f.md": StoreFixture.forum, "t.md": StoreFixture.thread("t1")]
        for index in 0..<300 { files["p\(index).md"] = StoreFixture.post("p\(index)", created: "2025-01-02") }
        #expect(try fixture.importFiles(files).importedTotal == 302)
        let log = fixture.folder.url.appendingPathComponent("rrc.sqlite-wal").path
        let size = (try? FileManager.default.attributesOfItem(atPath: log)[.size] as? Int) ?? 0
        #expect(size == 0)
        #expect(try fixture.count("posts") == 300)
    }

    @Test func aFileThatFailsIsReportedAndEverythingElseImports() throws {
        let fixture = try StoreFixture()
        let report = try fixture.importFiles([
            "f.md": StoreFixture.forum, "t.md": StoreFixture.thread("t1"),
            "ok.md": StoreFixture.post("p1", created: "2025-01-02"),
            "orphan.md": StoreFixture.post("p2", thread: "no-such-thread", created: "2025-01-03"),
            "broken.md": "---\nid: x\nkind: post\nthis line is wrong\n---\n",
        ])
        #expect(report.importedTotal == 3)
        #expect(report.errors.map(\.description).sorted() == [
            "broken.md:4: error: expected 'key: value', found 'this line is wrong'",
            "orphan.md:5: error: unknown thread 'no-such-thread'",
        ])
        #expect(try fixture.count("posts") == 1)
        #expect(try fixture.store.post(id: "p2") == nil)
    }

    @Test func threadStatisticsFollowThePosts() throws {
        let fixture = try StoreFixture()
        try fixture.importFiles([
            "f.md": StoreFixture.forum, "t.md": StoreFixture.thread("t1", created: "2025-01-01"),
            "a.md": StoreFixture.post("a", created: "2025-02-01"), "b.md": StoreFixture.post("b", created: "2025-03-05T10:00:00Z"),
        ])
        let thread = try #require(try fixture.store.thread(id: "t1")?.thread)
        #expect(thread.postCount == 2)
        #expect(thread.lastActivity == "2025-03-05T10:00:00Z")
        let forum = try #require(try fixture.store.forums().first)
        #expect(forum.threadCount == 1)
        #expect(forum.postCount == 2)
    }

    @Test func hiddenPostsAreNeitherListedNorFound() throws {
        let fixture = try StoreFixture()
        try fixture.importFiles([
            "f.md": StoreFixture.forum, "t.md": StoreFixture.thread("t1"),
            "p.md": "---\nid: p1\nkind: post\nlanguage: sh\nthread: t1\nauthor: ana\ncreated: 2025-01-02\nhidden: true\n---\nskriveno\n",
        ])
        #expect(try fixture.store.posts(thread: "t1").items.isEmpty)
        #expect(try fixture.store.search(SearchQuery("skriveno")).isEmpty)
        #expect(try fixture.store.thread(id: "t1")?.thread.postCount == 0)
    }

    @Test func translationsAreOneStepAway() throws {
        let fixture = try StoreFixture()
        try fixture.importFiles([
            "en.md": StoreFixture.resource("care-en", title: "Foster care"),
            "ro.md": StoreFixture.resource("care-ro", language: "ro", title: "Asistență maternală", group: "care-en"),
            "bg.md": StoreFixture.resource("care-bg", language: "bg", title: "Приемна грижа", group: "care-en"),
        ])
        let detail = try #require(try fixture.store.resource(id: "care-ro"))
        #expect(detail.translations.map(\.language) == ["bg", "en"])
        #expect(detail.translations.map(\.id) == ["care-bg", "care-en"])
    }
}

struct ImportIsolationTests {
    /// A write failure nobody checked for (here a trigger) must stay confined to its file:
    /// the fast path rolls back and the import is redone with a savepoint per file.
    @Test func unforeseenWriteFailureStaysInItsFile() throws {
        let fixture = try StoreFixture()
        try fixture.store.database.execute("""
            CREATE TRIGGER poison BEFORE INSERT ON resources WHEN NEW.id = 'poison'
            BEGIN SELECT RAISE(ABORT, 'poisoned record'); END
            """)
        let report = try fixture.importFiles([
            "a.md": StoreFixture.resource("a", title: "Alpha"),
            "poison.md": StoreFixture.resource("poison", title: "Poison"),
            "z.md": StoreFixture.resource("z", title: "Zulu"),
        ])
        #expect(report.importedTotal == 2)
        #expect(report.errors.map(\.description) == ["poison.md: error: not stored: poisoned record"])
        #expect(try fixture.store.resources().items.map(\.id) == ["a", "z"])
        #expect(try fixture.store.search(SearchQuery("Zulu")).map(\.id) == ["z"])
        #expect(try fixture.count("search_index") == 2)
    }
}
