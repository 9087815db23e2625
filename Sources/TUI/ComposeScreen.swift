// Writing offline: a new thread, a reply (optionally quoting), an edit of one's own post or
// of a queued one. The built-in editor or the user's $VISUAL/$EDITOR; the draft is saved as
// the author types; the identifier check runs before anything is queued.
import ClientStore
import Foundation
import Model
import Screen
import Terminal
import TextLayout

struct ComposeScreen: AppScreen {
    enum Field { case title, body }
    enum Mode: Equatable {
        case editing
        /// The identifier check found something: anonymise, confirm or go back.
        case checking([IdentifierFinding])
    }

    let target: DraftTarget
    /// What the author is writing to, for the heading ("Reply to: …").
    let heading: String
    var title: TextEditor
    var body: TextEditor
    var focus: Field
    var mode: Mode = .editing
    private var unsaved = false
    /// Set once the author has seen the findings and chosen to send as written.
    private var confirmed = false
    let startsInExternalEditor: Bool

    init(target: DraftTarget, heading: String, quoting quote: String? = nil, context: AppContext) throws {
        self.target = target
        self.heading = heading
        var start = try context.store.startingText(for: target)
        if start.body.isEmpty, let quote, !quote.isEmpty {
            start.body = quote.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n") + "\n\n"
        }
        title = TextEditor(text: start.title, singleLine: true)
        body = TextEditor(text: start.body)
        focus = target.isThread && start.title.isEmpty ? .title : .body
        startsInExternalEditor = true
    }

    var isThread: Bool {
        if case .newThread = target { return true }
        return !title.text.isEmpty
    }

    var draft: Draft { Draft(target: target, title: isThread ? title.text : "", body: body.text) }

    /// The text for an external editor: a thread's title on the first line, as in a commit message.
    var editorRequest: EditorRequest {
        let text = isThread ? title.text + "\n\n" + body.text : body.text
        let name = target.key.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" }
        return EditorRequest(text: text, name: String(name))
    }

    mutating func receiveExternalEdit(_ text: String, context: AppContext) {
        if isThread {
            var lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            title.setText(lines.first?.trimmingCharacters(in: .whitespaces) ?? "")
            lines.removeFirst()
            body.setText((lines.first ?? "").trimmingCharacters(in: .newlines))
        } else {
            body.setText(text.hasSuffix("\n") ? String(text.dropLast()) : text)
        }
        focus = .body
        unsaved = true
        saveWork(context: context)
    }

    func title(_ context: AppContext) -> String {
        switch target {
        case .newThread: context.tr("New thread")
        case .reply: context.tr("Reply")
        case .edit, .queued: context.tr("Edit")
        }
    }

    // MARK: Update

    mutating func handleTyping(_ key: Key, context: AppContext) throws -> Bool {
        if case .checking(let findings) = mode { return try answerCheck(key, findings: findings, context: context) }
        switch key {
        case .escape:
            return false  // back: the draft is kept
        case .control("x"):
            try queue(context: context)
            return true
        case .control("e"), .control("o"):
            guard context.hasExternalEditor else { pending = .message(context.tr("Set VISUAL or EDITOR to use your own editor.")); return true }
            saveWork(context: context)
            pending = .effect(.editExternally(editorRequest))
            return true
        case .tab, .backTab:
            if isThread { focus = focus == .title ? .body : .title }
            return true
        case .enter where focus == .title:
            focus = .body
            return true
        default:
            let used = focus == .title ? title.handle(key) : body.handle(key)
            if used { edited(context: context) }
            // Every other key is the author's, not a command: `q` types a q.
            return true
        }
    }

    /// A transition decided while typing, handed to the app with the next action call.
    var pending: Transition?

    mutating func edited(context: AppContext) {
        unsaved = true
        confirmed = false
        // Every change is saved: a WAL commit without fsync costs well under a millisecond,
        // and then no crash, kill or closed terminal can take a keystroke with it.
        saveWork(context: context)
    }

    mutating func saveWork(context: AppContext) {
        guard unsaved else { return }
        do {
            try context.store.save(draft)
            unsaved = false
        } catch {
            // Keep `unsaved`: the next key or leaving tries again.
        }
    }

    mutating func queue(context: AppContext) throws {
        let findings = IdentifierScan.findings(in: title.text + "\n" + body.text)
        if !findings.isEmpty && !confirmed {
            mode = .checking(findings)
            return
        }
        unsaved = true
        saveWork(context: context)  // the text is safe even if queuing is refused
        do {
            pending = .queued(try context.store.queue(draft))
        } catch let error as WriteError {
            pending = .message(WriteErrorText.describe(error, tr: context.tr))
        }
    }

    mutating func answerCheck(_ key: Key, findings: [IdentifierFinding], context: AppContext) throws -> Bool {
        switch key {
        case .character("a"):
            let label = { (kind: IdentifierKind) in IdentifierText.placeholder(kind, tr: context.tr) }
            title.setText(IdentifierScan.anonymised(title.text, label: label))
            body.setText(IdentifierScan.anonymised(body.text, label: label))
            mode = .editing
            edited(context: context)
            pending = .message(context.tr("Replaced. Read it over, then C-x to queue."))
        case .character("y"):
            mode = .editing
            confirmed = true
            try queue(context: context)
        case .character("e"), .escape:
            mode = .editing
        default:
            break
        }
        return true
    }

    mutating func handle(_ action: Action, context: AppContext) throws -> Transition {
        if action == .back {
            unsaved = true
            saveWork(context: context)
            return draft.body.isEmpty && draft.title.isEmpty ? .pop : .popShowing(context.tr("Draft saved."))
        }
        return .stay
    }

    mutating func takePending() -> Transition? {
        defer { pending = nil }
        return pending
    }

    // MARK: View

    func render(into buffer: inout ScreenBuffer, area: Rect, context: AppContext) {
        guard area.height > 0 else { return }
        buffer.put(" " + heading, x: area.x, y: area.y, role: .heading, maxWidth: area.width)
        var y = area.y + 1
        if isThread || focus == .title {
            let label = context.tr("Title:") + " "
            let labelWidth = DisplayWidth.of(label)
            buffer.put(" " + label, x: area.x, y: y, role: .dim)
            title.render(into: &buffer, area: Rect(x: area.x + 1 + labelWidth, y: y, width: area.width - 2 - labelWidth, height: 1),
                         focused: focus == .title && mode == .editing)
            y += 1
        }
        buffer.fill(y: y, from: area.x, width: area.width, role: .border)
        y += 1
        let bodyArea = Rect(x: area.x + 1, y: y, width: area.width - 2, height: area.y + area.height - 1 - y)
        if case .checking(let findings) = mode {
            renderCheck(findings, into: &buffer, area: bodyArea, context: context)
        } else {
            var editor = body
            editor.keepCursorVisible(width: bodyArea.width, height: bodyArea.height)
            editor.render(into: &buffer, area: bodyArea, focused: focus == .body)
        }
        let hints = mode == .editing
            ? [context.tr("C-x: queue"), context.hasExternalEditor ? context.tr("C-e: your editor") : nil,
               target.isThread ? context.tr("Tab: title/text") : nil, context.tr("Esc: keep as draft")].compactMap { $0 }
            : [context.tr("a: anonymise"), context.tr("y: queue as written"), context.tr("e: edit again")]
        buffer.put(" " + hints.joined(separator: " · "), x: area.x, y: area.y + area.height - 1, role: .dim, maxWidth: area.width)
    }

    func renderCheck(_ findings: [IdentifierFinding], into buffer: inout ScreenBuffer, area: Rect, context: AppContext) {
        var lines = TextFit.wrap(context.tr("This text may identify a child or a family. Forums are no place for that:"), width: area.width)
            .map { StyledLine($0, .statusAlert) }
        lines.append(StyledLine())
        for finding in findings {
            lines.append(StyledLine([StyledSpan("• " + IdentifierText.name(finding.kind, tr: context.tr) + ": ", .dim),
                                     StyledSpan(finding.text, .match)]))
        }
        lines.append(StyledLine())
        lines += TextFit.wrap(context.tr("a replaces them with placeholders; y queues the text as written; e goes back to it."),
                              width: area.width).map { StyledLine($0) }
        for (offset, line) in lines.prefix(area.height).enumerated() {
            var x = area.x
            for span in line.spans {
                x += buffer.put(span.text, x: x, y: area.y + offset, role: span.role, maxWidth: area.x + area.width - x)
            }
        }
    }
}
