// Splits a guide's Markdown into sections at headings and collects each section's task items.
import CCmarkGFM
import Model
import Foundation

public enum GuideOutline {
    /// Sections in document order. Text before the first heading becomes a level-0 section
    /// titled `introTitle`; a heading's section runs to the next top-level heading. Task
    /// items (`- [ ]`, `- [x]`) anywhere inside a section, nested lists included, form its
    /// checklist; items inside code blocks are not task items (cmark knows the difference).
    public static func sections(of markdown: String, introTitle: String) -> [GuideSection] {
        let document = MarkdownDocument(markdown)
        var sections: [GuideSection] = []
        var current: (title: String, level: Int, firstLine: Int, items: [ChecklistItem])?
        var introItems: [ChecklistItem] = []
        var introFirstLine: Int?
        var lastLine = 0

        func close(before line: Int) {
            if let open = current {
                let body = document.source(lines: open.firstLine, through: line - 1)
                sections.append(GuideSection(title: open.title, level: open.level,
                                             body: body.trimmingBlankLines(), checklist: open.items))
            } else if let first = introFirstLine {
                let body = document.source(lines: first, through: line - 1).trimmingBlankLines()
                if !body.isEmpty || !introItems.isEmpty {
                    sections.append(GuideSection(title: introTitle, level: 0, body: body, checklist: introItems))
                }
            }
        }

        var child = cmark_node_first_child(document.root)
        while let node = child {
            let start = Int(cmark_node_get_start_line(node))
            lastLine = max(lastLine, Int(cmark_node_get_end_line(node)))
            if cmark_node_get_type(node) == CMARK_NODE_HEADING {
                close(before: start)
                current = (MarkdownDocument.plainText(of: node), Int(cmark_node_get_heading_level(node)),
                           Int(cmark_node_get_end_line(node)) + 1, [])
            } else {
                let items = taskItems(in: node)
                if current != nil { current!.items += items } else {
                    introItems += items
                    if introFirstLine == nil { introFirstLine = start }
                }
            }
            child = cmark_node_next(node)
        }
        close(before: max(lastLine, document.sourceLines.count) + 1)
        return sections
    }

    static func taskItems(in node: OpaquePointer) -> [ChecklistItem] {
        var items: [ChecklistItem] = []
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator),
                  cmark_node_get_type(current) == CMARK_NODE_ITEM,
                  let typeName = cmark_node_get_type_string(current),
                  String(cString: typeName) == "tasklist" else { continue }
            // The item's own text is its first paragraph; nested lists are items of their own.
            var text = ""
            if let first = cmark_node_first_child(current), cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH {
                text = MarkdownDocument.plainText(of: first)
            }
            items.append(ChecklistItem(text: text.trimmingCharacters(in: .whitespaces),
                                       checkedByDefault: cmark_gfm_extensions_get_tasklist_item_checked(current)))
        }
        return items
    }
}

extension String {
    /// Drops blank lines at both ends, keeping every other byte.
    func trimmingBlankLines() -> String {
        var lines = split(separator: "\n", omittingEmptySubsequences: false)
        while let first = lines.first, first.allSatisfy({ $0 == " " || $0 == "\t" }) { lines.removeFirst() }
        while let last = lines.last, last.allSatisfy({ $0 == " " || $0 == "\t" }) { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
