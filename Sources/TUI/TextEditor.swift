// The built-in editor's state: lines of grapheme clusters and a cursor, edited by keys.
// Rendering wraps each line at the width of the area (by display width, so Cyrillic,
// diacritics and wide characters put the cursor where the eye expects it).
import Screen
import Terminal
import TextLayout

struct TextEditor: Equatable {
    /// Lines of user-perceived characters; never empty.
    private(set) var lines: [[Character]] = [[]]
    private(set) var row = 0
    private(set) var column = 0
    /// First visual row shown (scrolls to keep the cursor in view).
    private(set) var top = 0
    let singleLine: Bool

    init(text: String = "", singleLine: Bool = false) {
        self.singleLine = singleLine
        setText(text)
    }

    var text: String { lines.map { String($0) }.joined(separator: "\n") }

    mutating func setText(_ text: String) {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n")
        lines = normalised.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        if singleLine { lines = [Array(lines.joined(separator: [" "]))] }
        if lines.isEmpty { lines = [[]] }
        row = lines.count - 1
        column = lines[row].count
    }

    /// Applies an editing key; false when the key is not an editing key.
    mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character):
            // Controls never go into the text (a pasted escape sequence must not reach the terminal later).
            guard !character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return true }
            lines[row].insert(character, at: column)
            column += 1
        case .enter:
            guard !singleLine else { return false }
            let rest = Array(lines[row][column...])
            lines[row].removeSubrange(column...)
            lines.insert(rest, at: row + 1)
            row += 1
            column = 0
        case .backspace:
            if column > 0 {
                lines[row].remove(at: column - 1)
                column -= 1
            } else if row > 0 {
                column = lines[row - 1].count
                lines[row - 1] += lines[row]
                lines.remove(at: row)
                row -= 1
            }
        case .delete:
            if column < lines[row].count {
                lines[row].remove(at: column)
            } else if row + 1 < lines.count {
                lines[row] += lines[row + 1]
                lines.remove(at: row + 1)
            }
        case .left:
            if column > 0 { column -= 1 } else if row > 0 { row -= 1; column = lines[row].count }
        case .right:
            if column < lines[row].count { column += 1 } else if row + 1 < lines.count { row += 1; column = 0 }
        case .up:
            guard row > 0 else { return singleLine ? false : true }
            row -= 1
            column = min(column, lines[row].count)
        case .down:
            guard row + 1 < lines.count else { return singleLine ? false : true }
            row += 1
            column = min(column, lines[row].count)
        case .home, .control("a"): column = 0
        case .end, .control("e"): column = lines[row].count  // in Compose, C-e opens $EDITOR before this
        case .controlLeft: moveWord(forward: false)
        case .controlRight: moveWord(forward: true)
        case .control("w"):
            // Delete the word before the cursor, as in a shell.
            let end = column
            moveWord(forward: false)
            if row < lines.count, column < end { lines[row].removeSubrange(column..<end) }
        case .control("k"):
            lines[row].removeSubrange(column...)
        case .pageUp:
            row = max(0, row - 10); column = min(column, lines[row].count)
        case .pageDown:
            row = min(lines.count - 1, row + 10); column = min(column, lines[row].count)
        default:
            return false
        }
        return true
    }

    /// Word-wise movement within the line, then across line ends.
    private mutating func moveWord(forward: Bool) {
        let line = lines[row]
        if forward {
            guard column < line.count else { if row + 1 < lines.count { row += 1; column = 0 }; return }
            var index = column
            while index < line.count, !line[index].isLetter && !line[index].isNumber { index += 1 }
            while index < line.count, line[index].isLetter || line[index].isNumber { index += 1 }
            column = index
        } else {
            guard column > 0 else { if row > 0 { row -= 1; column = lines[row].count }; return }
            var index = column
            while index > 0, !line[index - 1].isLetter && !line[index - 1].isNumber { index -= 1 }
            while index > 0, line[index - 1].isLetter || line[index - 1].isNumber { index -= 1 }
            column = index
        }
    }

    /// One line split into rows of at most `width` columns; each row is its character range.
    static func wrap(_ line: [Character], width: Int) -> [Range<Int>] {
        var rows: [Range<Int>] = []
        var start = 0, used = 0
        for (index, character) in line.enumerated() {
            let cells = DisplayWidth.of(character)
            if used + cells > width, index > start {
                rows.append(start..<index)
                start = index
                used = 0
            }
            used += cells
        }
        rows.append(start..<line.count)
        return rows
    }

    /// Scrolls so the cursor is inside `height` visual rows at `width`.
    mutating func keepCursorVisible(width: Int, height: Int) {
        let cursorRow = visualCursor(width: width).row
        if cursorRow < top { top = cursorRow }
        if cursorRow >= top + max(1, height) { top = cursorRow - max(1, height) + 1 }
    }

    /// The cursor as (visual row, column in cells) at `width`.
    func visualCursor(width: Int) -> (row: Int, column: Int) {
        var visualRow = 0
        for index in 0..<row { visualRow += Self.wrap(lines[index], width: max(1, width)).count }
        let rows = Self.wrap(lines[row], width: max(1, width))
        // The cursor belongs to the row that holds its character, or after the last row's end.
        let which = rows.lastIndex { $0.lowerBound <= column } ?? 0
        let cells = lines[row][rows[which].lowerBound..<column].reduce(0) { $0 + DisplayWidth.of($1) }
        if cells >= width, which == rows.count - 1 { return (visualRow + which + 1, 0) }
        return (visualRow + which, cells)
    }

    /// Draws the text (wrapped) and, when `focused`, puts the terminal's cursor at the insertion point.
    func render(into buffer: inout ScreenBuffer, area: Rect, focused: Bool) {
        guard area.width > 0, area.height > 0 else { return }
        var visualRow = 0
        for line in lines {
            for range in Self.wrap(line, width: area.width) {
                let y = visualRow - top
                if y >= 0, y < area.height {
                    buffer.put(String(line[range]), x: area.x, y: area.y + y, role: .normal, maxWidth: area.width)
                }
                visualRow += 1
            }
            if visualRow - top >= area.height { break }
        }
        guard focused else { return }
        let cursor = visualCursor(width: area.width)
        let y = cursor.row - top
        guard y >= 0, y < area.height else { return }
        buffer.cursor = ScreenPoint(x: area.x + min(cursor.column, area.width - 1), y: area.y + y)
    }
}
