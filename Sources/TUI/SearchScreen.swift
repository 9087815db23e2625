// One box over everything: type, Enter to search, then move through grouped results.
import Foundation
import ClientStore
import Screen
import Terminal
import TextLayout

struct SearchScreen: AppScreen, ListScreen {
    var query = ""
    var typing = true
    var list = SelectionList<SearchHit>()
    var searched = false

    init(context: AppContext) {}

    func title(_ context: AppContext) -> String { context.tr("Search") }

    mutating func handleTyping(_ key: Key, context: AppContext) throws -> Bool {
        guard typing else { return false }
        switch key {
        case .character(let character):
            query.append(character)
        case .backspace:
            if !query.isEmpty { query.removeLast() }
        case .enter:
            try run(context)
        case .down where searched && !list.rows.isEmpty:
            typing = false
        default:
            return false  // Esc and the like fall through to actions
        }
        return true
    }

    mutating func run(_ context: AppContext) throws {
        let hits = try context.store.search(SearchQuery(query, limit: 100))
        // Grouped by kind, best first within each group.
        let order = ["resource", "guide", "thread", "post"]
        list = SelectionList(rows: hits.sorted { (order.firstIndex(of: $0.kind) ?? 9, $0.score) < (order.firstIndex(of: $1.kind) ?? 9, $1.score) })
        searched = true
        typing = hits.isEmpty
    }

    mutating func handle(_ action: Action, context: AppContext) throws -> Transition {
        if action == .search { typing = true; return .stay }
        if action == .back { return typing && searched && !list.rows.isEmpty ? { typing = false; return .stay }() : .pop }
        if try list.handle(action, viewHeight: (context.viewportHeight - 2) / 2) { return .stay }
        guard action == .open, let hit = list.current else { return .stay }
        switch hit.kind {
        case "resource": return try ResourceScreen(id: hit.id, context: context).map(Transition.push) ?? .stay
        case "guide": return try GuideScreen(id: hit.id, context: context).map(Transition.push) ?? .stay
        case "thread": return try ThreadScreen(id: hit.id, context: context).map(Transition.push) ?? .stay
        default:
            guard let thread = hit.threadId else { return .stay }
            return try ThreadScreen(id: thread, focusPost: hit.id, context: context).map(Transition.push) ?? .stay
        }
    }

    func render(into buffer: inout ScreenBuffer, area: Rect, context: AppContext) {
        let prompt = context.tr("Search:") + " "
        buffer.put(prompt, x: area.x + 1, y: area.y, role: .heading)
        let promptWidth = DisplayWidth.of(prompt)
        let field = TextFit.truncate(query, to: max(1, area.width - promptWidth - 3))
        buffer.put(field, x: area.x + 1 + promptWidth, y: area.y, role: .normal)
        if typing { buffer.cursor = ScreenPoint(x: area.x + 1 + promptWidth + DisplayWidth.of(field), y: area.y) }
        let hint = typing ? context.tr("Enter: search · Esc: back") : context.tr("/: new search · Enter: open")
        buffer.put(hint, x: area.x + 1, y: area.y + 1, role: .dim, maxWidth: area.width - 2)
        guard searched else { return }
        let resultsArea = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2)
        // Two lines per hit: kind and title, then the snippet with the match highlighted.
        var pairs = SelectionList<SearchHit>(rows: list.rows)
        pairs.selected = list.selected
        pairs.top = list.top
        renderHits(pairs, into: &buffer, area: resultsArea, context: context)
    }

    func renderHits(_ list: SelectionList<SearchHit>, into buffer: inout ScreenBuffer, area: Rect, context: AppContext) {
        if list.rows.isEmpty {
            buffer.put(context.tr("Nothing found."), x: area.x + 1, y: area.y, role: .dim)
            return
        }
        let perPage = max(1, area.height / 2)
        var first = list.top
        if list.selected >= first + perPage { first = list.selected - perPage + 1 }
        if list.selected < first { first = list.selected }
        let kinds = ["resource": context.tr("Resource"), "guide": context.tr("Guide"),
                     "thread": context.tr("Thread"), "post": context.tr("Post")]
        for (offset, index) in (first..<min(list.rows.count, first + perPage)).enumerated() {
            let hit = list.rows[index]
            let y = area.y + offset * 2
            // Both lines of a hit answer a mouse press on it.
            buffer.listRows[y] = index
            buffer.listRows[y + 1] = index
            let selected = index == list.selected
            if selected {
                buffer.fill(y: y, from: area.x, width: area.width, role: .selection)
            }
            let head = StyledLine([StyledSpan(TextFit.pad(kinds[hit.kind] ?? hit.kind, to: 9) + " ", selected ? .selection : .badge),
                                   StyledSpan(hit.language + "  ", selected ? .selection : .dim)]
                                  + hit.title.parts.map { StyledSpan($0.text, $0.isMatch ? .match : (selected ? .selection : .title)) })
            buffer.put(head, x: area.x + 1, y: y, maxWidth: area.width - 2)
            let snippet = StyledLine(hit.snippet.parts.map {
                StyledSpan($0.text.replacingOccurrences(of: "\n", with: " "), $0.isMatch ? .match : .dim)
            })
            buffer.put(snippet, x: area.x + 4, y: y + 1, maxWidth: area.width - 5)
        }
    }
}
