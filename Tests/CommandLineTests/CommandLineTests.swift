// The real rrc binary, run as a person or a script would: packs from elsewhere, errors, output.
import Foundation
import TestSupport
import Testing

struct CommandLineTests {
    let home = TemporaryFolder("rrc-home")

    func rrc(_ arguments: String...) throws -> ProgramResult {
        try ProgramRun.run("rrc", arguments, environment: ["RRC_HOME": home.path])
    }

    func json(_ result: ProgramResult) throws -> Any {
        try JSONSerialization.jsonObject(with: result.stdoutBytes)
    }

    /// A pack as another team would write it: every language, both Romanian s-forms, a broken file.
    static func foreignPack() -> TemporaryFolder {
        let pack = TemporaryFolder("rrc-foreign-pack")
        pack.write("bg/закрила.md", """
            ---
            id: bg-zakrila
            kind: resource
            language: bg
            title: Закрила на детето — ръководство
            type: manual
            topics: [case-management]
            countries: [BG]
            year: 2020
            author: Измислена фондация
            summary: Кратко резюме с „кавички“ и ѝ.
            ---
            Текст на кирилица: ЩЪРКЕЛ, щъркел, ѝ, Ѝ.
            """)
        pack.write("sq/shqiperi.md", """
            ---
            id: sq-mbrojtja
            kind: resource
            language: sq
            title: Mbrojtja e fëmijëve në Shqipëri
            type: policy brief
            topics: [violence]
            countries: [AL, XK]
            year: 2019
            author: Organizatë e trilluar
            translation_of: bg-zakrila
            ---
            Çështje të ndjeshme: ë, Ë, ç, Ç.
            """)
        pack.write("ro/stiinta.md", """
            ---
            id: ro-stiinta
            kind: resource
            language: ro
            title: Știința asistenței sociale în București
            type: research report
            topics: [supervision]
            countries: [RO]
            year: 2018
            author: Institut fictiv
            ---
            Text vechi cu sedilă: ştiinţa, şcoala, ţara. Text nou: știința, școala, țara. Și ă â î Ă Â Î.
            """)
        pack.write("sh/drzava.md", """
            ---
            id: sh-drzava
            kind: resource
            language: hr
            title: Obaveze države prema djeci
            type: strategy
            topics: [alternative-care]
            countries: [BA, HR, RS]
            year: 2021
            author: Izmišljeni centar dr. Đorđevića
            ---
            Č č Ć ć Ž ž Š š Đ đ — država, Đorđević, džep.
            """)
        pack.write("sh/broken.md", """
            ---
            id: sh-broken
            kind: resource
            language sh
            title: Missing colon on line 4
            ---
            """)
        return pack
    }

    /// Starting must not load the network stack: libcurl and its ~30 libraries cost more than
    /// reading the first screen. The loader lists what it would map (no program code runs).
    @Test func startingDoesNotLoadTheNetworkLibraries() throws {
        let loaded = try ProgramRun.run("rrc", ["--version"], environment: ["LD_TRACE_LOADED_OBJECTS": "1"])
        #expect(loaded.stdout.contains("libsqlite3"))
        #expect(!loaded.stdout.contains("libcurl"))
        #expect(!loaded.stdout.contains("libssl"))
    }

    @Test func emptyStoreSaysHowToGetContent() throws {
        let result = try rrc()
        #expect(result.status == 0)
        #expect(result.stdout.contains("rrc import PATH"))
        let list = try rrc("list", "resources")
        #expect(list.status == 0)
        #expect(list.stdout.contains("The local store is empty"))
    }

    @Test func foreignPackTextComesBackByteIdentical() throws {
        let pack = Self.foreignPack()
        let imported = try rrc("import", pack.path)
        #expect(imported.status == 1)  // one file was skipped
        #expect(imported.stderr.contains("sh/broken.md:4: error: expected 'key: value', found 'language sh'"))
        #expect(imported.stdout.contains("Imported 4 of 5 files"))

        let expectations: [(id: String, title: String, body: String)] = [
            ("bg-zakrila", "Закрила на детето — ръководство", "Текст на кирилица: ЩЪРКЕЛ, щъркел, ѝ, Ѝ."),
            ("sq-mbrojtja", "Mbrojtja e fëmijëve në Shqipëri", "Çështje të ndjeshme: ë, Ë, ç, Ç."),
            ("ro-stiinta", "Știința asistenței sociale în București",
             "Text vechi cu sedilă: ştiinţa, şcoala, ţara. Text nou: știința, școala, țara. Și ă â î Ă Â Î."),
            ("sh-drzava", "Obaveze države prema djeci", "Č č Ć ć Ž ž Š š Đ đ — država, Đorđević, džep."),
        ]
        for expected in expectations {
            let shown = try rrc("show", expected.id, "--json")
            #expect(shown.status == 0)
            let object = try #require(try json(shown) as? [String: Any])
            let resource = try #require(object["resource"] as? [String: Any])
            #expect(Array((resource["title"] as? String ?? "").utf8) == Array(expected.title.utf8))
            #expect(Array((resource["body"] as? String ?? "").utf8) == Array(expected.body.utf8))
        }
        let bg = try #require(try json(try rrc("show", "bg-zakrila", "--json")) as? [String: Any])
        #expect((bg["resource"] as? [String: Any])?["summary"] as? String == "Кратко резюме с „кавички“ и ѝ.")
        #expect((bg["translations"] as? [[String: Any]])?.first?["id"] as? String == "sq-mbrojtja")
        let sh = try #require(try json(try rrc("show", "sh-drzava", "--json")) as? [String: Any])
        #expect((sh["resource"] as? [String: Any])?["language"] as? String == "sh")  // hr is an alias
    }

    @Test(arguments: [
        ("Shqiperi", "sq-mbrojtja"), ("Bucuresti", "ro-stiinta"), ("stiinta", "ro-stiinta"),
        ("drzava", "sh-drzava"), ("Djordjevic", "sh-drzava"), ("shtirkel", ""), ("щъркел", "bg-zakrila"),
    ])
    func searchFoldsDiacritics(query: String, expectedID: String) throws {
        let pack = Self.foreignPack()
        _ = try rrc("import", pack.path)
        let result = try rrc("search", query, "--json")
        #expect(result.status == 0)
        let hits = try #require(try json(result) as? [[String: Any]])
        #expect(hits.compactMap { $0["id"] as? String } == (expectedID.isEmpty ? [] : [expectedID]))
        #expect(hits.allSatisfy { $0["kind"] as? String == "resource" })
    }

    @Test func searchFiltersAndGroupsForPeople() throws {
        let pack = Self.foreignPack()
        _ = try rrc("import", pack.path)
        let text = try rrc("search", "Đorđević")
        #expect(text.stdout.contains("Resources (1)"))
        #expect(text.stdout.contains("**Đorđević**"))
        let filtered = try rrc("search", "drzava", "--lang", "ro", "--json")
        #expect((try json(filtered) as? [Any])?.isEmpty == true)
        let nothing = try rrc("search", "zzzzqqq")
        #expect(nothing.stdout.contains("Nothing found"))
    }

    @Test func listsFilterAndLimit() throws {
        let pack = Self.foreignPack()
        _ = try rrc("import", pack.path)
        let all = try #require(try json(try rrc("list", "resources", "--json")) as? [[String: Any]])
        #expect(all.count == 4)
        let ro = try #require(try json(try rrc("list", "resources", "--lang", "ro", "--json")) as? [[String: Any]])
        #expect(ro.compactMap { $0["id"] as? String } == ["ro-stiinta"])
        let sh = try #require(try json(try rrc("list", "resources", "--lang", "sr@latin", "--json")) as? [[String: Any]])
        #expect(sh.compactMap { $0["id"] as? String } == ["sh-drzava"])
        let topic = try #require(try json(try rrc("list", "resources", "--topic", "violence", "--json")) as? [[String: Any]])
        #expect(topic.compactMap { $0["id"] as? String } == ["sq-mbrojtja"])
        let two = try #require(try json(try rrc("list", "resources", "--limit", "2", "--json")) as? [[String: Any]])
        #expect(two.count == 2)
        let table = try rrc("list", "resources", "--country", "XK")
        #expect(table.stdout.contains("sq-mbrojtja"))
        #expect(!table.stdout.contains("bg-zakrila"))
    }

    @Test(arguments: [
        ["list", "resources", "--bogus"], ["list", "--limit", "-3", "resources"], ["list", "posters"],
        ["list", "resources", "--lang", "12"], ["search"], ["show"], ["frobnicate"], ["import"],
        ["list", "guides", "--topic", "x"], ["search", "x", "--kind", "poem"], ["--home"],
    ])
    func mistakesGiveOneLineAndStatus2(arguments: [String]) throws {
        let result = try ProgramRun.run("rrc", arguments, environment: ["RRC_HOME": home.path])
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("rrc: error: ") == true)
        #expect(result.stdout.isEmpty)
    }

    @Test func failuresGiveOneLineAndStatus1() throws {
        let missing = try rrc("show", "no-such-id")
        #expect(missing.status == 1)
        #expect(missing.stderr == "rrc: error: nothing with id 'no-such-id' in the local store (try 'rrc search')\n")
        let noPack = try rrc("import", "/nonexistent/pack")
        #expect(noPack.status == 1)
        #expect(noPack.stderr.contains("no content pack at /nonexistent/pack"))
        let pack = Self.foreignPack()
        _ = try rrc("import", pack.path)
        let noForum = try rrc("list", "threads", "--forum", "nope")
        #expect(noForum.status == 1)
    }

    @Test func everyCommandHasHelp() throws {
        for command in ["import", "list", "show", "search"] {
            let result = try rrc(command, "--help")
            #expect(result.status == 0)
            #expect(result.stdout.contains("Usage: rrc \(command)"))
        }
        let top = try rrc("--help")
        #expect(top.stdout.contains("Commands:"))
        #expect(top.stdout.contains("--home DIR"))
    }

    @Test func homeOptionKeepsEverythingPrivateUnderOneFolder() throws {
        let other = TemporaryFolder("rrc-other-home")
        let pack = Self.foreignPack()
        let result = try ProgramRun.run("rrc", ["--home", other.path, "import", pack.path])
        #expect(result.status == 1)
        let database = other.url.appendingPathComponent("data/rrc.sqlite").path
        let fileMode = try FileManager.default.attributesOfItem(atPath: database)[.posixPermissions] as? Int
        let folderMode = try FileManager.default.attributesOfItem(atPath: other.url.appendingPathComponent("data").path)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(folderMode == 0o700)
        #expect(!FileManager.default.fileExists(atPath: home.url.appendingPathComponent("data").path))
    }

    @Test func tablesNeverCutIds() throws {
        let pack = TemporaryFolder("rrc-long-ids")
        let longID = "a-resource-with-a-rather-long-identifier-2025-en"
        pack.write("r.md", PackFile.make(["id": longID, "kind": "resource", "language": "en", "title": "Long",
                                          "type": "manual", "topics": "[]", "countries": "[]", "year": "2025",
                                          "author": "A"], body: "Text"))
        #expect(try rrc("import", pack.path).status == 0)
        #expect(try rrc("list", "resources").stdout.contains(longID + "  "))
    }

    @Test func threadShowsItsPostsInOrder() throws {
        let pack = TemporaryFolder("rrc-forum-pack")
        pack.write("f.md", PackFile.make(["id": "f", "kind": "forum", "language": "ro", "title": "Forum"]))
        pack.write("t.md", PackFile.make(["id": "t", "kind": "thread", "language": "ro", "title": "Întrebare", "forum": "f",
                                          "author": "ana", "created": "2025-01-01"], body: "Deschidere."))
        pack.write("p2.md", PackFile.make(["id": "p2", "kind": "post", "language": "ro", "thread": "t", "author": "bob",
                                           "created": "2025-01-03"], body: "Al doilea răspuns."))
        pack.write("p1.md", PackFile.make(["id": "p1", "kind": "post", "language": "ro", "thread": "t", "author": "ana",
                                           "created": "2025-01-02"], body: "Primul răspuns."))
        #expect(try rrc("import", pack.path).status == 0)
        let text = try rrc("show", "t")
        let first = try #require(text.stdout.range(of: "Primul răspuns."))
        let second = try #require(text.stdout.range(of: "Al doilea răspuns."))
        #expect(first.lowerBound < second.lowerBound)
        let object = try #require(try json(try rrc("show", "t", "--json")) as? [String: Any])
        #expect((object["posts"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["p1", "p2"])
    }

    @Test func theCommandLineSpeaksTheChosenLanguage() throws {
        let folder = TemporaryFolder("rrc-cli-language")
        let bulgarian = try ProgramRun.run("rrc", ["--lang", "bg", "status"], environment: ["RRC_HOME": folder.path])
        #expect(bulgarian.status == 0 && bulgarian.stdout.contains("Последно синхронизиране"), "\(bulgarian.stdout)")
        let fromLocale = try ProgramRun.run("rrc", ["sync"], environment: ["RRC_HOME": folder.path, "LANG": "ro_RO.UTF-8"])
        #expect(fromLocale.status != 0 && fromLocale.stderr.contains("neconectat"), "\(fromLocale.stderr)")
        let help = try ProgramRun.run("rrc", ["--help"], environment: ["RRC_HOME": folder.path, "LANGUAGE": "sq"])
        #expect(help.stdout.contains("Komandat") && help.stdout.contains("--lang"), "\(help.stdout)")
        // `list --lang` filters content; the words still follow the locale.
        let list = try ProgramRun.run("rrc", ["list", "forums", "--lang", "bg"], environment: ["RRC_HOME": folder.path, "LANG": "sh_BA.UTF-8"])
        #expect(list.stdout.contains("Lokalna pohrana je prazna"), "\(list.stdout)")
    }
}
