// The contract every screen keeps: handle named actions, render into a rectangle.
import ClientStore
import Localization
import Screen
import Terminal

/// What a screen asks the app to do after an action.
public enum Transition {
    case stay
    case push(any AppScreen)
    case pop
    case quit
}

/// What screens may use: the store to read and write, words in the user's language.
public struct AppContext {
    public let store: ClientStore
    public var tr: Localizer
    public var keymap: Keymap
    /// Rows and columns of the screen's content area (for paging and layout).
    public var viewportHeight = 22
    public var viewportWidth = 80

    public init(store: ClientStore, tr: Localizer, keymap: Keymap) {
        self.store = store; self.tr = tr; self.keymap = keymap
    }
}

public protocol AppScreen {
    /// Where the user is, for the title and status bar (already translated).
    func title(_ context: AppContext) -> String
    /// Reacts to a named action.
    mutating func handle(_ action: Action, context: AppContext) throws -> Transition
    /// A screen with a text field gets raw keys first; true when it used the key.
    mutating func handleTyping(_ key: Key, context: AppContext) throws -> Bool
    /// Draws into `area` of `buffer`.
    func render(into buffer: inout ScreenBuffer, area: Rect, context: AppContext)
    /// Called after the terminal size changes or the screen is shown again.
    mutating func refresh(context: AppContext) throws
}

extension AppScreen {
    public mutating func handleTyping(_ key: Key, context: AppContext) throws -> Bool { false }
    public mutating func refresh(context: AppContext) throws {}
}

public struct Rect: Equatable, Sendable {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }
}
