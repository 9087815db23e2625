// Logging in from the interface: server, user, password (never shown). The run loop does
// the network call (an effect) and reports back in the status bar.
import Screen
import Terminal
import TextLayout

struct LoginScreen: AppScreen {
    enum Field: Int, CaseIterable { case server, user, password }
    var server: TextEditor
    var user = TextEditor(singleLine: true)
    var password = TextEditor(singleLine: true)
    var focus = Field.server
    var pending: Transition?

    init(context: AppContext) {
        server = TextEditor(text: context.sync.server ?? "https://", singleLine: true)
        if context.sync.server != nil { focus = .user }
    }

    func title(_ context: AppContext) -> String { context.tr("Log in") }

    mutating func handleTyping(_ key: Key, context: AppContext) throws -> Bool {
        switch key {
        case .escape:
            return false
        case .tab, .down:
            focus = Field(rawValue: (focus.rawValue + 1) % Field.allCases.count)!
        case .backTab, .up:
            focus = Field(rawValue: (focus.rawValue + Field.allCases.count - 1) % Field.allCases.count)!
        case .enter where focus != .password:
            focus = Field(rawValue: focus.rawValue + 1)!
        case .enter, .control("x"):
            guard server.text.hasPrefix("http://") || server.text.hasPrefix("https://"), !user.text.isEmpty, !password.text.isEmpty else {
                pending = .message(context.tr("Give the server (https://…), your username and your password."))
                return true
            }
            pending = .effect(.login(server: server.text, user: user.text, password: password.text))
            password.setText("")
        default:
            switch focus {
            case .server: _ = server.handle(key)
            case .user: _ = user.handle(key)
            case .password: _ = password.handle(key)
            }
        }
        return true
    }

    mutating func takePending() -> Transition? {
        defer { pending = nil }
        return pending
    }

    mutating func handle(_ action: Action, context: AppContext) throws -> Transition {
        action == .back ? .pop : .stay
    }

    func render(into buffer: inout ScreenBuffer, area: Rect, context: AppContext) {
        let labels = [context.tr("Server"), context.tr("Username"), context.tr("Password")]
        let labelWidth = min(20, labels.map(DisplayWidth.of).max() ?? 10) + 2
        for field in Field.allCases {
            let y = area.y + 1 + field.rawValue * 2
            guard y < area.y + area.height else { break }
            buffer.put(" " + labels[field.rawValue], x: area.x, y: y, role: .dim, maxWidth: labelWidth)
            let fieldArea = Rect(x: area.x + labelWidth + 1, y: y, width: area.width - labelWidth - 2, height: 1)
            switch field {
            case .server: server.render(into: &buffer, area: fieldArea, focused: focus == .server)
            case .user: user.render(into: &buffer, area: fieldArea, focused: focus == .user)
            case .password:
                // Dots, one per character: the password itself never reaches the screen.
                buffer.put(String(repeating: "•", count: password.text.count), x: fieldArea.x, y: y, maxWidth: fieldArea.width)
                if focus == .password { buffer.cursor = ScreenPoint(x: min(fieldArea.x + password.text.count, area.width - 1), y: y) }
            }
        }
        let y = area.y + 1 + Field.allCases.count * 2
        if y < area.y + area.height {
            buffer.put(" " + context.tr("Tab: next field · Enter: log in · Esc: back"), x: area.x, y: y, role: .dim, maxWidth: area.width)
        }
    }
}
