// A line of text made of spans, each with its own style role.
import TextLayout

public struct StyledSpan: Equatable, Sendable {
    public var text: String
    public var role: StyleRole
    public init(_ text: String, _ role: StyleRole = .normal) { self.text = text; self.role = role }
}

public struct StyledLine: Equatable, Sendable {
    public var spans: [StyledSpan]
    public init(_ spans: [StyledSpan] = []) { self.spans = spans }
    public init(_ text: String, _ role: StyleRole = .normal) { spans = [StyledSpan(text, role)] }
    public var text: String { spans.map(\.text).joined() }
}

extension ScreenBuffer {
    /// Draws a styled line at (x, y) in `maxWidth` columns; a line that does not fit ends
    /// in `…`, so a cut title never passes for a whole one.
    @discardableResult
    public mutating func put(_ line: StyledLine, x: Int, y: Int, maxWidth: Int) -> Int {
        // No grapheme is wider than its UTF-8 bytes once normalised, so a line with no more
        // bytes than columns fits without measuring it (most list rows): the render path
        // measures only lines that may be cut.
        let fits = line.spans.reduce(0) { $0 + $1.text.utf8.count } <= maxWidth
        let widths = fits ? [] : line.spans.map { DisplayWidth.of(DisplayText.normalise($0.text)) }
        let reallyFits = fits || widths.reduce(0, +) <= maxWidth
        var used = 0
        for (index, span) in line.spans.enumerated() where used < maxWidth {
            let room = maxWidth - used
            let text = reallyFits || widths[index] < room ? span.text : TextFit.truncate(span.text, to: room, ellipsisAlways: true)
            used += put(text, x: x + used, y: y, role: span.role, maxWidth: room)
        }
        return used
    }
}

public enum StyledWrap {
    /// Wraps spans to `width` columns, breaking between words and keeping each word's role.
    /// Every line after the first starts with `indent` spaces (hanging indent).
    public static func wrap(_ spans: [StyledSpan], width: Int, firstPrefix: StyledSpan? = nil, indent: Int = 0) -> [StyledLine] {
        guard width > indent + 1 else { return [StyledLine(spans)] }
        var lines: [StyledLine] = []
        var current = StyledLine(firstPrefix.map { [$0] } ?? [])
        var used = firstPrefix.map { DisplayWidth.of($0.text) } ?? 0
        var lineStart = true
        func newLine() {
            lines.append(current)
            current = StyledLine(indent > 0 ? [StyledSpan(String(repeating: " ", count: indent))] : [])
            used = indent
            lineStart = true
        }
        // A space that ended the previous span still separates it from this one.
        var pendingSpace = false
        for span in spans {
            for (index, piece) in span.text.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
                let needsSpace = index > 0 || pendingSpace
                var word = String(piece)
                if word.isEmpty { continue }
                pendingSpace = false
                var wordWidth = DisplayWidth.of(word)
                let gap = (!lineStart && needsSpace) ? 1 : 0
                if used + gap + wordWidth > width && !lineStart { newLine() }
                else if gap == 1 { current.spans.append(StyledSpan(" ", span.role)); used += 1 }
                if wordWidth > width - used, width - used > 0 {
                    // A word longer than the line is cut into line-sized pieces in one pass
                    // (a 200 000-character "word" in a post must not take minutes).
                    var piece = "", pieceWidth = 0
                    for character in word {
                        let characterWidth = DisplayWidth.of(character)
                        if pieceWidth + characterWidth > width - used, !piece.isEmpty {
                            current.spans.append(StyledSpan(piece, span.role))
                            newLine()
                            piece = ""
                            pieceWidth = 0
                        }
                        piece.append(character)
                        pieceWidth += characterWidth
                    }
                    word = piece
                    wordWidth = pieceWidth
                }
                if !word.isEmpty {
                    current.spans.append(StyledSpan(word, span.role))
                    used += wordWidth
                    lineStart = false
                }
            }
            if span.text.hasSuffix(" ") { pendingSpace = true }
        }
        lines.append(current)
        return lines
    }
}
