// Reading a whole pack folder: records in import order, every bad file located, the rest kept.
import ContentPack
import Foundation
import Model
import TestSupport
import Testing

struct ContentPackReaderTests {
    @Test func readsEveryKindAndOrdersForImport() throws {
        let folder = TemporaryFolder()
        folder.write("z-post.md", PackFile.make(["id": "p1", "kind": "post", "language": "bs", "thread": "t1",
                                                 "author": "ana", "created": "2025-01-02"], body: "Odgovor."))
        folder.write("forums/f.md", PackFile.make(["id": "f1", "kind": "forum", "language": "sh", "title": "Forum"]))
        folder.write("forums/t.md", PackFile.make(["id": "t1", "kind": "thread", "language": "sh", "title": "Tema",
                                                   "forum": "f1", "author": "ana", "created": "2025-01-01"]))
        folder.write("people/ana.md", PackFile.make(["id": "ana", "kind": "person", "language": "sq", "title": "Ana Shehu",
                                                     "role": "expert", "country": "al"]))
        folder.write("README.md", "This pack has a README, which is not a record.")
        let pack = try ContentPackReader.read(folder.url)
        #expect(pack.problems.isEmpty)
        #expect(pack.items.map(\.id) == ["ana", "f1", "t1", "p1"])
        guard case .post(let post) = pack.items[3].record else { Issue.record("not a post"); return }
        #expect(post.language.code == "sh")  // bs is an alias
        guard case .person(let person) = pack.items[0].record else { Issue.record("not a person"); return }
        #expect(person.country == "AL")
        #expect(person.role == .expert)
    }

    @Test func brokenFilesAreReportedWithFileAndLineAndTheRestIsRead() throws {
        let folder = TemporaryFolder()
        folder.write("a-good.md", PackFile.make(["id": "g", "kind": "forum", "language": "en", "title": "Good"]))
        folder.write("bad-year.md", """
            ---
            id: r
            kind: resource
            language: en
            title: T
            type: fact sheet
            topics: [violence]
            countries: [RO]
            year: last year
            author: A
            ---
            Body
            """)
        folder.write("no-title.md", PackFile.make(["id": "n", "kind": "forum", "language": "en"]))
        folder.write("bad-kind.md", PackFile.make(["id": "k", "kind": "blog", "language": "en", "title": "x"]))
        folder.write("z-duplicate.md", PackFile.make(["id": "g", "kind": "forum", "language": "en", "title": "Again"]))
        let pack = try ContentPackReader.read(folder.url)
        #expect(pack.items.map(\.id) == ["g"])
        let errors = pack.problems.filter { $0.severity == .error }.map(\.description).sorted()
        #expect(errors == [
            "bad-kind.md:3: error: unknown kind 'blog' (expected one of: person, forum, thread, post, resource, guide)",
            "bad-year.md:9: error: year 'last year' must be a four-digit year",
            "no-title.md:1: error: missing required key 'title'",
            "z-duplicate.md:2: error: id 'g' is already used by a-good.md",
        ])
    }

    @Test func unknownKeysAndLabelsWarnButImport() throws {
        let folder = TemporaryFolder()
        folder.write("r.md", PackFile.make([
            "id": "r", "kind": "resource", "language": "ro", "title": "Raport", "type": "Research Report",
            "topics": "[trafficking, beekeeping]", "countries": "[RO, ZZ]", "year": "2020", "author": "Autor",
            "mood": "cheerful",
        ], body: "Text"))
        let pack = try ContentPackReader.read(folder.url)
        #expect(pack.items.count == 1)
        let warnings = pack.problems.map(\.description)
        #expect(warnings.contains("r.md:11: warning: unknown key 'mood' for a resource; ignored"))
        #expect(warnings.contains { $0.contains("topic 'beekeeping'") })
        #expect(warnings.contains { $0.contains("country 'ZZ'") })
        guard case .resource(let resource) = pack.items[0].record else { Issue.record("not a resource"); return }
        #expect(resource.type == "research-report")
        #expect(resource.translationGroup == "r")
    }

    @Test func attachmentsAreHashedAndMayNotLeaveThePack() throws {
        let folder = TemporaryFolder()
        folder.write("files/brief.pdf", "fictional pdf bytes")
        folder.write("r.md", PackFile.make([
            "id": "r", "kind": "resource", "language": "en", "title": "T", "type": "policy-brief",
            "topics": "[]", "countries": "[]", "year": "2022", "author": "A",
            "attachments": "[files/brief.pdf, missing.pdf, ../../etc/passwd]",
        ], body: "Text"))
        let pack = try ContentPackReader.read(folder.url)
        guard case .resource(let resource)? = pack.items.first?.record else { Issue.record("no resource"); return }
        #expect(resource.attachments.count == 2)
        // sha256sum of the same bytes.
        #expect(resource.attachments[0] == Attachment(name: "brief.pdf", size: 19, sha256: "efa06ec78455c1c966fd055aa5bdc448e87da81cbe55c980e2e51a7c1edade81"))
        #expect(resource.attachments[1] == Attachment(name: "missing.pdf", size: nil, sha256: nil))
        #expect(pack.problems.contains { $0.message.contains("outside the pack folder") })
        #expect(pack.attachmentFiles.count == 1)
    }

    @Test func missingFolderIsAClearError() {
        #expect(throws: ContentPackError.self) { try ContentPackReader.read(URL(fileURLWithPath: "/nonexistent/pack")) }
    }
}
