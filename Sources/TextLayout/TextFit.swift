// Fitting text into columns: truncate with an ellipsis, pad, wrap by word.

public enum TextFit {
    public static let ellipsis: Character = "…"

    /// `text` normalised and cut to at most `width` columns, ending in `…` when cut.
    /// `ellipsisAlways`: end in `…` even when `text` fits exactly (more follows it).
    public static func truncate(_ text: String, to width: Int, ellipsisAlways: Bool = false) -> String {
        guard width > 0 else { return "" }
        let clean = DisplayText.normalise(text)
        if DisplayWidth.of(clean) <= width && !ellipsisAlways { return clean }
        var result = ""
        var used = 0
        for character in clean {
            let w = DisplayWidth.of(character)
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        result.append(ellipsis)
        return result
    }

    /// `text` truncated, then padded with spaces to exactly `width` columns.
    public static func pad(_ text: String, to width: Int) -> String {
        let cut = truncate(text, to: width)
        return cut + String(repeating: " ", count: max(0, width - DisplayWidth.of(cut)))
    }

    /// Lines of at most `width` columns, broken between words; a word longer than a line is
    /// broken where it must be. Line breaks in `text` start new lines; blank lines are kept.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let clean = DisplayText.normalise(String(paragraph.hasSuffix("\r") ? paragraph.dropLast() : paragraph))
            lines += wrapParagraph(clean, width: width)
        }
        return lines
    }

    static func wrapParagraph(_ text: String, width: Int) -> [String] {
        if text.isEmpty { return [""] }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            var word = Substring(word)
            var wordWidth = DisplayWidth.of(String(word))
            let gap = line.isEmpty ? 0 : 1
            if lineWidth + gap + wordWidth <= width {
                if gap == 1 { line += " " }
                line += word
                lineWidth += gap + wordWidth
                continue
            }
            if !line.isEmpty {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            // Break a word wider than the line.
            while wordWidth > width {
                var piece = ""
                var pieceWidth = 0
                var index = word.startIndex
                while index < word.endIndex {
                    let w = DisplayWidth.of(word[index])
                    if pieceWidth + w > width { break }
                    piece.append(word[index])
                    pieceWidth += w
                    index = word.index(after: index)
                }
                if piece.isEmpty { index = word.index(after: word.startIndex); piece = String(word[word.startIndex]) }
                lines.append(piece)
                word = word[index...]
                wordWidth = DisplayWidth.of(String(word))
            }
            line = String(word)
            lineWidth = wordWidth
        }
        lines.append(line)
        return lines
    }
}
