// A scrolling list with a selection, filled page by page from a keyset query.
import ClientStore
import Screen

struct SelectionList<Row> {
    var rows: [Row] = []
    var selected = 0
    var top = 0
    /// Where the next page starts; nil when everything is loaded.
    var next: KeysetCursor?
    /// Loads the page after a cursor; kept so scrolling can ask for more.
    var loadPage: ((KeysetCursor?) throws -> Page<Row>)?

    init(rows: [Row] = []) { self.rows = rows }

    init(pageSize: Int = 100, load: @escaping (KeysetCursor?) throws -> Page<Row>) throws {
        loadPage = load
        let first = try load(nil)
        rows = first.items
        next = first.next
    }

    var current: Row? { rows.indices.contains(selected) ? rows[selected] : nil }

    /// Moves the selection for a movement action; true when the action was a movement.
    mutating func handle(_ action: Action, viewHeight: Int) throws -> Bool {
        let half = max(1, viewHeight / 2)
        switch action {
        case .moveDown: select(selected + 1, viewHeight: viewHeight)
        case .moveUp: select(selected - 1, viewHeight: viewHeight)
        case .halfPageDown: select(selected + half, viewHeight: viewHeight)
        case .halfPageUp: select(selected - half, viewHeight: viewHeight)
        case .top: select(0, viewHeight: viewHeight)
        case .bottom:
            while next != nil { try loadMore() }
            select(rows.count - 1, viewHeight: viewHeight)
        default: return false
        }
        // Keep a page ahead of the selection loaded: never the whole table.
        if next != nil, selected + viewHeight >= rows.count { try loadMore() }
        return true
    }

    mutating func loadMore() throws {
        guard let cursor = next, let loadPage else { return }
        let page = try loadPage(cursor)
        rows += page.items
        next = page.next
    }

    mutating func select(_ index: Int, viewHeight: Int) {
        selected = max(0, min(rows.count - 1, index))
        if selected < top { top = selected }
        if selected >= top + max(1, viewHeight) { top = selected - max(1, viewHeight) + 1 }
    }

    /// Draws visible rows with `line`; the selected row is highlighted across the area.
    func render(into buffer: inout ScreenBuffer, area: Rect, empty: String, line: (Row, Int) -> StyledLine) {
        guard area.height > 0 else { return }
        if rows.isEmpty {
            buffer.put(empty, x: area.x + 1, y: area.y, role: .dim, maxWidth: area.width - 1)
            return
        }
        // The selection stays visible even if the area shrank since the last move.
        var first = top
        if selected >= first + area.height { first = selected - area.height + 1 }
        if selected < first { first = selected }
        for (offset, index) in (first..<min(rows.count, first + area.height)).enumerated() {
            let y = area.y + offset
            buffer.listRows[y] = index
            let styled = line(rows[index], area.width - 1)
            if index == selected {
                buffer.fill(y: y, from: area.x, width: area.width, role: .selection)
                let plain = StyledLine(styled.spans.map { StyledSpan($0.text, $0.role == .match ? .match : .selection) })
                buffer.put(plain, x: area.x + 1, y: y, maxWidth: area.width - 1)
            } else {
                buffer.put(styled, x: area.x + 1, y: y, maxWidth: area.width - 1)
            }
        }
    }
}
