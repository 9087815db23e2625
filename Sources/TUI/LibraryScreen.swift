// The library: resources by title, filtered by language (f cycles it).
import ClientStore
import Model
import Screen
import TextLayout

struct LibraryScreen: AppScreen {
    var list: SelectionList<ResourceSummary>
    var filter = ResourceFilter()

    init(context: AppContext, filter: ResourceFilter = ResourceFilter()) throws {
        self.filter = filter
        let store = context.store
        list = try SelectionList { try store.resources(filter, after: $0, limit: 100) }
    }

    func title(_ context: AppContext) -> String {
        context.tr("Library") + (filter.language.map { " [\($0)]" } ?? "")
    }

    mutating func handle(_ action: Action, context: AppContext) throws -> Transition {
        if try list.handle(action, viewHeight: context.viewportHeight - 1) { return .stay }
        switch action {
        case .open:
            guard let row = list.current, let screen = try ResourceScreen(id: row.id, context: context) else { return .stay }
            return .push(screen)
        case .toggle:
            // Space cycles the language filter: all, then each content language.
            let order: [String?] = [nil] + Language.supported.map(\.code)
            let index = order.firstIndex(of: filter.language) ?? 0
            filter.language = order[(index + 1) % order.count]
            let store = context.store, current = filter
            list = try SelectionList { try store.resources(current, after: $0, limit: 100) }
            return .stay
        case .back: return .pop
        default: return .stay
        }
    }

    func render(into buffer: inout ScreenBuffer, area: Rect, context: AppContext) {
        let hint = context.tr("Space: language filter") + " · " + context.tr("Enter: open")
        buffer.put(hint, x: area.x + 1, y: area.y, role: .dim, maxWidth: area.width - 2)
        list.render(into: &buffer, area: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1),
                    empty: context.tr("No resources match.")) { row, width in
            let meta = "\(row.language)  \(row.year.map(String.init) ?? "    ")  "
            let type = TextFit.pad(row.type, to: 18) + " "
            return StyledLine([StyledSpan(meta, .dim), StyledSpan(width > 60 ? type : "", .dim), StyledSpan(row.title)])
        }
    }
}
