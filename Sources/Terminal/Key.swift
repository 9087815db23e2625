// A key press as the app sees it, independent of ncurses' codes.

public enum Key: Hashable, Sendable {
    case character(Character)
    /// Ctrl plus a letter (`control("d")` for Ctrl-D).
    case control(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    /// Ctrl with an arrow: word-wise movement in the editor.
    case controlLeft, controlRight
    case enter, escape, backspace, delete, tab, backTab
    case function(Int)

    /// The name used in keys.conf and in the help screen (`j`, `C-d`, `Enter`, `F1`).
    public var name: String {
        switch self {
        case .character(" "): "Space"
        case .character(let c): String(c)
        case .control(let c): "C-\(c)"
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        case .pageUp: "PageUp"
        case .pageDown: "PageDown"
        case .home: "Home"
        case .end: "End"
        case .controlLeft: "C-Left"
        case .controlRight: "C-Right"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .function(let n): "F\(n)"
        }
    }

    /// Reads a key name as written in keys.conf; nil for a name that is not a key.
    public init?(name: String) {
        let named: [String: Key] = [
            "Space": .character(" "), "Up": .up, "Down": .down, "Left": .left, "Right": .right,
            "PageUp": .pageUp, "PageDown": .pageDown, "Home": .home, "End": .end, "C-Left": .controlLeft, "C-Right": .controlRight, "Enter": .enter,
            "Esc": .escape, "Backspace": .backspace, "Delete": .delete, "Tab": .tab, "S-Tab": .backTab,
        ]
        if let key = named[name] { self = key; return }
        if name.hasPrefix("C-"), name.count == 3, let letter = name.last, letter.isLetter {
            self = .control(Character(letter.lowercased())); return
        }
        if name.hasPrefix("F"), let number = Int(name.dropFirst()), (1...12).contains(number) {
            self = .function(number); return
        }
        guard name.count == 1, let character = name.first else { return nil }
        self = .character(character)
    }
}

/// What the terminal reports.
public enum InputEvent: Equatable, Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// Only when the user turned the mouse on (`mouse = yes`).
    case mouse(MouseEvent)
    /// The terminal went away (hang-up, closed window): time to save and leave.
    case closed
}

/// The mouse events the interface acts on: the wheel scrolls, a press selects.
public enum MouseEvent: Equatable, Sendable {
    case wheelUp
    case wheelDown
    /// Button 1 went down at a cell (0-based, like the screen buffer).
    case press(x: Int, y: Int)
}
