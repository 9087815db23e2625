// Search folds diacritics the way people type in the region, and filters by kind and language.
@testable import ClientStore
import Testing

struct SearchTests {
    // A fresh store per test (Swift Testing makes one suite value per test).
    let fixture: StoreFixture

    init() throws {
        fixture = try StoreFixture()
        try fixture.importFiles([
            "al.md": StoreFixture.resource("al", language: "sq", title: "Mbrojtja e fëmijëve në Shqipëri"),
            "ro.md": StoreFixture.resource("ro", language: "ro", title: "Servicii sociale în București"),
            "cedilla.md": StoreFixture.resource("cedilla", language: "ro", title: "Raport",
                                                body: "Despre ştiinţa protecţiei copilului (scris cu sedilă)."),
            "sh.md": StoreFixture.resource("sh", language: "sh", title: "Uloga države",
                                           body: "Odgovornost koju država ima prema djeci; Đorđe Đurić je autor."),
            "bg.md": StoreFixture.resource("bg", language: "bg", title: "Закрила на детето в България"),
            "f.md": StoreFixture.forum, "t.md": StoreFixture.thread("t1"),
            "p.md": StoreFixture.post("p1", created: "2025-01-02", body: "Iskustvo iz București i Shqipëri."),
        ])
    }

    func ids(_ text: String, kind: String? = nil, language: String? = nil) throws -> [String] {
        try fixture.store.search(SearchQuery(text, kind: kind, language: language)).map(\.id).sorted()
    }

    @Test(arguments: [
        ("Shqiperi", ["al", "p1"]),
        ("Bucuresti", ["p1", "ro"]),
        ("stiinta", ["cedilla"]),
        ("știința", ["cedilla"]),          // comma-below form finds the cedilla text
        ("drzava", ["sh"]),
        ("djure", []),                      // whole word differs: no false hit
        ("djuric", ["sh"]),                 // đ typed as dj
        ("duric", ["sh"]),                  // đ typed as d
        ("Đurić", ["sh"]),
        ("закрила", ["bg"]),
        ("ZAKRILA", []),                    // no transliteration between scripts
        ("femijeve", ["al"]),
    ])
    func foldsDiacritics(_ query: String, _ expected: [String]) throws {
        #expect(try ids(query) == expected)
    }

    @Test func lastWordMatchesAsPrefix() throws {
        #expect(try ids("Bucur") == ["p1", "ro"])
        #expect(try ids("Bucur ") == [])
    }

    @Test func filtersByKindAndLanguage() throws {
        #expect(try ids("Shqiperi", kind: "post") == ["p1"])
        #expect(try ids("Shqiperi", kind: "resource") == ["al"])
        #expect(try ids("Shqiperi", language: "sq") == ["al"])
    }

    /// The language filter reads a table beside the index; a record whose language changes
    /// on re-import must move with it, and a removed one must leave it.
    @Test func languageFilterFollowsChangesAndRemovals() throws {
        try fixture.importFiles(["al.md": StoreFixture.resource("al", language: "ro", title: "Mbrojtja e fëmijëve në Shqipëri")])
        #expect(try ids("Shqiperi", language: "sq") == [])
        #expect(try ids("Shqiperi", language: "ro") == ["al"])
        let entries: Int = try #require(try fixture.store.database.scalar("SELECT count(*) FROM search_index"))
        let languages: Int = try #require(try fixture.store.database.scalar("SELECT count(*) FROM search_languages"))
        #expect(entries == languages)
    }

    @Test func snippetMarksTheMatchAndPostsCarryTheirThread() throws {
        let hit = try #require(try fixture.store.search(SearchQuery("drzava")).first)
        #expect(hit.snippet.marked(open: "[", close: "]").contains("[država]"))
        let post = try #require(try fixture.store.search(SearchQuery("iskustvo")).first)
        #expect(post.kind == "post")
        #expect(post.threadId == "t1")
        #expect(post.title.plain == "Tema t1")
    }

    @Test func operatorsInUserTextAreJustWords() throws {
        for text in ["\"", "AND OR NOT", "a:b", "(*)", "NEAR(x y)", "-", "'; DROP TABLE resources; --"] {
            _ = try fixture.store.search(SearchQuery(text))
        }
        #expect(try fixture.store.resources().items.count == 5)
    }

    @Test func titlesRankAboveBodies() throws {
        let hits = try fixture.store.search(SearchQuery("drzava"))
        #expect(hits.first?.id == "sh")
    }
}

struct SearchRankingCapTests {
    /// When a word matches more entries than are ranked, older posts are what is left out:
    /// a resource is always found, and the newest posts are.
    @Test func cutDropsOnlyOlderPosts() throws {
        let fixture = try StoreFixture()
        var files = ["f.md": StoreFixture.forum, "t.md": StoreFixture.thread("t1"),
                     "r.md": StoreFixture.resource("r1", title: "Common word", body: "common")]
        for number in 0..<30 {
            files[String(format: "p%02d.md", number)] = StoreFixture.post(String(format: "p%02d", number),
                                                                          created: "2025-01-02", body: "common common")
        }
        try fixture.importFiles(files)
        fixture.store.rankedMatchLimit = 10
        let hits = try fixture.store.search(SearchQuery("common", limit: 50))
        #expect(hits.count == 10)
        #expect(hits.contains { $0.id == "r1" })
        let posts = hits.filter { $0.kind == "post" }.map(\.id).sorted()
        #expect(posts == (21..<30).map { String(format: "p%02d", $0) })  // imported last = newest
        fixture.store.rankedMatchLimit = 10_000
        #expect(try fixture.store.search(SearchQuery("common", limit: 50)).count == 31)  // the resource and all 30 posts
    }

    /// With a language filter the newest matches *in that language* are ranked: a few old
    /// Romanian posts are found even when thousands of newer posts in other languages match.
    @Test func languageFilterCutsWithinTheLanguage() throws {
        let fixture = try StoreFixture()
        var files = ["f.md": StoreFixture.forum, "t.md": StoreFixture.thread("t1")]
        for number in 0..<3 {  // "a…" files are imported first: the oldest entries
            files["a\(number).md"] = StoreFixture.post("ro\(number)", created: "2025-01-02", body: "common", language: "ro")
        }
        for number in 0..<30 {
            files[String(format: "p%02d.md", number)] = StoreFixture.post(String(format: "p%02d", number),
                                                                          created: "2025-01-02", body: "common")
        }
        try fixture.importFiles(files)
        fixture.store.rankedMatchLimit = 10
        let hits = try fixture.store.search(SearchQuery("common", language: "ro", limit: 50))
        #expect(hits.map(\.id).sorted() == ["ro0", "ro1", "ro2"])
        #expect(hits.allSatisfy { $0.title.plain == "Tema t1" && $0.snippet.hasMatch })
    }
}
