// A guide: sections with checklists the user ticks (Space); p for presenter mode, one
// section per screen with a large heading, for trainers at a projector.
import ClientStore
import Markdown
import Model
import Screen
import TextLayout

struct GuideScreen: AppScreen {
    let detail: GuideDetail
    var ticks: Set<ChecklistPosition>
    /// Every checklist item in order; the selection moves over these.
    let items: [ChecklistPosition]
    var selected = 0
    var presenter = false
    var section = 0
    var text = ScrollingText()
    var laidOutWidth = 0

    init?(id: String, context: AppContext) throws {
        guard let detail = try context.store.guide(id: id) else { return nil }
        self.detail = detail
        ticks = try context.store.ticks(guide: id)
        items = detail.guide.sections.enumerated().flatMap { index, section in
            section.checklist.indices.map { ChecklistPosition(section: index, item: $0) }
        }
    }

    func title(_ context: AppContext) -> String {
        detail.guide.title + (presenter ? " · " + context.tr("presenter") : "")
    }

    /// The page as lines; `itemLines` says which line each checklist item starts on.
    func layout(width: Int, context: AppContext) -> (lines: [StyledLine], itemLines: [Int]) {
        var lines: [StyledLine] = []
        var itemLines: [Int] = []
        let sections = presenter ? [detail.guide.sections[section]] : detail.guide.sections
        let firstIndex = presenter ? section : 0
        if !presenter {
            lines.append(StyledLine(detail.guide.title, .heading))
            if !detail.guide.summary.isEmpty { lines += StyledWrap.wrap([StyledSpan(detail.guide.summary, .dim)], width: width) }
            lines.append(StyledLine())
        }
        for (offset, guideSection) in sections.enumerated() {
            let index = firstIndex + offset
            if presenter {
                // Large heading: the title spaced out and underlined.
                let big = guideSection.title.uppercased().map(String.init).joined(separator: " ")
                lines.append(StyledLine())
                lines += StyledWrap.wrap([StyledSpan(big, .heading)], width: width)
                lines.append(StyledLine(String(repeating: "━", count: min(width, DisplayWidth.of(big))), .heading))
                lines.append(StyledLine())
            } else {
                lines.append(StyledLine(guideSection.title, .heading))
            }
            // The section text without its task items, which are drawn as tickable rows.
            let prose = guideSection.body.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { line in
                    let trimmed = line.drop { $0 == " " }
                    return !(trimmed.hasPrefix("- [ ]") || trimmed.hasPrefix("- [x]") || trimmed.hasPrefix("- [X]")
                             || trimmed.hasPrefix("* [ ]") || trimmed.hasPrefix("* [x]"))
                }.joined(separator: "\n")
            lines += MarkdownRenderer.render(prose, width: width).lines
            for (itemIndex, item) in guideSection.checklist.enumerated() {
                let position = ChecklistPosition(section: index, item: itemIndex)
                let ticked = ticks.contains(position)
                itemLines.append(lines.count)
                lines += StyledWrap.wrap([StyledSpan(item.text, ticked ? .checked : .normal)], width: width,
                                         firstPrefix: StyledSpan(ticked ? "[x] " : "[ ] ", ticked ? .checked : .normal), indent: 4)
            }
            lines.append(StyledLine())
        }
        if presenter {
            lines.append(StyledLine("\(section + 1)/\(detail.guide.sections.count)  " + context.tr("j/k: next or previous section"), .dim))
        }
        return (lines, itemLines)
    }

    var visibleItems: [ChecklistPosition] { presenter ? items.filter { $0.section == section } : items }

    mutating func layOut(_ context: AppContext, force: Bool = false) {
        guard force || laidOutWidth != context.viewportWidth || text.lines.isEmpty else { return }
        laidOutWidth = context.viewportWidth
        text.replace(with: layout(width: context.viewportWidth - 2, context: context).lines)
    }

    mutating func handle(_ action: Action, context: AppContext) throws -> Transition {
        layOut(context)
        let visible = visibleItems
        switch action {
        case .moveDown, .moveUp:
            if presenter && visible.isEmpty {
                section = max(0, min(detail.guide.sections.count - 1, section + (action == .moveDown ? 1 : -1)))
                text = ScrollingText()
                layOut(context, force: true)
                return .stay
            }
            guard !visible.isEmpty else { _ = text.handle(action, viewHeight: context.viewportHeight); return .stay }
            let currentIndex = visible.firstIndex(of: items[safe: selected] ?? visible[0]) ?? 0
            let nextIndex = currentIndex + (action == .moveDown ? 1 : -1)
            if presenter && (nextIndex < 0 || nextIndex >= visible.count) {
                // Past the section's last item: next section.
                section = max(0, min(detail.guide.sections.count - 1, section + (action == .moveDown ? 1 : -1)))
                text = ScrollingText()
                layOut(context, force: true)
                selected = items.firstIndex(where: { $0.section == section }) ?? selected
                return .stay
            }
            let clamped = max(0, min(visible.count - 1, nextIndex))
            selected = items.firstIndex(of: visible[clamped]) ?? 0
            keepSelectionVisible(context)
        case .toggle:
            guard let position = items[safe: selected] else { return .stay }
            let ticked = !ticks.contains(position)
            try context.store.setTick(guide: detail.guide.id, at: position, ticked: ticked)
            if ticked { ticks.insert(position) } else { ticks.remove(position) }
            layOut(context, force: true)
        case .bookmark:
            let on = try context.store.toggleBookmark(.guide, id: detail.guide.id)
            return .message(on ? context.tr("Bookmarked.") : context.tr("Bookmark removed."))
        case .presenter:
            presenter.toggle()
            section = items[safe: selected]?.section ?? 0
            text = ScrollingText()
            layOut(context, force: true)
        case .back:
            if presenter { presenter = false; text = ScrollingText(); layOut(context, force: true); return .stay }
            return .pop
        default:
            _ = text.handle(action, viewHeight: context.viewportHeight)
        }
        return .stay
    }

    mutating func keepSelectionVisible(_ context: AppContext) {
        let itemLines = layout(width: context.viewportWidth - 2, context: context).itemLines
        let visible = visibleItems
        guard let position = items[safe: selected], let index = visible.firstIndex(of: position), index < itemLines.count else { return }
        let line = itemLines[index]
        if line < text.top { text.top = max(0, line - 1) }
        if line >= text.top + context.viewportHeight { text.scroll(to: line - context.viewportHeight + 2, viewHeight: context.viewportHeight) }
    }

    func render(into buffer: inout ScreenBuffer, area: Rect, context: AppContext) {
        text.render(into: &buffer, area: area)
        // Highlight the selected item's line.
        let itemLines = layout(width: area.width - 2, context: context).itemLines
        let visible = visibleItems
        if let position = items[safe: selected], let index = visible.firstIndex(of: position), index < itemLines.count {
            let y = area.y + itemLines[index] - text.top
            if y >= area.y && y < area.y + area.height {
                let line = text.lines[itemLines[index]]
                buffer.fill(y: y, from: area.x, width: area.width, role: .selection)
                buffer.put(StyledLine(line.spans.map { StyledSpan($0.text, .selection) }), x: area.x + 1, y: y, maxWidth: area.width - 2)
            }
        }
    }

    mutating func refresh(context: AppContext) throws {
        laidOutWidth = 0
        layOut(context)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
