// A thread: its opening message and posts in order, loaded page by page as you scroll, so a
// 20 000-post thread never has to be read whole. The post at the top of the view is the
// current one (marked ▶): r replies to it, R quotes it, e edits it and D deletes it (after a
// yes) when it is yours.
import ClientStore
import Foundation
import Markdown
import Model
import Screen
import Terminal

struct ThreadScreen: AppScreen {
    var detail: ThreadDetail
    var posts: [PostView] = []
    /// Where each loaded post is in `posts`, to name whom a reply answers; kept by
    /// `reindex()` when `posts` is replaced and by `loadMore` a page at a time.
    var positions: [String: Int] = [:]
    var next: KeysetCursor?
    var text = ScrollingText()
    /// Line index of each post's header in `text`, in post order.
    var postStarts: [Int] = []
    var laidOutWidth = 0
    var focusPost: String?
    /// The post chosen with ] and [: in a thread shorter than the screen no post can scroll
    /// to the top, so the choice is kept here; scrolling hands it back to the top line.
    var chosenPost: Int?
    var localAuthor = ClientStore.localAuthorPlaceholder
    /// The post waiting for "delete? y/n".
    var confirmingDelete: String?
    var pending: Transition?

    init?(id: String, focusPost: String? = nil, context: AppContext) throws {
        guard let detail = try context.store.thread(id: id) else { return nil }
        self.detail = detail
        self.focusPost = focusPost
        let page = try context.store.posts(thread: id, limit: 100)
        posts = page.items
        next = page.next
        reindex()
        localAuthor = try context.store.localAuthorID()
        try context.store.markRead(thread: id)
    }

    func title(_ context: AppContext) -> String { detail.thread.title }

    func layout(width: Int, context: AppContext) -> (lines: [StyledLine], starts: [Int]) {
        var lines = [StyledLine(detail.thread.title, .heading)]
        var meta = [StyledSpan("\(detail.forumTitle) · \(authorName(detail.thread.authorId, detail.thread.authorName, context)) · \(detail.thread.created.prefix(10))", .dim)]
        if detail.thread.locked { meta.append(StyledSpan(" · " + context.tr("locked"), .badge)) }
        lines += [StyledLine(meta), StyledLine()]
        if !detail.body.isEmpty {
            lines += MarkdownRenderer.render(detail.body, width: width).lines
            lines.append(StyledLine())
        }
        var starts: [Int] = []
        for (index, post) in posts.enumerated() {
            starts.append(lines.count)
            lines += postLines(post, after: index > 0 ? posts[index - 1] : nil, width: width, context: context)
        }
        if next != nil { lines.append(StyledLine(context.tr("Loading more…"), .dim)) }
        return (lines, starts)
    }

    /// One post: its header line, its text, a blank line. Posts stay in time order (pages
    /// by keyset); a reply to anything but the post just above says whom it answers.
    func postLines(_ post: PostView, after previous: PostView?, width: Int, context: AppContext) -> [StyledLine] {
        var header = [StyledSpan("── " + authorName(post.authorId, post.authorName, context), .title)]
        if let role = post.authorRole, role != "member" { header.append(StyledSpan(" (" + context.tr(role) + ")", .badge)) }
        header.append(StyledSpan(" · " + post.created.prefix(16).replacingOccurrences(of: "T", with: " "), .dim))
        if let parent = post.replyTo, parent != previous?.id, let answered = repliedTo(parent, context) {
            header.append(StyledSpan(" · " + context.tr("in reply to {1}", answered), .dim))
        }
        if post.edited != nil { header.append(StyledSpan(" · " + context.tr("edited"), .dim)) }
        if post.pending { header.append(StyledSpan(" · " + context.tr("queued"), .queued)) }
        return [StyledLine(header)] + MarkdownRenderer.render(post.body, width: width).lines + [StyledLine()]
    }

    mutating func reindex() {
        positions = Dictionary(posts.enumerated().map { ($1.id, $0) }) { first, _ in first }
    }

    /// Who wrote the post `id`, from the loaded posts (a reply comes after what it answers).
    func repliedTo(_ id: String, _ context: AppContext) -> String? {
        guard let index = positions[id], posts.indices.contains(index) else { return nil }
        return authorName(posts[index].authorId, posts[index].authorName, context)
    }

    func authorName(_ id: String, _ name: String, _ context: AppContext) -> String {
        id == localAuthor && name == id ? context.tr("you") : name
    }

    mutating func layOut(_ context: AppContext) {
        guard laidOutWidth != context.viewportWidth || text.lines.isEmpty else { return }
        laidOutWidth = context.viewportWidth
        let (lines, starts) = layout(width: context.viewportWidth - 2, context: context)
        text.replace(with: lines)
        postStarts = starts
        if let focusPost { show(post: focusPost, context: context) }
    }

    /// Scrolls to a post (a search result, the reply just queued).
    mutating func show(post id: String, context: AppContext) {
        focusPost = nil
        guard let index = posts.firstIndex(where: { $0.id == id }), index < postStarts.count else { return }
        text.scroll(to: postStarts[index], viewHeight: context.viewportHeight)
    }

    /// The post chosen with ] and [, else the one at the top of the view (if the view is
    /// past the opening message).
    var currentPostIndex: Int? {
        if let chosenPost, chosenPost < postStarts.count { return chosenPost }
        return postStarts.lastIndex { $0 <= text.top + 1 }
    }

    /// The next page, laid out and appended: only the new posts are rendered, so a key in a
    /// 20 000-post thread costs the same at the end as at the start.
    mutating func loadMore(context: AppContext) throws {
        guard next != nil else { return }
        let page = try context.store.posts(thread: detail.thread.id, after: next, limit: 100)
        if text.lines.last?.spans.first?.role == .dim, text.lines.last?.text == context.tr("Loading more…") { text.lines.removeLast() }
        let width = laidOutWidth > 0 ? laidOutWidth - 2 : context.viewportWidth - 2
        for post in page.items {
            postStarts.append(text.lines.count)
            text.lines += postLines(post, after: posts.last, width: width, context: context)
            positions[post.id] = posts.count
            posts.append(post)
        }
        next = page.next
        if next != nil { text.lines.append(StyledLine(context.tr("Loading more…"), .dim)) }
    }

    mutating func handle(_ action: Action, context: AppContext) throws -> Transition {
        layOut(context)
        if text.handle(action, viewHeight: context.viewportHeight) {
            chosenPost = nil
            // Near the end with more posts waiting: fetch the next page only.
            if next != nil, text.top + 2 * context.viewportHeight >= text.lines.count || action == .bottom {
                try loadMore(context: context)
                if action == .bottom { text.scroll(to: text.lines.count, viewHeight: context.viewportHeight) }
            }
            return .stay
        }
        let current = currentPostIndex.map { posts[$0] }
        switch action {
        case .nextPost, .previousPost:
            let index = currentPostIndex.map { action == .nextPost ? $0 + 1 : $0 - 1 } ?? (action == .nextPost ? 0 : -1)
            if index >= posts.count - 1, next != nil { try loadMore(context: context) }
            if index < 0 {
                text.top = 0
                chosenPost = nil
            } else if index < postStarts.count {
                text.scroll(to: postStarts[index], viewHeight: context.viewportHeight)
                chosenPost = index
            }
            return .stay
        case .reply, .quote:
            if detail.thread.locked { return .message(context.tr("This thread is locked.")) }
            let heading = context.tr("Reply to:") + " " + (current.map { $0.authorName + " · " } ?? "") + detail.thread.title
            let quote = action == .quote ? (current?.body ?? detail.body) : nil
            return .push(try ComposeScreen(target: .reply(thread: detail.thread.id, replyTo: current?.id), heading: heading,
                                           quoting: quote, context: context))
        case .edit:
            guard let current, try context.store.canEdit(post: current.id) else {
                return .message(context.tr("You can edit only your own posts."))
            }
            return .push(try ComposeScreen(target: .edit(post: current.id), heading: context.tr("Edit your post in:") + " "
                                           + detail.thread.title, context: context))
        case .deletePost:
            guard let current, try context.store.canDelete(post: current.id) else {
                return .message(context.tr("You can delete only your own posts."))
            }
            confirmingDelete = current.id
            return .message(context.tr("Delete your post for good? y: yes, any other key: no"))
        case .compose:
            return .push(try ComposeScreen(target: .newThread(forum: detail.thread.forumId),
                                           heading: context.tr("New thread in:") + " " + detail.forumTitle, context: context))
        case .bookmark:
            let on = try context.store.toggleBookmark(.thread, id: detail.thread.id)
            return .message(on ? context.tr("Bookmarked.") : context.tr("Bookmark removed."))
        case .back: return .pop
        default: return .stay
        }
    }

    mutating func handleTyping(_ key: Key, context: AppContext) throws -> Bool {
        guard let id = confirmingDelete else { return false }
        confirmingDelete = nil
        guard key == .character("y") else {
            pending = .message(context.tr("Kept."))
            return true
        }
        do {
            let top = text.top
            let outcome = try context.store.delete(post: id)
            try refresh(context: context)
            text.scroll(to: top, viewHeight: context.viewportHeight)
            pending = .message(outcome == .removed ? context.tr("Deleted.")
                               : context.tr("Deleted here; the server removes it at the next sync (o: Outbox to undo)."))
        } catch let error as WriteError {
            pending = .message(WriteErrorText.describe(error, tr: context.tr))
        }
        return true
    }

    mutating func takePending() -> Transition? {
        defer { pending = nil }
        return pending
    }

    func render(into buffer: inout ScreenBuffer, area: Rect, context: AppContext) {
        text.render(into: &buffer, area: area)
        if let index = currentPostIndex, index < postStarts.count {
            let y = postStarts[index] - text.top
            if y >= 0, y < area.height { buffer.put("▶", x: area.x + 1, y: area.y + y, role: .selection) }
        }
    }

    mutating func refresh(context: AppContext) throws {
        // Back from writing: reload what is loaded (a queued post or an edit shows at once).
        if let fresh = try context.store.thread(id: detail.thread.id) { detail = fresh }
        let page = try context.store.posts(thread: detail.thread.id, limit: max(100, posts.count + 1))
        posts = page.items
        next = page.next
        if let queued = context.justQueuedPost, !posts.contains(where: { $0.id == queued }) {
            // The new post is past what was loaded: fetch a little more to show it.
            for _ in 0..<5 where next != nil && !posts.contains(where: { $0.id == queued }) {
                let more = try context.store.posts(thread: detail.thread.id, after: next, limit: 100)
                posts += more.items
                next = more.next
            }
        }
        reindex()
        focusPost = context.justQueuedPost ?? focusPost
        chosenPost = nil
        laidOutWidth = 0
        layOut(context)
    }

    mutating func find(_ query: String, forward: Bool, context: AppContext) -> Bool {
        text.jump(toMatchOf: query, forward: forward, viewHeight: context.viewportHeight)
    }
}
