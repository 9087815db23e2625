// Help: generated from the live keymap, so a keys.conf change shows here at once.
import Screen
import TextLayout

struct HelpScreen: AppScreen {
    var text = ScrollingText()

    init(context: AppContext) {}

    func title(_ context: AppContext) -> String { context.tr("Help") }

    func lines(_ context: AppContext) -> [StyledLine] {
        var lines = [StyledLine(context.tr("Keys"), .heading), StyledLine()]
        for action in Action.allCases {
            let keys = context.keymap.keys(for: action).map(\.name).joined(separator: " ")
            guard !keys.isEmpty else { continue }
            lines.append(StyledLine([StyledSpan(TextFit.pad(keys, to: 18) + "  ", .link), StyledSpan(context.tr(action.summary))]))
        }
        lines.append(StyledLine())
        lines.append(StyledLine(context.tr("Keys can be changed in keys.conf, one line per action: open = Enter l"), .dim))
        return lines
    }

    mutating func refresh(context: AppContext) throws { text.replace(with: lines(context)) }

    mutating func handle(_ action: Action, context: AppContext) throws -> Transition {
        if text.lines.isEmpty { text.lines = lines(context) }
        if text.handle(action, viewHeight: context.viewportHeight) { return .stay }
        return action == .back || action == .help ? .pop : .stay
    }

    func render(into buffer: inout ScreenBuffer, area: Rect, context: AppContext) {
        var page = text
        if page.lines.isEmpty { page.lines = lines(context) }
        page.render(into: &buffer, area: area)
    }
}
