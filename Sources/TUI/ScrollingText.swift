// A scrolling page of styled lines (a resource, a guide section, help).
import Foundation
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

    /// Scrolls to the next (or previous) line holding a word of `query`, folded the way search
    /// folds (case and diacritics), so `n` finds "Shqipëri" after a search for "shqiperi".
    mutating func jump(toMatchOf query: String, forward: Bool, viewHeight: Int) -> Bool {
        let words = query.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { Self.fold(String($0)) }.filter { !$0.isEmpty }
        guard !words.isEmpty, !lines.isEmpty else { return false }
        let order = forward ? Array((top + 1)..<max(top + 1, lines.count)) : Array((0..<top).reversed())
        for index in order {
            let text = Self.fold(lines[index].spans.map(\.text).joined())
            if words.contains(where: { text.contains($0) }) {
                scroll(to: index, viewHeight: viewHeight)
                if top != index { top = index }  // the last lines: still put the match first
                return true
            }
        }
        return false
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "ş", with: "s").replacingOccurrences(of: "ţ", with: "t")
    }

    func render(into buffer: inout ScreenBuffer, area: Rect) {
        for (offset, line) in lines.dropFirst(top).prefix(area.height).enumerated() {
            buffer.put(line, x: area.x + 1, y: area.y + offset, maxWidth: area.width - 2)
        }
    }
}
