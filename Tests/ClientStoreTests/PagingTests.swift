// Lists page by keyset: every row exactly once, in order, whatever the page size.
@testable import ClientStore
import Foundation
import Storage
import TestSupport
import Testing

struct PagingTests {
    @Test(arguments: [1, 7, 50, 500])
    func resourcePagesCoverEveryRowOnceInTitleOrder(pageSize: Int) throws {
        let fixture = try StoreFixture()
        var files: [String: String] = [:]
        for number in 0..<123 {
            // Same titles on purpose: ties are broken by id.
            files["r\(number).md"] = StoreFixture.resource(String(format: "r%03d", number), title: "Title \(number % 10)")
        }
        try fixture.importFiles(files)
        var seen: [String] = []
        var cursor: KeysetCursor?
        var pages = 0
        repeat {
            let page = try fixture.store.resources(after: cursor, limit: pageSize)
            #expect(page.items.count <= pageSize)
            seen += page.items.map(\.id)
            cursor = page.next
            pages += 1
        } while cursor != nil
        #expect(seen.count == 123)
        #expect(Set(seen).count == 123)
        let expected = (0..<123).map { (title: "title \($0 % 10)", id: String(format: "r%03d", $0)) }
            .sorted { ($0.title, $0.id) < ($1.title, $1.id) }.map(\.id)
        #expect(seen == expected)
        #expect(pages == (123 + pageSize - 1) / pageSize)
    }

    @Test(arguments: [1, 9, 100])
    func newestFirstPagesByYearThenTitle(pageSize: Int) throws {
        let fixture = try StoreFixture()
        var files: [String: String] = [:]
        var expected: [(year: Int, title: String, id: String)] = []
        for number in 0..<61 {
            let id = String(format: "r%03d", number), title = "Title \(number % 5)"
            let year = 1990 + (number * 7) % 31
            files["\(id).md"] = StoreFixture.resource(id, language: number % 3 == 0 ? "bg" : "ro", title: title, year: year)
            expected.append((-year, title.lowercased(), id))
        }
        try fixture.importFiles(files)
        func all(_ filter: ResourceFilter) throws -> [ResourceSummary] {
            var rows: [ResourceSummary] = []
            var cursor: KeysetCursor?
            repeat {
                let page = try fixture.store.resources(filter, after: cursor, limit: pageSize)
                rows += page.items
                cursor = page.next
            } while cursor != nil
            return rows
        }
        let sorted = expected.sorted { ($0.year, $0.title, $0.id) < ($1.year, $1.title, $1.id) }
        let newest = try all(ResourceFilter(order: .newest))
        #expect(newest.map(\.id) == sorted.map(\.id))
        #expect(newest.first?.year == 2020 && newest.last?.year == 1990)
        let bulgarian = try all(ResourceFilter(language: "bg", order: .newest))
        #expect(bulgarian.map(\.id) == sorted.filter { Int($0.id.dropFirst())! % 3 == 0 }.map(\.id))
    }

    @Test func filteredPagesOnlyHoldMatchingRows() throws {
        let fixture = try StoreFixture()
        var files: [String: String] = [:]
        for number in 0..<40 {
            files["r\(number).md"] = StoreFixture.resource("r\(number)", language: number % 2 == 0 ? "ro" : "bg",
                                                           title: "T\(number)", topics: number % 4 == 0 ? "[trafficking]" : "[violence]")
        }
        try fixture.importFiles(files)
        let filter = ResourceFilter(language: "ro", topic: "trafficking")
        var ids: [String] = []
        var cursor: KeysetCursor?
        repeat {
            let page = try fixture.store.resources(filter, after: cursor, limit: 3)
            ids += page.items.map(\.id)
            cursor = page.next
        } while cursor != nil
        #expect(Set(ids) == Set((0..<40).filter { $0 % 4 == 0 }.map { "r\($0)" }))
    }

    @Test func threadsPageByLastActivityAndPostsByTime() throws {
        let fixture = try StoreFixture()
        var files = ["f.md": StoreFixture.forum]
        for day in 1...9 { files["t\(day).md"] = StoreFixture.thread("t\(day)", created: "2025-01-0\(day)") }
        for minute in 0..<25 {
            files["p\(minute).md"] = StoreFixture.post("p\(minute)", thread: "t1", created: String(format: "2025-02-01T10:%02d:00Z", minute))
        }
        try fixture.importFiles(files)
        var threadIDs: [String] = []
        var cursor: KeysetCursor?
        repeat {
            let page = try fixture.store.threads(forum: "f1", after: cursor, limit: 4)
            threadIDs += page.items.map(\.id)
            cursor = page.next
        } while cursor != nil
        // t1 has the newest post, then the others by creation, newest first.
        #expect(threadIDs == ["t1", "t9", "t8", "t7", "t6", "t5", "t4", "t3", "t2"])

        var postIDs: [String] = []
        cursor = nil
        repeat {
            let page = try fixture.store.posts(thread: "t1", after: cursor, limit: 6)
            postIDs += page.items.map(\.id)
            cursor = page.next
        } while cursor != nil
        #expect(postIDs == (0..<25).map { "p\($0)" })
    }

    /// Deep pages must seek to the cursor, not walk from the first row: check the store's own SQL.
    @Test(arguments: [
        (ClientStore.postPageSQL(cursor: true), 4, "posts_by_thread (thread_id=? AND (created_at,id)>(?,?))"),
        (ClientStore.threadPageSQL(forum: true, cursor: true), 5, "threads_by_forum_activity (forum_id=? AND (last_activity_at,id)<(?,?))"),
        (ClientStore.threadPageSQL(forum: false, cursor: true), 5, "threads_by_activity ((last_activity_at,id)<(?,?))"),
        (ClientStore.resourcePageSQL(language: false, cursor: true), 7, "resources_by_title ((sort_title,id)>(?,?))"),
        (ClientStore.resourcePageSQL(language: true, cursor: true), 7, "resources_by_language (language=? AND (sort_title,id)>(?,?))"),
        (ClientStore.resourcePageSQL(language: false, cursor: true, order: .newest), 7, "SEARCH r USING INDEX resources_by_year (<expr>>?)"),
        (ClientStore.resourcePageSQL(language: true, cursor: true, order: .newest), 7, "SEARCH r USING INDEX resources_by_year (<expr>>?)"),
    ])
    func pagesSeekTheIndexToTheCursor(sql: String, parameters: Int, expectedSearch: String) throws {
        let fixture = try StoreFixture()
        let arguments: [any DatabaseValueConvertible] = (0..<parameters).map { "value\($0)" }
        let plan = try fixture.store.database.all("EXPLAIN QUERY PLAN " + sql, arguments: arguments) { $0[3] as String }
        #expect(plan.contains { $0.contains(expectedSearch) }, "\(plan)")
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
    }
}
