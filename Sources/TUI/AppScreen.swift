// The contract every screen keeps: handle named actions, render into a rectangle.
import ClientStore
import Foundation
import Localization
import Screen
import Terminal

/// What a screen asks the app to do after an action.
public enum Transition {
    case stay
    case push(any AppScreen)
    case pop
    case quit
    /// Stay and say something in the status bar.
    case message(String)
    /// Go back and say something (e.g. "queued").
    case popShowing(String)
    /// Ask the run loop to do something outside the app.
    case effect(AppEffect)
    /// Writing was queued: go back to where the user came from, which shows it.
    case queued(QueuedWrite)
}

/// What screens may use: the store to read and write, words in the user's language.
public struct AppContext {
    public let store: ClientStore
    public var tr: Localizer
    public var keymap: Keymap
    /// Rows and columns of the screen's content area (for paging and layout).
    public var viewportHeight = 22
    public var viewportWidth = 80
    /// Whether `$VISUAL`/`$EDITOR` names an editor (else the built-in one is used).
    public var hasExternalEditor = false
    public var preferences = Preferences()
    /// Theme names found on disk, for Settings.
    public var themes: [String] = ["default"]
    /// Where downloaded attachments are kept (`<sha256>` files), if anywhere.
    public var attachmentsFolder: String?
    public func hasFileOffline(_ sha256: String) -> Bool {
        // Pulled data names the file: only a digest may become a path.
        guard let attachmentsFolder, sha256.utf8.count == 64,
              sha256.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else { return false }
        return FileManager.default.fileExists(atPath: attachmentsFolder + "/" + sha256)
    }
    /// What the run loop last said about sync.
    public var sync = SyncStatus()
    /// The last search, for n/N on the page it opened.
    public var lastSearch = ""
    /// The post just queued, so its thread can show it.
    public var justQueuedPost: String?
    /// Attachments asked for and not here yet (SHA-256).
    public var downloading: Set<String> = []
    /// What the store holds and how many threads are unread; the app reads them after
    /// every change, before the screen on top refreshes.
    public var counts = ContentCounts()
    public var unreadThreads = 0

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
    /// What typing decided (queue, go back, a message), taken by the app after `handleTyping`.
    mutating func takePending() -> Transition?
    /// Draws into `area` of `buffer`.
    func render(into buffer: inout ScreenBuffer, area: Rect, context: AppContext)
    /// Called after the terminal size changes or the screen is shown again.
    mutating func refresh(context: AppContext) throws
    /// Scrolls to the next or previous match of `query`; false when there is none (or no text).
    mutating func find(_ query: String, forward: Bool, context: AppContext) -> Bool
    /// Called before the app ends (quit, or the terminal went away): keep what the user typed.
    mutating func saveWork(context: AppContext)
    /// Moves the selection to row `index` of the screen's list (a mouse press).
    mutating func selectRow(_ index: Int, context: AppContext) -> RowSelection
}

/// What a mouse press on a list row did.
public enum RowSelection: Equatable, Sendable {
    case selected
    /// The row was selected already: the press means "open".
    case alreadySelected
    /// The screen has no list there (or the row cannot be selected).
    case notAList
}

/// A screen whose rows are one `SelectionList` named `list`; it gets mouse selection free.
protocol ListScreen {
    associatedtype Row
    var list: SelectionList<Row> { get set }
    /// False for rows that are only drawn (a heading).
    func isSelectable(_ row: Row) -> Bool
}

extension ListScreen {
    func isSelectable(_ row: Row) -> Bool { true }
}

extension AppScreen where Self: ListScreen {
    mutating func selectRow(_ index: Int, context: AppContext) -> RowSelection {
        guard list.rows.indices.contains(index), isSelectable(list.rows[index]) else { return .notAList }
        if list.selected == index { return .alreadySelected }
        list.select(index, viewHeight: context.viewportHeight)
        return .selected
    }
}

extension AppScreen {
    public mutating func handleTyping(_ key: Key, context: AppContext) throws -> Bool { false }
    public mutating func takePending() -> Transition? { nil }
    public mutating func refresh(context: AppContext) throws {}
    public mutating func saveWork(context: AppContext) {}
    public mutating func find(_ query: String, forward: Bool, context: AppContext) -> Bool { false }
    public mutating func selectRow(_ index: Int, context: AppContext) -> RowSelection { .notAList }
}

public struct Rect: Equatable, Sendable {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }
}
