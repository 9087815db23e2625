// Writing a content pack into the client store: upserts, one savepoint per file.
import ContentPack
import Model
import Storage

extension ClientStore {
    /// Imports every record of `pack` in one transaction. A file that cannot be stored (an
    /// unknown forum, say) is reported and skipped; everything else goes in. Re-importing
    /// updates records in place; nothing is duplicated.
    ///
    /// Each file's references are checked before anything of it is written, so a rejected
    /// file leaves nothing behind without a savepoint per file — which matters: a savepoint
    /// makes FTS5 flush its pending index data, and costs two thirds of the import rate.
    /// Should a write fail anyway (a constraint nobody foresaw), the whole import is rolled
    /// back and done again with a savepoint around each file, so the failure stays confined.
    /// (Committing in chunks instead was measured: every commit flushes and merges the
    /// search index, and the 200 000-post import ran at half the rate.)
    public func importPack(_ pack: ContentPackContents,
                           progress: ((Int, Int) -> Void)? = nil) throws -> ImportReport {
        do {
            return try importPack(pack, isolatingEachFile: false, progress: progress)
        } catch ImportRetry.isolateEachFile {
            return try importPack(pack, isolatingEachFile: true, progress: progress)
        }
    }

    private enum ImportRetry: Error { case isolateEachFile }

    private func importPack(_ pack: ContentPackContents, isolatingEachFile: Bool,
                            progress: ((Int, Int) -> Void)?) throws -> ImportReport {
        var report = ImportReport()
        report.problems = pack.problems
        report.fileCount = pack.fileCount
        var touchedThreads = Set<String>()
        var search = SearchIndexBatch()
        // A big pack touches index pages all over the file; SQLite's default 2 MB cache
        // would evict and re-read them for every record. Restored when the import ends.
        let cacheSize: Int = try database.scalar("PRAGMA cache_size") ?? -2000
        try database.execute("PRAGMA cache_size = -65536")
        defer { try? database.execute("PRAGMA cache_size = \(cacheSize)") }
        try database.transaction {
            for (number, item) in pack.items.enumerated() {
                if let progress, number % 2000 == 0 { progress(number, pack.items.count) }
                do {
                    if isolatingEachFile {
                        try database.savepoint { try write(item, touching: &touchedThreads, search: &search) }
                    } else {
                        try write(item, touching: &touchedThreads, search: &search)
                    }
                    report.count(item.kind)
                } catch let problem as PackProblem {
                    report.problems.append(problem)
                } catch let error as DatabaseError {
                    guard isolatingEachFile else { throw ImportRetry.isolateEachFile }
                    report.problems.append(.error(item.file, 0, "not stored: \(error.message)"))
                }
            }
            for thread in touchedThreads { try refreshThreadStatistics(thread) }
            try search.write(to: database)
        }
        // Best effort: a reader (the interface) may hold the log; it is emptied next time.
        try? database.checkpoint()
        progress?(pack.items.count, pack.items.count)
        return report
    }

    /// Writes one record. Every check that can reject the file comes before the first write.
    func write(_ item: PackItem, touching touchedThreads: inout Set<String>, search: inout SearchIndexBatch) throws {
        switch item.record {
        case .person(let person): try upsert(person)
        case .forum(let forum): try upsert(forum)
        case .thread(let thread):
            guard try exists("forums", thread.forumID) else {
                throw PackProblem.error(item.file, item.line(of: "forum"), "unknown forum '\(thread.forumID)'")
            }
            try upsert(thread, search: &search)
            touchedThreads.insert(thread.id)
        case .post(let post):
            guard try exists("threads", post.threadID) else {
                throw PackProblem.error(item.file, item.line(of: "thread"), "unknown thread '\(post.threadID)'")
            }
            // A post that moved to another thread leaves the old one's counts stale otherwise.
            if let previous: String = try database.scalar("SELECT thread_id FROM posts WHERE id = ?", post.id) {
                touchedThreads.insert(previous)
            }
            try upsert(post, search: &search)
            touchedThreads.insert(post.threadID)
        case .resource(let resource): try upsert(resource, search: &search)
        case .guide(let guide): try upsert(guide, search: &search)
        }
    }

    func exists(_ table: StaticString, _ id: String) throws -> Bool {
        // `table` is a compile-time constant of this file, never user text.
        try database.scalar("SELECT 1 FROM \(table) WHERE id = ?", id, as: Int.self) != nil
    }

    // MARK: Upserts

    func upsert(_ person: Person) throws {
        try database.run("""
            INSERT INTO people (id, name, role, country, language, bio) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET name = excluded.name, role = excluded.role, country = excluded.country,
                language = excluded.language, bio = excluded.bio
            """, person.id, person.name, person.role.rawValue, person.country, person.language.code, person.bio)
    }

    func upsert(_ forum: Forum) throws {
        try database.run("""
            INSERT INTO forums (id, language, title, description) VALUES (?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET language = excluded.language, title = excluded.title,
                description = excluded.description
            """, forum.id, forum.language.code, forum.title, forum.description)
    }

    func upsert(_ thread: ForumThread, search: inout SearchIndexBatch) throws {
        let rowid: Int64? = try database.scalar("""
            INSERT INTO threads (id, forum_id, language, title, author_id, body, created_at, last_activity_at, locked)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET forum_id = excluded.forum_id, language = excluded.language,
                title = excluded.title, author_id = excluded.author_id, body = excluded.body,
                created_at = excluded.created_at, locked = excluded.locked
            RETURNING rowid
            """, thread.id, thread.forumID, thread.language.code, thread.title, thread.authorID, thread.body,
            thread.created, thread.created, thread.locked)
        search.replace(.thread, rowid: rowid, id: thread.id, language: thread.language, title: thread.title, body: thread.body)
    }

    func upsert(_ post: Post, search: inout SearchIndexBatch) throws {
        let rowid: Int64? = try database.scalar("""
            INSERT INTO posts (id, thread_id, reply_to, language, author_id, body, created_at, hidden)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET thread_id = excluded.thread_id, reply_to = excluded.reply_to,
                language = excluded.language, author_id = excluded.author_id, body = excluded.body,
                created_at = excluded.created_at, hidden = excluded.hidden
            RETURNING rowid
            """, post.id, post.threadID, post.replyTo, post.language.code, post.authorID, post.body,
            post.created, post.hidden)
        if post.hidden {
            search.remove(.post, rowid: rowid)
        } else {
            search.replace(.post, rowid: rowid, id: post.id, language: post.language, title: "", body: post.body)
        }
    }

    func upsert(_ resource: Resource, search: inout SearchIndexBatch) throws {
        let rowid: Int64? = try database.scalar("""
            INSERT INTO resources (id, translation_group, language, title, sort_title, summary, body, type, year, author, licence)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET translation_group = excluded.translation_group,
                language = excluded.language, title = excluded.title, sort_title = excluded.sort_title,
                summary = excluded.summary, body = excluded.body, type = excluded.type, year = excluded.year,
                author = excluded.author, licence = excluded.licence
            RETURNING rowid
            """, resource.id, resource.translationGroup, resource.language.code, resource.title,
            SortKey.make(resource.title), resource.summary, resource.body, resource.type, resource.year,
            resource.author, resource.licence)
        try replaceLinks(.resourceTopics, of: resource.id, with: resource.topics)
        try replaceLinks(.resourceCountries, of: resource.id, with: resource.countries)
        try database.run("DELETE FROM attachments WHERE resource_id = ?", resource.id)
        for (position, attachment) in resource.attachments.enumerated() {
            try database.run("INSERT INTO attachments (resource_id, position, name, size, sha256) VALUES (?, ?, ?, ?, ?)",
                             resource.id, position, attachment.name, attachment.size, attachment.sha256)
        }
        let searchable = [resource.summary, resource.body, resource.author].filter { !$0.isEmpty }.joined(separator: "\n\n")
        search.replace(.resource, rowid: rowid, id: resource.id, language: resource.language, title: resource.title, body: searchable)
    }

    func upsert(_ guide: Guide, search: inout SearchIndexBatch) throws {
        let rowid: Int64? = try database.scalar("""
            INSERT INTO guides (id, translation_group, language, title, sort_title, summary, body)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET translation_group = excluded.translation_group,
                language = excluded.language, title = excluded.title, sort_title = excluded.sort_title,
                summary = excluded.summary, body = excluded.body
            RETURNING rowid
            """, guide.id, guide.translationGroup, guide.language.code, guide.title, SortKey.make(guide.title),
            guide.summary, guide.body)
        try replaceLinks(.guideTopics, of: guide.id, with: guide.topics)
        try database.run("DELETE FROM guide_sections WHERE guide_id = ?", guide.id)
        for (position, section) in guide.sections.enumerated() {
            try database.run("INSERT INTO guide_sections (guide_id, position, level, title, body) VALUES (?, ?, ?, ?, ?)",
                             guide.id, position, section.level, section.title, section.body)
            for (itemPosition, item) in section.checklist.enumerated() {
                try database.run("""
                    INSERT INTO checklist_items (guide_id, section_position, position, text, checked_by_default)
                    VALUES (?, ?, ?, ?, ?)
                    """, guide.id, position, itemPosition, item.text, item.checkedByDefault)
            }
        }
        let searchable = [guide.summary, guide.body].filter { !$0.isEmpty }.joined(separator: "\n\n")
        search.replace(.guide, rowid: rowid, id: guide.id, language: guide.language, title: guide.title, body: searchable)
    }

    /// The two-column tables that tie a record to a set of labels.
    enum LinkTable {
        case resourceTopics, resourceCountries, guideTopics

        var deleteSQL: String {
            switch self {
            case .resourceTopics: "DELETE FROM resource_topics WHERE resource_id = ?"
            case .resourceCountries: "DELETE FROM resource_countries WHERE resource_id = ?"
            case .guideTopics: "DELETE FROM guide_topics WHERE guide_id = ?"
            }
        }

        var insertSQL: String {
            switch self {
            case .resourceTopics: "INSERT INTO resource_topics (resource_id, topic) VALUES (?, ?)"
            case .resourceCountries: "INSERT INTO resource_countries (resource_id, country) VALUES (?, ?)"
            case .guideTopics: "INSERT INTO guide_topics (guide_id, topic) VALUES (?, ?)"
            }
        }
    }

    /// Makes `values` (duplicates ignored) the whole set linked to `owner`.
    func replaceLinks(_ table: LinkTable, of owner: String, with values: [String]) throws {
        try database.run(table.deleteSQL, owner)
        for value in Set(values) { try database.run(table.insertSQL, owner, value) }
    }

    /// Post count and last activity, kept on the thread so lists never count rows.
    func refreshThreadStatistics(_ threadID: String) throws {
        try database.run("""
            UPDATE threads SET
                post_count = (SELECT count(*) FROM posts WHERE thread_id = threads.id AND hidden = 0),
                last_activity_at = max(created_at,
                    coalesce((SELECT max(created_at) FROM posts WHERE thread_id = threads.id AND hidden = 0), ''))
            WHERE id = ?
            """, threadID)
    }
}
