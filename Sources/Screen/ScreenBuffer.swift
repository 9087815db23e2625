// A grid of cells that views draw into; the terminal backend diffs and flushes it.
import TextLayout

public struct ScreenBuffer: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the text cursor shows (an input field), or nil to hide it.
    public var cursor: ScreenPoint?
    /// Which row of a selectable list each screen line shows (line → row index), so a mouse
    /// click can select what it landed on without the app knowing any screen's layout.
    public var listRows: [Int: Int] = [:]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes `text` at (x, y), normalised for display, clipped at `maxWidth` columns (and the
    /// right edge). A wide character that would not fit whole is not half-drawn. Returns the
    /// columns written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: StyleRole = .normal, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var column = x
        for character in DisplayText.normalise(text) {
            let w = DisplayWidth.of(character)
            if w == 0 {
                // A zero-width grapheme joins the cell before it.
                if column > x, column - 1 >= 0 { cells[y * width + column - 1].text.append(character) }
                continue
            }
            if column + w > limit { break }
            if column >= 0 {
                clearWide(at: column, y: y)
                cells[y * width + column] = Cell(text: String(character), width: w, role: role)
                if w == 2 { cells[y * width + column + 1] = .continuation(role) }
            }
            column += w
        }
        return max(0, column - x)
    }

    /// Fills a row segment with spaces in `role` (backgrounds of bars and selections).
    public mutating func fill(y: Int, from x: Int = 0, width count: Int? = nil, role: StyleRole) {
        guard y >= 0, y < height else { return }
        let end = min(width, x + (count ?? width))
        for column in max(0, x)..<max(max(0, x), end) {
            clearWide(at: column, y: y)
            cells[y * width + column] = Cell(text: " ", width: 1, role: role)
        }
    }

    /// Overwriting half of a wide character blanks its other half.
    private mutating func clearWide(at column: Int, y: Int) {
        let cell = cells[y * width + column]
        if cell.width == 0, column > 0 { cells[y * width + column - 1] = Cell(text: " ", width: 1, role: cells[y * width + column - 1].role) }
        if cell.width == 2, column + 1 < width { cells[y * width + column + 1] = Cell(text: " ", width: 1, role: cell.role) }
    }

    /// Row `y` as plain text, for tests and screen readers.
    public func line(_ y: Int) -> String {
        (0..<width).map { self[$0, y].text }.joined()
    }

    public var lines: [String] { (0..<height).map(line) }

    /// Where the two buffers differ: row → changed column ranges (for the terminal's diff).
    public func changedRows(since previous: ScreenBuffer?) -> [Int] {
        guard let previous, previous.width == width, previous.height == height else { return Array(0..<height) }
        return (0..<height).filter { y in
            cells[(y * width)..<((y + 1) * width)] != previous.cells[(y * width)..<((y + 1) * width)]
        }
    }
}
