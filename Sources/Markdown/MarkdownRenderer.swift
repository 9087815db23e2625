// Markdown → styled terminal lines: headings, emphasis, lists, task items, quotes, code,
// tables, and links shown as numbered references listed at the end.
import CCmarkGFM
import Screen
import TextLayout

public struct RenderedMarkdown {
    public var lines: [StyledLine]
    /// Link targets in the order their numbers were given.
    public var links: [String]
}

public enum MarkdownRenderer {
    public static func render(_ markdown: String, width: Int, referencesTitle: String = "Links") -> RenderedMarkdown {
        let document = MarkdownDocument(markdown)
        var state = State(width: max(width, 8))
        var child = cmark_node_first_child(document.root)
        while let node = child {
            state.block(node, indent: 0, prefix: "")
            child = cmark_node_next(node)
        }
        if !state.links.isEmpty {
            state.blank()
            state.lines.append(StyledLine(referencesTitle, .heading))
            for (index, url) in state.links.enumerated() {
                state.lines += StyledWrap.wrap([StyledSpan(url, .link)], width: state.width,
                                               firstPrefix: StyledSpan("[\(index + 1)] ", .link), indent: 4)
            }
        }
        while state.lines.last?.text.isEmpty == true { state.lines.removeLast() }
        return RenderedMarkdown(lines: state.lines, links: state.links)
    }

    struct State {
        let width: Int
        var lines: [StyledLine] = []
        var links: [String] = []
        /// How deep the walk is. Past `maximumDepth` the rest is shown as plain text: a post
        /// nested thousands of levels deep must not exhaust the stack of every reader.
        var depth = 0
        static let maximumDepth = 24

        mutating func blank() {
            if let last = lines.last, !last.text.allSatisfy({ $0 == " " || $0 == "│" }) { lines.append(StyledLine()) }
        }

        mutating func block(_ node: OpaquePointer, indent: Int, prefix: String) {
            depth += 1
            defer { depth -= 1 }
            let pad = prefix + String(repeating: " ", count: min(indent, width / 2))
            let room = max(8, width - DisplayWidth.of(pad))
            guard depth <= Self.maximumDepth else {
                lines += StyledWrap.wrap([StyledSpan(MarkdownDocument.plainText(of: node))], width: room).map { prefixed(pad, $0) }
                return
            }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                blank()
                let level = Int(cmark_node_get_heading_level(node))
                let spans = inlines(node, role: .heading)
                lines += StyledWrap.wrap(spans, width: room).map { prefixed(pad, $0) }
                if level <= 2 {
                    let rule = String(repeating: level == 1 ? "═" : "─", count: min(room, DisplayWidth.of(StyledLine(spans).text)))
                    lines.append(prefixed(pad, StyledLine(rule, .heading)))
                }
                lines.append(StyledLine(pad))
            case CMARK_NODE_PARAGRAPH:
                lines += StyledWrap.wrap(inlines(node, role: .normal), width: room).map { prefixed(pad, $0) }
                lines.append(StyledLine(pad))
            case CMARK_NODE_LIST:
                let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
                var number = Int(cmark_node_get_list_start(node))
                var item = cmark_node_first_child(node)
                while let current = item {
                    listItem(current, marker: ordered ? "\(number). " : "• ", indent: indent, prefix: prefix)
                    number += 1
                    item = cmark_node_next(current)
                }
                if lines.last?.text.allSatisfy({ $0 == " " }) == false { lines.append(StyledLine(pad)) }
            case CMARK_NODE_BLOCK_QUOTE:
                var child = cmark_node_first_child(node)
                while let current = child {
                    block(current, indent: 0, prefix: DisplayWidth.of(pad) < width / 2 ? pad + "│ " : pad)
                    child = cmark_node_next(current)
                }
            case CMARK_NODE_CODE_BLOCK:
                let code = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                for line in code.split(separator: "\n", omittingEmptySubsequences: false).dropLast(code.hasSuffix("\n") ? 1 : 0) {
                    lines.append(prefixed(pad, StyledLine("  " + TextFit.truncate(String(line), to: max(1, room - 2)), .dim)))
                }
                lines.append(StyledLine(pad))
            case CMARK_NODE_THEMATIC_BREAK:
                lines.append(prefixed(pad, StyledLine(String(repeating: "─", count: max(1, room)), .dim)))
            default:
                if let typeName = cmark_node_get_type_string(node), String(cString: typeName) == "table" {
                    table(node, pad: pad, room: room)
                } else if let literal = cmark_node_get_literal(node) {
                    lines += StyledWrap.wrap([StyledSpan(String(cString: literal), .dim)], width: room).map { prefixed(pad, $0) }
                }
            }
        }

        mutating func listItem(_ item: OpaquePointer, marker: String, indent: Int, prefix: String) {
            var marker = marker
            if let typeName = cmark_node_get_type_string(item), String(cString: typeName) == "tasklist" {
                marker = cmark_gfm_extensions_get_tasklist_item_checked(item) ? "[x] " : "[ ] "
            }
            let pad = prefix + String(repeating: " ", count: indent)
            let markerWidth = DisplayWidth.of(marker)
            var first = true
            var child = cmark_node_first_child(item)
            while let current = child {
                if first, cmark_node_get_type(current) == CMARK_NODE_PARAGRAPH {
                    let wrapped = StyledWrap.wrap(inlines(current, role: .normal), width: width - DisplayWidth.of(pad),
                                                  firstPrefix: StyledSpan(marker, marker.hasPrefix("[x") ? .checked : .normal),
                                                  indent: markerWidth)
                    lines += wrapped.map { prefixed(pad, $0) }
                } else {
                    block(current, indent: indent + markerWidth, prefix: prefix)
                    if lines.last?.text.allSatisfy({ $0 == " " }) == true { lines.removeLast() }
                }
                first = false
                child = cmark_node_next(current)
            }
        }

        mutating func table(_ node: OpaquePointer, pad: String, room: Int) {
            var rows: [[String]] = []
            var row = cmark_node_first_child(node)
            while let currentRow = row {
                var cells: [String] = []
                var cell = cmark_node_first_child(currentRow)
                while let currentCell = cell {
                    cells.append(DisplayText.normalise(MarkdownDocument.plainText(of: currentCell)))
                    cell = cmark_node_next(currentCell)
                }
                rows.append(cells)
                row = cmark_node_next(currentRow)
            }
            guard let columns = rows.map(\.count).max(), columns > 0 else { return }
            var widths = (0..<columns).map { column in rows.map { column < $0.count ? DisplayWidth.of($0[column]) : 0 }.max() ?? 0 }
            let available = room - 3 * (columns - 1)
            // Shrink the widest columns until the table fits.
            while widths.reduce(0, +) > available, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 3 {
                widths[widest] -= 1
            }
            for (index, cells) in rows.enumerated() {
                let text = (0..<columns).map { TextFit.pad($0 < cells.count ? cells[$0] : "", to: widths[$0]) }.joined(separator: " │ ")
                lines.append(prefixed(pad, StyledLine(text, index == 0 ? .heading : .normal)))
                if index == 0 {
                    lines.append(prefixed(pad, StyledLine(widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─"), .dim)))
                }
            }
            lines.append(StyledLine(pad))
        }

        /// The inline content of a block as spans; links become text plus a `[n]` reference.
        mutating func inlines(_ node: OpaquePointer, role: StyleRole) -> [StyledSpan] {
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maximumDepth * 2 else { return [StyledSpan(MarkdownDocument.plainText(of: node), role)] }
            var spans: [StyledSpan] = []
            var child = cmark_node_first_child(node)
            while let current = child {
                switch cmark_node_get_type(current) {
                case CMARK_NODE_TEXT, CMARK_NODE_HTML_INLINE:
                    spans.append(StyledSpan(cmark_node_get_literal(current).map { String(cString: $0) } ?? "", role))
                case CMARK_NODE_CODE:
                    spans.append(StyledSpan(cmark_node_get_literal(current).map { String(cString: $0) } ?? "", .dim))
                case CMARK_NODE_SOFTBREAK:
                    spans.append(StyledSpan(" ", role))
                case CMARK_NODE_LINEBREAK:
                    spans.append(StyledSpan(" ", role))
                case CMARK_NODE_STRONG:
                    spans += inlines(current, role: role == .normal ? .title : role)
                case CMARK_NODE_EMPH:
                    spans += inlines(current, role: role)
                case CMARK_NODE_LINK:
                    let url = cmark_node_get_url(current).map { String(cString: $0) } ?? ""
                    let text = inlines(current, role: .link)
                    spans += text
                    // Every target is listed, even when the text looks like a URL: the text
                    // may name another address than the one the link goes to.
                    if !url.isEmpty {
                        links.append(url)
                        spans.append(StyledSpan("[\(links.count)]", .link))
                    }
                case CMARK_NODE_IMAGE:
                    let url = cmark_node_get_url(current).map { String(cString: $0) } ?? ""
                    links.append(url)
                    spans.append(StyledSpan("[image: \(MarkdownDocument.plainText(of: current))][\(links.count)]", .link))
                default:
                    spans += inlines(current, role: role)
                }
                child = cmark_node_next(current)
            }
            // Spans that start a word right after another need no space; mark joins by
            // merging adjacent spans of the same role so wrapping sees whole words.
            return merged(spans)
        }

        func merged(_ spans: [StyledSpan]) -> [StyledSpan] {
            var result: [StyledSpan] = []
            for span in spans where !span.text.isEmpty {
                if let last = result.last, last.role == span.role { result[result.count - 1].text += span.text } else { result.append(span) }
            }
            return result
        }

        func prefixed(_ pad: String, _ line: StyledLine) -> StyledLine {
            pad.isEmpty ? line : StyledLine([StyledSpan(pad, pad.contains("│") ? .dim : .normal)] + line.spans)
        }
    }
}
