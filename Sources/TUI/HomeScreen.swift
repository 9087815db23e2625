// Home: what the cache holds, where to go, and the threads that moved last.
import ClientStore
import Screen

struct HomeScreen: AppScreen, ListScreen {
    enum Entry: CaseIterable { case library, guides, forums, search, outbox, bookmarks, sync, settings, help }
    enum Row {
        case entry(Entry)
        /// The "Recent in the forums" line: drawn, never selected.
        case heading
        case recent(ThreadSummary)
    }
    static let recentCount = 5

    var list = SelectionList<Row>()
    var read: Set<String> = []

    init(context: AppContext) throws {
        try refresh(context: context)
    }

    func title(_ context: AppContext) -> String { context.tr("Home") }

    mutating func refresh(context: AppContext) throws {
        let recent = try context.store.threads(limit: Self.recentCount).items
        read = Set(try recent.filter { try context.store.isRead(thread: $0.id) }.map(\.id))
        let selected = list.selected
        list.rows = Entry.allCases.map(Row.entry) + (recent.isEmpty ? [] : [.heading] + recent.map(Row.recent))
        list.select(selected, viewHeight: context.viewportHeight)
    }

    mutating func handle(_ action: Action, context: AppContext) throws -> Transition {
        if try list.handle(action, viewHeight: context.viewportHeight) {
            // Step over the heading in the direction of travel.
            if case .heading = list.current {
                let up = action == .moveUp || action == .halfPageUp
                list.select(list.selected + (up ? -1 : 1), viewHeight: context.viewportHeight)
            }
            return .stay
        }
        guard action == .open, let row = list.current else { return .stay }
        switch row {
        case .entry(let entry): return try open(entry, context: context)
        case .heading: return .stay
        case .recent(let thread):
            guard let screen = try ThreadScreen(id: thread.id, context: context) else { return .stay }
            read.insert(thread.id)
            return .push(screen)
        }
    }

    func isSelectable(_ row: Row) -> Bool {
        if case .heading = row { false } else { true }
    }

    func open(_ entry: Entry, context: AppContext) throws -> Transition {
        switch entry {
        case .library: return .push(try LibraryScreen(context: context))
        case .guides: return .push(try GuidesScreen(context: context))
        case .forums: return .push(try ForumsScreen(context: context))
        case .search: return .push(SearchScreen(context: context))
        case .outbox: return .push(try OutboxScreen(context: context))
        case .bookmarks: return .push(try BookmarksScreen(context: context))
        case .settings: return .push(SettingsScreen(context: context))
        case .sync: return .push(SyncScreen(context: context))
        case .help: return .push(HelpScreen(context: context))
        }
    }

    func label(_ entry: Entry, _ context: AppContext) -> String {
        let tr = context.tr, counts = context.counts, unread = context.unreadThreads
        switch entry {
        case .library: return tr("Library") + "  " + tr.plural("%d resource", "%d resources", counts.resources)
        case .guides: return tr("Guides") + "  " + tr.plural("%d guide", "%d guides", counts.guides)
        case .forums:
            return tr("Forums") + "  " + tr.plural("%d thread", "%d threads", counts.threads)
                + (unread > 0 ? ", " + tr.plural("%d unread", "%d unread", unread) : "")
        case .search: return tr("Search everything")
        case .outbox: return tr("Outbox") + "  " + tr.plural("%d queued", "%d queued", counts.queuedOps)
        case .bookmarks: return tr("Bookmarks")
        case .settings: return tr("Settings")
        case .sync: return tr("Sync") + "  " + SyncText.connection(context.sync.connection, tr: tr)
        case .help: return tr("Help")
        }
    }

    func line(_ row: Row, _ context: AppContext) -> StyledLine {
        switch row {
        case .entry(let entry): return StyledLine(label(entry, context))
        case .heading: return StyledLine([StyledSpan(context.tr("Recent in the forums"), .dim)])
        case .recent(let thread):
            let unread = !read.contains(thread.id)
            return StyledLine([StyledSpan(unread ? "● " : "  ", .badge),
                               StyledSpan(String(thread.lastActivity.prefix(10)) + "  ", .dim),
                               StyledSpan(thread.title, unread ? .title : .normal),
                               StyledSpan(thread.pending ? "  " + context.tr("queued") : "", .queued)])
        }
    }

    func render(into buffer: inout ScreenBuffer, area: Rect, context: AppContext) {
        var y = area.y + 1
        if context.counts.isEmpty {
            for line in [context.tr("The local store is empty."), context.tr("Import a content pack with: rrc import PATH")] {
                buffer.put(line, x: area.x + 2, y: y, role: .dim, maxWidth: area.width - 3)
                y += 1
            }
            y += 1
        }
        let listArea = Rect(x: area.x + 1, y: y, width: area.width - 2, height: area.y + area.height - y)
        list.render(into: &buffer, area: listArea, empty: "") { row, _ in line(row, context) }
    }
}
