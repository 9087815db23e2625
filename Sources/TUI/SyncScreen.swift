// The Sync screen: server and account, the connection, and the last sync's true outcome.
import Screen
import Localization
import TextLayout

struct SyncScreen: AppScreen {
    init(context: AppContext) {}

    func title(_ context: AppContext) -> String { context.tr("Sync") }

    mutating func handle(_ action: Action, context: AppContext) throws -> Transition {
        switch action {
        case .back: .pop
        case .open: .push(LoginScreen(context: context))
        default: .stay
        }
    }

    func render(into buffer: inout ScreenBuffer, area: Rect, context: AppContext) {
        let status = context.sync
        let tr = context.tr
        var lines: [StyledLine] = []
        func row(_ label: String, _ value: String, _ role: StyleRole = .normal) {
            lines.append(StyledLine([StyledSpan(TextFit.pad(label, to: 22) + "  ", .dim), StyledSpan(value, role)]))
        }
        row(tr("Server"), status.server ?? tr("none yet"))
        row(tr("Account"), status.user ?? tr("not logged in"))
        row(tr("Connection"), SyncText.connection(status.connection, tr: tr), status.connection == .offline ? .error : .normal)
        lines.append(StyledLine())
        if let outcome = status.lastOutcome {
            lines.append(StyledLine(tr("Last sync:") + " " + outcome.at.prefix(16).replacingOccurrences(of: "T", with: " "), .heading))
            row(tr("Posts sent"), String(outcome.sent))
            row(tr("Rejected"), String(outcome.rejected), outcome.rejected > 0 ? .error : .normal)
            row(tr("Edited elsewhere too"), String(outcome.conflicts))
            row(tr("Changes received"), String(outcome.received))
            row(tr("Bytes out / in"), "\(outcome.bytesOut) / \(outcome.bytesIn)")
            row(tr("Still queued"), String(outcome.stillQueued))
        } else {
            lines.append(StyledLine(tr("No sync has finished yet."), .dim))
        }
        if let problem = status.lastProblem {
            lines.append(StyledLine())
            lines += TextFit.wrap(tr("Last problem:") + " " + problem, width: max(1, area.width - 2)).map { StyledLine($0, .error) }
        }
        lines.append(StyledLine())
        lines.append(StyledLine(status.connection == .notLoggedIn ? tr("Enter: log in") : tr("s: sync now · Enter: log in as someone else"), .dim))
        for (offset, line) in lines.prefix(area.height).enumerated() {
            buffer.put(line, x: area.x + 1, y: area.y + offset, maxWidth: area.width - 2)
        }
    }
}

enum SyncText {
    static func connection(_ connection: SyncStatus.Connection, tr: Localizer) -> String {
        switch connection {
        case .notLoggedIn: tr("not logged in")
        case .offline: tr("offline")
        case .online: tr("online")
        case .syncing: tr("syncing…")
        }
    }
}
