// A thread: its opening message and posts in order, loaded page by page as you scroll,
import Foundation
// so a 20 000-post thread never has to be read whole.
import ClientStore
import Markdown
import Screen

struct ThreadScreen: AppScreen {
    let detail: ThreadDetail
    var posts: [PostView] = []
    var next: KeysetCursor?
    var text = ScrollingText()
    var laidOutWidth = 0
    var focusPost: String?

    init?(id: String, focusPost: String? = nil, context: AppContext) throws {
        guard let detail = try context.store.thread(id: id) else { return nil }
        self.detail = detail
        self.focusPost = focusPost
        let page = try context.store.posts(thread: id, limit: 100)
        posts = page.items
        next = page.next
        try context.store.markRead(thread: id)
    }

    func title(_ context: AppContext) -> String { detail.thread.title }

    func lines(width: Int, context: AppContext) -> [StyledLine] {
        var lines = [StyledLine(detail.thread.title, .heading),
                     StyledLine("\(detail.forumTitle) · \(detail.thread.authorName) · \(detail.thread.created.prefix(10))", .dim),
                     StyledLine()]
        if !detail.body.isEmpty {
            lines += MarkdownRenderer.render(detail.body, width: width).lines
            lines.append(StyledLine())
        }
        for post in posts {
            var header = [StyledSpan("── " + post.authorName, .title)]
            if let role = post.authorRole, role != "member" { header.append(StyledSpan(" (" + context.tr(role) + ")", .badge)) }
            header.append(StyledSpan(" · " + post.created.prefix(16).replacingOccurrences(of: "T", with: " "), .dim))
            if post.pending { header.append(StyledSpan(" · " + context.tr("queued"), .queued)) }
            lines.append(StyledLine(header))
            lines += MarkdownRenderer.render(post.body, width: width).lines
            lines.append(StyledLine())
        }
        if next != nil { lines.append(StyledLine(context.tr("Loading more…"), .dim)) }
        return lines
    }

    mutating func layOut(_ context: AppContext) {
        guard laidOutWidth != context.viewportWidth || text.lines.isEmpty else { return }
        laidOutWidth = context.viewportWidth
        text.replace(with: lines(width: context.viewportWidth - 2, context: context))
        if let focusPost, let index = posts.firstIndex(where: { $0.id == focusPost }) {
            // Open at the post a search result pointed to.
            let headers = text.lines.indices.filter { text.lines[$0].spans.first?.text.hasPrefix("── ") == true }
            if index < headers.count { text.scroll(to: headers[index], viewHeight: context.viewportHeight) }
            self.focusPost = nil
        }
    }

    mutating func handle(_ action: Action, context: AppContext) throws -> Transition {
        layOut(context)
        if text.handle(action, viewHeight: context.viewportHeight) {
            // Near the end with more posts waiting: fetch the next page only.
            if next != nil, text.top + 2 * context.viewportHeight >= text.lines.count || action == .bottom {
                let page = try context.store.posts(thread: detail.thread.id, after: next, limit: 100)
                posts += page.items
                next = page.next
                let top = text.top
                text.lines = lines(width: context.viewportWidth - 2, context: context)
                text.top = top
                if action == .bottom { text.scroll(to: text.lines.count, viewHeight: context.viewportHeight) }
            }
            return .stay
        }
        return action == .back ? .pop : .stay
    }

    func render(into buffer: inout ScreenBuffer, area: Rect, context: AppContext) {
        text.render(into: &buffer, area: area)
    }

    mutating func refresh(context: AppContext) throws {
        laidOutWidth = 0
        layOut(context)
    }
}
