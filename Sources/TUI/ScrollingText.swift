// A scrolling page of styled lines (a resource, a guide section, help).
import Screen

struct ScrollingText {
    var lines: [StyledLine] = []
    var top = 0

    mutating func handle(_ action: Action, viewHeight: Int) -> Bool {
        let half = max(1, viewHeight / 2)
        switch action {
        case .moveDown: scroll(to: top + 1, viewHeight: viewHeight)
        case .moveUp: scroll(to: top - 1, viewHeight: viewHeight)
        case .halfPageDown: scroll(to: top + half, viewHeight: viewHeight)
        case .halfPageUp: scroll(to: top - half, viewHeight: viewHeight)
        case .top: top = 0
        case .bottom: scroll(to: lines.count, viewHeight: viewHeight)
        default: return false
        }
        return true
    }

    mutating func scroll(to line: Int, viewHeight: Int) {
        top = max(0, min(line, lines.count - max(1, viewHeight)))
    }

    /// Re-lays out with new lines, keeping the reading position: the line that was at the
    /// top maps to the same fraction of the text.
    mutating func replace(with newLines: [StyledLine]) {
        let fraction = lines.isEmpty ? 0 : Double(top) / Double(lines.count)
        lines = newLines
        top = min(max(0, Int((fraction * Double(newLines.count)).rounded(.down))), max(0, newLines.count - 1))
    }

    func render(into buffer: inout ScreenBuffer, area: Rect) {
        for (offset, line) in lines.dropFirst(top).prefix(area.height).enumerated() {
            buffer.put(line, x: area.x + 1, y: area.y + offset, maxWidth: area.width - 2)
        }
    }
}
