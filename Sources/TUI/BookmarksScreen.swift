// Bookmarks: resources, guides and threads marked with `b`, newest first.
import ClientStore
import Screen

struct BookmarksScreen: AppScreen, ListScreen {
    var list = SelectionList<BookmarkView>()

    init(context: AppContext) throws {
        list = SelectionList(rows: try context.store.bookmarks())
    }

    func title(_ context: AppContext) -> String { context.tr("Bookmarks") }

    mutating func refresh(context: AppContext) throws {
        let selected = list.selected
        list = SelectionList(rows: try context.store.bookmarks())
        list.select(selected, viewHeight: context.viewportHeight)
    }

    mutating func handle(_ action: Action, context: AppContext) throws -> Transition {
        if try list.handle(action, viewHeight: context.viewportHeight) { return .stay }
        guard let row = list.current else { return action == .back ? .pop : .stay }
        switch action {
        case .open:
            let screen: (any AppScreen)? = switch row.kind {
            case .resource: try ResourceScreen(id: row.id, context: context)
            case .guide: try GuideScreen(id: row.id, context: context)
            default: try ThreadScreen(id: row.id, context: context)
            }
            return screen.map(Transition.push) ?? .stay
        case .bookmark:
            try context.store.toggleBookmark(row.kind, id: row.id)
            try refresh(context: context)
            return .message(context.tr("Bookmark removed."))
        case .back: return .pop
        default: return .stay
        }
    }

    func render(into buffer: inout ScreenBuffer, area: Rect, context: AppContext) {
        list.render(into: &buffer, area: area, empty: context.tr("No bookmarks yet. Press b on a resource, guide or thread.")) { row, _ in
            let kind = switch row.kind {
            case .resource: context.tr("Resource")
            case .guide: context.tr("Guide")
            default: context.tr("Thread")
            }
            return StyledLine([StyledSpan(row.language + "  ", .dim), StyledSpan(kind + "  ", .badge), StyledSpan(row.title)])
        }
    }
}
