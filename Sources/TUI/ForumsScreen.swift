// Forums with their thread and post counts.
import ClientStore
import Screen

struct ForumsScreen: AppScreen, ListScreen {
    var list: SelectionList<ForumSummary>

    init(context: AppContext) throws {
        list = SelectionList(rows: try context.store.forums())
    }

    func title(_ context: AppContext) -> String { context.tr("Forums") }

    mutating func refresh(context: AppContext) throws {
        let selected = list.selected
        list = SelectionList(rows: try context.store.forums())
        list.select(selected, viewHeight: context.viewportHeight)
    }

    mutating func handle(_ action: Action, context: AppContext) throws -> Transition {
        if try list.handle(action, viewHeight: context.viewportHeight) { return .stay }
        switch action {
        case .open:
            guard let forum = list.current else { return .stay }
            return .push(try ThreadsScreen(forum: forum, context: context))
        case .toggle:
            guard let forum = list.current else { return .stay }
            try context.store.setFollowing(forum: forum.id, !forum.followed)
            try refresh(context: context)
            return .message(forum.followed ? context.tr("Not following this forum: sync leaves its threads out.")
                                           : context.tr("Following this forum."))
        case .compose:
            guard let forum = list.current else { return .stay }
            return .push(try ComposeScreen(target: .newThread(forum: forum.id),
                                           heading: context.tr("New thread in:") + " " + forum.title, context: context))
        case .back: return .pop
        default: return .stay
        }
    }

    func render(into buffer: inout ScreenBuffer, area: Rect, context: AppContext) {
        list.render(into: &buffer, area: area, empty: context.tr("No forums yet.")) { forum, _ in
            StyledLine([StyledSpan(forum.followed ? "✓ " : "  ", .checked), StyledSpan(forum.language + "  ", .dim), StyledSpan(forum.title + "  "),
                        StyledSpan(context.tr.plural("%d thread", "%d threads", forum.threadCount) + ", "
                                   + context.tr.plural("%d post", "%d posts", forum.postCount), .dim)])
        }
    }
}
