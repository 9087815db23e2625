// A parsed Markdown document (cmark-gfm with tables, task lists, strikethrough, autolinks).
import CCmarkGFM

/// Owns a cmark-gfm syntax tree. Parsing is pure and cheap; one document per text.
public final class MarkdownDocument {
    let root: OpaquePointer
    /// The source split into lines without their terminators, for slicing blocks out verbatim.
    let sourceLines: [Substring]

    private static let extensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    public init(_ text: String) {
        _ = MarkdownDocument.extensionsRegistered
        let parser = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES)!
        defer { cmark_parser_free(parser) }
        for name in ["table", "tasklist", "strikethrough", "autolink"] {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        var copy = text
        copy.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        root = cmark_parser_finish(parser)
        sourceLines = MarkdownDocument.lines(of: text)
    }

    deinit { cmark_node_free(root) }

    /// Lines split on LF, CRLF or CR, as cmark counts them.
    static func lines(of text: String) -> [Substring] {
        var result: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        // Work on Unicode scalars: "\r\n" is one Character in Swift.
        let scalars = text.unicodeScalars
        var scalarIndex = scalars.startIndex
        while scalarIndex < scalars.endIndex {
            let scalar = scalars[scalarIndex]
            if scalar == "\n" || scalar == "\r" {
                index = scalarIndex
                result.append(text[start..<index])
                var next = scalars.index(after: scalarIndex)
                if scalar == "\r", next < scalars.endIndex, scalars[next] == "\n" { next = scalars.index(after: next) }
                start = next
                scalarIndex = next
            } else {
                scalarIndex = scalars.index(after: scalarIndex)
            }
        }
        if start < text.endIndex { result.append(text[start...]) }
        return result
    }

    /// Source lines `first...last` (1-based, inclusive) joined with "\n".
    func source(lines first: Int, through last: Int) -> String {
        let lower = max(first, 1) - 1
        let upper = min(last, sourceLines.count)
        guard lower < upper else { return "" }
        return sourceLines[lower..<upper].joined(separator: "\n")
    }

    /// The plain text inside a node: text, code and line breaks, markup dropped.
    static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
                if let literal = cmark_node_get_literal(current) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }
}
