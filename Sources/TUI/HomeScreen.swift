// Home: what the cache holds and where to go.
import ClientStore
import Screen

struct HomeScreen: AppScreen {
    enum Entry: CaseIterable { case library, guides, forums, search, outbox, bookmarks, sync, settings, help }
    var list = SelectionList(rows: Entry.allCases)
    var counts = ContentCounts()

    init(context: AppContext) throws {
        counts = try context.store.counts(includingPosts: false)
    }

    func title(_ context: AppContext) -> String { context.tr("Home") }

    mutating func refresh(context: AppContext) throws { counts = try context.store.counts(includingPosts: false) }

    mutating func handle(_ action: Action, context: AppContext) throws -> Transition {
        if try list.handle(action, viewHeight: context.viewportHeight) { return .stay }
        guard action == .open, let entry = list.current else { return action == .back ? .stay : .stay }
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
        let tr = context.tr
        switch entry {
        case .library: return tr("Library") + "  " + tr.plural("%d resource", "%d resources", counts.resources)
        case .guides: return tr("Guides") + "  " + tr.plural("%d guide", "%d guides", counts.guides)
        case .forums: return tr("Forums") + "  " + tr.plural("%d thread", "%d threads", counts.threads)
        case .search: return tr("Search everything")
        case .outbox: return tr("Outbox") + "  " + tr.plural("%d queued", "%d queued", counts.queuedOps)
        case .bookmarks: return tr("Bookmarks")
        case .settings: return tr("Settings")
        case .sync: return tr("Sync") + "  " + SyncText.connection(context.sync.connection, tr: tr)
        case .help: return tr("Help")
        }
    }

    func render(into buffer: inout ScreenBuffer, area: Rect, context: AppContext) {
        var y = area.y + 1
        if counts.isEmpty {
            for line in [context.tr("The local store is empty."), context.tr("Import a content pack with: rrc import PATH")] {
                buffer.put(line, x: area.x + 2, y: y, role: .dim, maxWidth: area.width - 3)
                y += 1
            }
            y += 1
        }
        let listArea = Rect(x: area.x + 1, y: y, width: area.width - 2, height: area.y + area.height - y)
        list.render(into: &buffer, area: listArea, empty: "") { entry, _ in StyledLine(label(entry, context)) }
    }
}
