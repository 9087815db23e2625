// The library: resources by title or newest first (O), filtered by language (Space), topic
// (T), type (Y) and country (C), each cycling through the values the library holds; x clears
// the filters.
import ClientStore
import Model
import Screen
import TextLayout

struct LibraryScreen: AppScreen, ListScreen {
    var list: SelectionList<ResourceSummary>
    var filter = ResourceFilter()
    var facets: LibraryFacets

    init(context: AppContext, filter: ResourceFilter = ResourceFilter()) throws {
        self.filter = filter
        facets = try context.store.libraryFacets()
        list = SelectionList()
        try reload(context)
    }

    mutating func reload(_ context: AppContext) throws {
        let store = context.store, current = filter
        list = try SelectionList { try store.resources(current, after: $0, limit: 100) }
    }

    func title(_ context: AppContext) -> String {
        let parts = [filter.language, filter.topic, filter.type, filter.country].compactMap { $0 }
            + (filter.order == .newest ? [context.tr("newest first")] : [])
        return context.tr("Library") + (parts.isEmpty ? "" : " [" + parts.joined(separator: ", ") + "]")
    }

    static func next(_ value: String?, in values: [String]) -> String? {
        let order: [String?] = [nil] + values
        let index = order.firstIndex(of: value) ?? 0
        return order[(index + 1) % order.count]
    }

    mutating func handle(_ action: Action, context: AppContext) throws -> Transition {
        if try list.handle(action, viewHeight: context.viewportHeight - 1) { return .stay }
        switch action {
        case .open:
            guard let row = list.current, let screen = try ResourceScreen(id: row.id, context: context) else { return .stay }
            return .push(screen)
        case .toggle:
            let chosen = context.preferences.contentLanguages
            filter.language = Self.next(filter.language, in: chosen.isEmpty ? Language.supported.map(\.code) : chosen)
        case .filterTopic: filter.topic = Self.next(filter.topic, in: facets.topics)
        case .filterType: filter.type = Self.next(filter.type, in: facets.types)
        case .filterCountry: filter.country = Self.next(filter.country, in: facets.countries)
        case .clearFilters: filter = ResourceFilter(order: filter.order)
        case .sortOrder: filter.order = filter.order == .title ? .newest : .title
        case .bookmark:
            guard let row = list.current else { return .stay }
            let on = try context.store.toggleBookmark(.resource, id: row.id)
            return .message(on ? context.tr("Bookmarked.") : context.tr("Bookmark removed."))
        case .back: return .pop
        default: return .stay
        }
        try reload(context)
        return .stay
    }

    func render(into buffer: inout ScreenBuffer, area: Rect, context: AppContext) {
        let hint = [context.tr("Space: language"), context.tr("T: topic"), context.tr("Y: type"), context.tr("C: country"),
                    context.tr("x: clear"), context.tr("O: sort")].joined(separator: " · ")
        buffer.put(hint, x: area.x + 1, y: area.y, role: .dim, maxWidth: area.width - 2)
        list.render(into: &buffer, area: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1),
                    empty: context.tr("No resources match.")) { row, width in
            let meta = "\(row.language)  \(row.year.map(String.init) ?? "    ")  "
            let type = TextFit.pad(row.type, to: 18) + " "
            return StyledLine([StyledSpan(meta, .dim), StyledSpan(width > 60 ? type : "", .dim), StyledSpan(row.title)])
        }
    }
}
