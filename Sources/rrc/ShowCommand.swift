// `rrc show ID`: one record of any kind, whole; a thread with all its posts.
import ClientStore
import Foundation
import Model

enum ShowCommand: RRCCommand {
    static let name = "show"
    static var summary: String { tr("show a resource, guide, forum, thread, post or person by id") }
    static var help: String {
        tr("""
        Usage: rrc show ID [--json]

        Shows one record: a resource with its translations and attachments, a guide with
        its sections and checklists, a forum with its latest threads, a thread with all
        of its posts, a post, or a person. Text is printed exactly as stored.
        """)
    }

    static func run(_ arguments: [String], context: CommandContext) throws -> Int32 {
        let parsed = try ParsedArguments(arguments, command: name, options: [], flags: ["--json"])
        guard parsed.positionals.count == 1, let id = parsed.positionals.first else {
            throw UsageError(tr("show takes one id"), command: name)
        }
        let store = try context.openStore()
        guard let item = try store.item(id: id) else {
            throw CommandFailure(tr("nothing with id '{1}' in the local store (try 'rrc search')", id))
        }
        if parsed.has("--json") {
            try context.output.printJSON(try ShowJSON(item: item, store: store))
        } else {
            try printText(item, store: store)
        }
        return 0
    }

    static func printText(_ item: StoredItem, store: ClientStore) throws {
        switch item {
        case .resource(let detail):
            let r = detail.resource
            print(r.title)
            print("\(r.type) · \(r.year.map(String.init) ?? "") · \(r.author) · \(r.language)")
            if !r.topics.isEmpty { print(tr("Topics:") + " " + r.topics.joined(separator: ", ")) }
            if !r.countries.isEmpty { print(tr("Countries:") + " " + r.countries.joined(separator: ", ")) }
            if let licence = r.licence { print(tr("Licence:") + " " + licence) }
            if !r.summary.isEmpty { print("\n\(r.summary)") }
            print("\n\(r.body)")
            if !r.attachments.isEmpty {
                print("\n" + tr("Attachments") + ":")
                for a in r.attachments { print("  \(a.name)  \(a.size.map { ByteCountText.format($0) } ?? tr("size unknown"))") }
            }
            printTranslations(detail.translations)
        case .guide(let detail):
            let g = detail.guide
            print(g.title)
            if !g.summary.isEmpty { print("\n\(g.summary)") }
            for section in g.sections {
                print("\n" + String(repeating: "#", count: max(1, section.level)) + " " + section.title)
                if !section.body.isEmpty { print(section.body) }
            }
            printTranslations(detail.translations)
        case .forum(let detail):
            let f = detail.forum
            print("\(f.title)  (\(f.language), \(CountedNoun.text(f.threadCount, "thread")), \(CountedNoun.text(f.postCount, "post")))")
            if !f.description.isEmpty { print("\n\(f.description)") }
            let threads = try store.threads(forum: f.id, limit: 20).items
            if !threads.isEmpty { print("\n" + tr("Latest threads:")) }
            for t in threads { print("  \(t.id.column(28))  \(CountedNoun.text(t.postCount, "post"))  \(t.title)") }
        case .thread(let detail):
            let t = detail.thread
            print(t.title)
            print("\(detail.forumTitle) · \(t.authorName) · \(t.created.prefix(10)) · \(CountedNoun.text(t.postCount, "post"))\(t.locked ? " · " + tr("locked") : "")")
            if !detail.body.isEmpty { print("\n\(detail.body)") }
            var cursor: KeysetCursor?
            repeat {
                let page = try store.posts(thread: t.id, after: cursor, limit: 500)
                for post in page.items { printPost(post) }
                cursor = page.next
            } while cursor != nil
        case .post(let post):
            printPost(post)
        case .person(let person):
            print("\(person.name) — \(roleName(person.role.rawValue)), \(person.country)")
            if !person.bio.isEmpty { print("\n\(person.bio)") }
        }
    }

    static func printPost(_ post: PostView) {
        let role = post.authorRole.map { " (\(roleName($0)))" } ?? ""
        print("\n── \(post.authorName)\(role) · \(post.created.prefix(16).replacingOccurrences(of: "T", with: " ")) · \(post.id)")
        print(post.body)
    }

    /// Role names as the interface says them ("member" is said by saying nothing there).
    static func roleName(_ role: String) -> String {
        switch role {
        case "member": tr("member")
        case "expert": tr("expert")
        case "moderator": tr("moderator")
        case "trainer": tr("trainer")
        case "admin": tr("admin")
        default: role
        }
    }

    static func printTranslations(_ links: [TranslationLink]) {
        guard !links.isEmpty else { return }
        print("\n" + tr("Also in:"))
        for link in links { print("  \(link.language)  \(link.id.column(28))  \(link.title)") }
    }

    /// `rrc show --json`: the record under its kind's name, plus `kind`.
    struct ShowJSON: Encodable {
        let kind: String
        let resource: Resource?
        let guide: Guide?
        let translations: [TranslationLink]?
        let forum: ForumSummary?
        let thread: ThreadSummary?
        let forumTitle: String?
        let body: String?
        let posts: [PostView]?
        let post: PostView?
        let person: Person?

        init(item: StoredItem, store: ClientStore) throws {
            kind = item.kind.rawValue
            var resource: Resource?, guide: Guide?, translations: [TranslationLink]?, forum: ForumSummary?
            var thread: ThreadSummary?, forumTitle: String?, body: String?, posts: [PostView]?, post: PostView?
            var person: Person?
            switch item {
            case .resource(let d): resource = d.resource; translations = d.translations
            case .guide(let d): guide = d.guide; translations = d.translations
            case .forum(let d): forum = d.forum
            case .thread(let d):
                thread = d.thread; forumTitle = d.forumTitle; body = d.body
                posts = try ListCommand.collect(limit: 0) { try store.posts(thread: d.thread.id, after: $0, limit: $1) }
            case .post(let p): post = p
            case .person(let p): person = p
            }
            self.resource = resource; self.guide = guide; self.translations = translations; self.forum = forum
            self.thread = thread; self.forumTitle = forumTitle; self.body = body; self.posts = posts
            self.post = post; self.person = person
        }
    }
}

enum ByteCountText {
    static func format(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1024 * 1024 { return String(format: "%.0f KB", Double(bytes) / 1024) }
        return String(format: "%.1f MB", Double(bytes) / 1024 / 1024)
    }
}
