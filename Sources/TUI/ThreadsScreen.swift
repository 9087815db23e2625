// Threads of a forum, most recently active first, unread ones marked.
import ClientStore
import Screen

struct ThreadsScreen: AppScreen, ListScreen {
    let forum: ForumSummary
    var list: SelectionList<ThreadSummary>
    var read: Set<String> = []

    init(forum: ForumSummary, context: AppContext) throws {
        self.forum = forum
        let store = context.store, id = forum.id
        list = try SelectionList { try store.threads(forum: id, after: $0, limit: 100) }
        try loadReadMarks(context)
    }

    mutating func loadReadMarks(_ context: AppContext) throws {
        read = Set(try list.rows.filter { try context.store.isRead(thread: $0.id) }.map(\.id))
    }

    func title(_ context: AppContext) -> String { forum.title }

    mutating func refresh(context: AppContext) throws {
        // Back from writing or reading: a queued thread shows at once, in its place.
        let store = context.store, id = forum.id, selected = list.selected
        list = try SelectionList { try store.threads(forum: id, after: $0, limit: 100) }
        list.select(selected, viewHeight: context.viewportHeight)
        try loadReadMarks(context)
    }

    mutating func handle(_ action: Action, context: AppContext) throws -> Transition {
        if try list.handle(action, viewHeight: context.viewportHeight) { try loadReadMarks(context); return .stay }
        switch action {
        case .open:
            guard let thread = list.current, let screen = try ThreadScreen(id: thread.id, context: context) else { return .stay }
            read.insert(thread.id)
            return .push(screen)
        case .compose:
            return .push(try ComposeScreen(target: .newThread(forum: forum.id),
                                           heading: context.tr("New thread in:") + " " + forum.title, context: context))
        case .bookmark:
            guard let thread = list.current else { return .stay }
            let on = try context.store.toggleBookmark(.thread, id: thread.id)
            return .message(on ? context.tr("Bookmarked.") : context.tr("Bookmark removed."))
        case .back: return .pop
        default: return .stay
        }
    }

    func render(into buffer: inout ScreenBuffer, area: Rect, context: AppContext) {
        list.render(into: &buffer, area: area, empty: context.tr("No threads yet.")) { thread, _ in
            let unread = !read.contains(thread.id)
            return StyledLine([StyledSpan(unread ? "● " : "  ", .badge),
                               StyledSpan(String(thread.lastActivity.prefix(10)) + "  ", .dim),
                               StyledSpan(context.tr.plural("%d post", "%d posts", thread.postCount) + "  ", .dim),
                               StyledSpan(thread.title, unread ? .title : .normal),
                               StyledSpan(thread.pending ? "  " + context.tr("queued") : "", .queued),
                               StyledSpan(thread.locked ? "  🔒" : "", .dim)])
        }
    }
}
