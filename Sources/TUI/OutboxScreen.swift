// The Outbox: everything written here that the server has not applied — queued, sending,
// rejected, conflicting — and the drafts not yet queued. Edit, discard (after a yes),
// copy out to a file. Nothing here is ever dropped without the user saying so.
import ClientStore
import Screen
import Terminal
import TextLayout

struct OutboxScreen: AppScreen, ListScreen {
    enum Row: Equatable {
        case op(OutboxEntry)
        case draft(Draft)
        /// A post edited here and on another device: the author chooses.
        case conflict(ConflictView)

        var body: String {
            switch self {
            case .op(let entry): entry.body
            case .draft(let draft): draft.body
            case .conflict(let conflict): conflict.mine
            }
        }
    }

    var list = SelectionList<Row>()
    /// The row waiting for "discard? y/n".
    var confirming: Row?
    var pending: Transition?

    init(context: AppContext) throws {
        try reload(context: context)
    }

    mutating func reload(context: AppContext) throws {
        let rows = try context.store.openConflicts().map(Row.conflict) + context.store.outbox().map(Row.op)
            + context.store.drafts().map(Row.draft)
        let selected = list.selected
        list = SelectionList(rows: rows)
        list.select(selected, viewHeight: max(1, context.viewportHeight - 1))
    }

    func title(_ context: AppContext) -> String { context.tr("Outbox") }

    mutating func refresh(context: AppContext) throws { try reload(context: context) }

    mutating func handleTyping(_ key: Key, context: AppContext) throws -> Bool {
        guard let row = confirming else { return false }
        confirming = nil
        if key == .character("y") {
            do {
                switch row {
                case .op(let entry): try context.store.discard(op: entry.opID)
                case .draft(let draft): try context.store.deleteDraft(for: draft.target)
                case .conflict(let conflict): try context.store.resolveConflict(conflict.id, useMine: false)
                }
                try reload(context: context)
                pending = .message(context.tr("Discarded."))
            } catch let error as WriteError {
                pending = .message(WriteErrorText.describe(error, tr: context.tr))
            }
        } else {
            pending = .message(context.tr("Kept."))
        }
        return true
    }

    mutating func takePending() -> Transition? {
        defer { pending = nil }
        return pending
    }

    mutating func handle(_ action: Action, context: AppContext) throws -> Transition {
        if try list.handle(action, viewHeight: listHeight(context)) { return .stay }
        guard let row = list.current else { return action == .back ? .pop : .stay }
        switch action {
        case .open, .edit:
            switch row {
            case .op(let entry):
                guard entry.state != .sending else { return .message(context.tr("It is being sent right now.")) }
                guard entry.kind != .postDelete else { return .message(WriteErrorText.describe(.deletionHasNoText, tr: context.tr)) }
                let heading = context.tr("Edit queued:") + " " + entry.threadTitle
                return .push(try ComposeScreen(target: .queued(op: entry.opID), heading: heading, context: context))
            case .draft(let draft):
                return .push(try ComposeScreen(target: draft.target, heading: draftHeading(draft, context), context: context))
            case .conflict(let conflict):
                // Take this device's text up again, as an edit the author reads over and queues.
                try context.store.resolveConflict(conflict.id, useMine: true)
                return .push(try ComposeScreen(target: .edit(post: conflict.postID),
                                               heading: context.tr("Edit your post in:") + " " + conflict.threadTitle, context: context))
            }
        case .discard:
            confirming = row
            return .message(context.tr("Discard it for good? y: yes, any other key: no"))
        case .copy:
            let name: String
            switch row {
            case .op(let entry): name = "outbox-" + entry.opID.split(separator: ":").joined(separator: "-")
            case .draft(let draft): name = "draft-" + draft.target.key.map { $0.isLetter || $0.isNumber ? $0 : "-" }
            case .conflict(let conflict): name = "conflict-\(conflict.id)"
            }
            return .effect(.copyOut(text: row.body, name: name))
        case .back: return .pop
        default: return .stay
        }
    }

    func draftHeading(_ draft: Draft, _ context: AppContext) -> String {
        switch draft.target {
        case .newThread: context.tr("Draft: new thread")
        case .reply: context.tr("Draft: reply")
        case .edit, .queued: context.tr("Draft: edit")
        }
    }

    func stateLabel(_ state: OutboxState, _ context: AppContext) -> String {
        switch state {
        case .queued: context.tr("queued")
        case .sending: context.tr("sending")
        case .applied: context.tr("sent")
        case .conflict: context.tr("conflict")
        case .rejected: context.tr("rejected")
        }
    }

    func listHeight(_ context: AppContext) -> Int { max(1, (context.viewportHeight - 1) / 2) }

    func render(into buffer: inout ScreenBuffer, area: Rect, context: AppContext) {
        // Keys for items only when there are items to use them on.
        if !list.rows.isEmpty {
            let hint = [context.tr("Enter/e: edit"), context.tr("d: discard"), context.tr("y: copy to a file")].joined(separator: " · ")
            buffer.put(" " + hint, x: area.x, y: area.y, role: .dim, maxWidth: area.width)
        }
        // The list on top, the selected item's whole text below it.
        let listRows = max(1, (area.height - 1) / 2)
        list.render(into: &buffer, area: Rect(x: area.x, y: area.y + 1, width: area.width, height: listRows),
                    empty: context.tr("Nothing waiting to be sent, and no drafts.")) { row, _ in
            switch row {
            case .op(let entry):
                let what = switch entry.kind {
                case .threadCreate: context.tr("new thread")
                case .postEdit: context.tr("edit")
                case .postDelete: context.tr("deletion")
                case .postCreate: context.tr("reply")
                }
                return StyledLine([StyledSpan(TextFit.pad(stateLabel(entry.state, context), to: 9) + " ",
                                              entry.state == .rejected || entry.state == .conflict ? .error : .queued),
                                   StyledSpan(what + " · ", .dim), StyledSpan(entry.threadTitle + "  "),
                                   StyledSpan(firstLine(entry.body), .dim)])
            case .draft(let draft):
                return StyledLine([StyledSpan(TextFit.pad(context.tr("draft"), to: 9) + " ", .dim),
                                   StyledSpan(draftHeading(draft, context) + "  "),
                                   StyledSpan(firstLine(draft.title.isEmpty ? draft.body : draft.title), .dim)])
            case .conflict(let conflict):
                return StyledLine([StyledSpan(TextFit.pad(context.tr("conflict"), to: 9) + " ", .error),
                                   StyledSpan(context.tr("edited on two devices") + " · ", .dim), StyledSpan(conflict.threadTitle)])
            }
        }
        guard let row = list.current else { return }
        var y = area.y + 1 + listRows
        buffer.fill(y: y, from: area.x, width: area.width, role: .border)
        y += 1
        if case .op(let entry) = row, let reason = entry.lastError {
            let said = context.tr("Server said:") + " " + RejectionText.describe(reason, tr: context.tr)
            for line in TextFit.wrap(said, width: max(1, area.width - 2)).prefix(3) where y < area.y + area.height {
                buffer.put(" " + line, x: area.x, y: y, role: .error, maxWidth: area.width)
                y += 1
            }
        }
        if case .conflict(let conflict) = row {
            renderConflict(conflict, into: &buffer, area: Rect(x: area.x, y: y, width: area.width, height: area.y + area.height - y),
                           context: context)
            return
        }
        var lines: [String] = []
        if case .op(let entry) = row, entry.kind == .threadCreate { lines.append(entry.title) }
        if case .draft(let draft) = row, !draft.title.isEmpty { lines.append(draft.title) }
        for paragraph in row.body.split(separator: "\n", omittingEmptySubsequences: false) {
            lines += TextFit.wrap(String(paragraph), width: max(1, area.width - 2))
        }
        for line in lines where y < area.y + area.height {
            buffer.put(line, x: area.x + 1, y: y, maxWidth: area.width - 2)
            y += 1
        }
    }

    /// Both texts, the server's first, and what each key does with them.
    func renderConflict(_ conflict: ConflictView, into buffer: inout ScreenBuffer, area: Rect, context: AppContext) {
        var lines = [StyledLine(context.tr("e: take your text up again · d: keep the server's"), .dim),
                     StyledLine(context.tr("Kept on the server:"), .heading)]
        lines += TextFit.wrap(conflict.kept, width: max(1, area.width - 2)).map { StyledLine($0) }
        lines.append(StyledLine(context.tr("Yours, from this device:"), .heading))
        lines += TextFit.wrap(conflict.mine, width: max(1, area.width - 2)).map { StyledLine($0) }
        for (offset, line) in lines.prefix(area.height).enumerated() {
            buffer.put(line, x: area.x + 1, y: area.y + offset, maxWidth: area.width - 2)
        }
    }

    func firstLine(_ text: String) -> String {
        text.split(separator: "\n").first { !$0.hasPrefix(">") && !$0.allSatisfy(\.isWhitespace) }.map(String.init) ?? ""
    }
}
