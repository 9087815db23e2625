// Case-practice guides by title.
import ClientStore
import Screen

struct GuidesScreen: AppScreen, ListScreen {
    var list: SelectionList<GuideSummary>

    init(context: AppContext) throws {
        let store = context.store
        list = try SelectionList { try store.guides(after: $0, limit: 100) }
    }

    func title(_ context: AppContext) -> String { context.tr("Guides") }

    mutating func handle(_ action: Action, context: AppContext) throws -> Transition {
        if try list.handle(action, viewHeight: context.viewportHeight) { return .stay }
        switch action {
        case .open:
            guard let row = list.current else { return .stay }
            return try GuideScreen(id: row.id, context: context).map(Transition.push) ?? .stay
        case .back: return .pop
        default: return .stay
        }
    }

    func render(into buffer: inout ScreenBuffer, area: Rect, context: AppContext) {
        list.render(into: &buffer, area: area, empty: context.tr("No guides yet.")) { guide, _ in
            StyledLine([StyledSpan(guide.language + "  ", .dim), StyledSpan(guide.title + "  "),
                        StyledSpan(context.tr.plural("%d step", "%d steps", guide.checklistItemCount), .dim)])
        }
    }
}
