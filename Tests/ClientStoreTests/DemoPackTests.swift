// The shipped demo pack: imports without a single warning and holds what the issue promised.
import ClientStore
import ContentPack
import Foundation
import TestSupport
import Testing

struct DemoPackTests {
    @Test func demoPackImportsCleanlyAndIsComplete() throws {
        let fixture = try StoreFixture()
        let pack = try ContentPackReader.read(ProjectPaths.root.appendingPathComponent("demo/pack"))
        let report = try fixture.store.importPack(pack)
        #expect(report.problems.map(\.description) == [])
        let db = fixture.store.database
        let works: Int = try db.scalar("SELECT count(DISTINCT translation_group) FROM resources") ?? 0
        let translated: Int = try db.scalar("""
            SELECT count(*) FROM (SELECT translation_group FROM resources GROUP BY translation_group HAVING count(*) >= 3)
            """) ?? 0
        #expect(works >= 30)
        #expect(translated * 2 > works)  // most works in three or more languages
        let languages = try db.all("SELECT DISTINCT language FROM resources ORDER BY language") { $0[0] as String }
        #expect(languages == ["bg", "en", "ro", "sh", "sq"])
        let types: Int = try db.scalar("SELECT count(DISTINCT type) FROM resources") ?? 0
        #expect(types >= 8)
        let guidesWithChecklists: Int = try db.scalar("""
            SELECT count(DISTINCT translation_group) FROM guides g
            WHERE EXISTS (SELECT 1 FROM checklist_items c WHERE c.guide_id = g.id)
            """) ?? 0
        #expect(guidesWithChecklists >= 6)
        let counts = try fixture.store.counts()
        #expect(counts.forums >= 6)
        #expect(counts.threads >= 40)
        #expect(counts.posts >= 200)
        #expect(counts.people >= 20)
        let roles = try db.all("SELECT DISTINCT role FROM people ORDER BY role") { $0[0] as String }
        #expect(roles == ["admin", "expert", "member", "moderator", "trainer"])
        let unknownAuthors: Int = try db.scalar("""
            SELECT count(*) FROM posts WHERE author_id NOT IN (SELECT id FROM people)
            """) ?? -1
        #expect(unknownAuthors == 0)
    }
}
