// The whole client as one state machine: a stack of screens, key → action → update,
// and a view that draws title bar, screen and status bar into a buffer.
import ClientStore
import Localization
import Screen
import Terminal
import TextLayout

public final class App {
    public private(set) var stack: [any AppScreen]
    public private(set) var context: AppContext
    public private(set) var message: String?
    public private(set) var isFinished = false
    /// Catalogues by language code, for switching the interface without a restart.
    let catalogues: [String: MessageCatalogue]

    /// Below this the app shows a notice and ignores keys.
    public static let minimumWidth = 20
    public static let minimumHeight = 5

    /// Work for the run loop (editor, files, theme), taken with `takeEffects`.
    public private(set) var effects: [AppEffect] = []

    public init(store: ClientStore, localizer: Localizer, keymap: Keymap, catalogues: [String: MessageCatalogue],
                preferences: Preferences = Preferences(), themes: [String] = ["default"],
                hasExternalEditor: Bool = false, attachmentsFolder: String? = nil) throws {
        context = AppContext(store: store, tr: localizer, keymap: keymap)
        context.preferences = preferences
        context.themes = themes
        context.hasExternalEditor = hasExternalEditor
        context.attachmentsFolder = attachmentsFolder
        self.catalogues = catalogues
        stack = []
        try refreshCounts()
        stack = [try HomeScreen(context: context)]
    }

    /// The content area's height for a terminal of `height` rows (title and status bars).
    static func contentHeight(_ height: Int) -> Int { max(0, height - 2) }

    var viewHeight = 22

    // MARK: Update

    public func handle(_ event: InputEvent) {
        switch event {
        case .resize(let width, let height):
            resize(width: width, height: height)
            refreshTop()
        case .closed:
            finish()
        case .mouse(let mouse):
            guard !tooSmall, commandLine == nil else { return }
            message = nil
            do { try handle(mouse) } catch { message = context.tr("Something went wrong:") + " \(error)" }
        case .key(let key):
            guard !tooSmall else { return }  // the notice is all there is; keys would act unseen
            message = nil
            do {
                if commandLine != nil { try typeCommand(key); return }
                if try stack[stack.count - 1].handleTyping(key, context: screenContext) {
                    if let transition = stack[stack.count - 1].takePending() { try follow(transition) }
                    return
                }
                guard let action = context.keymap.action(for: key) else { return }
                try perform(action)
            } catch {
                message = context.tr("Something went wrong:") + " \(error)"
            }
        }
    }

    /// The wheel moves three lines, as terminals scroll their own history; a press selects
    /// the list row under it, and a press on the row already selected opens it.
    private func handle(_ mouse: MouseEvent) throws {
        switch mouse {
        case .wheelUp, .wheelDown:
            for _ in 0..<3 { try perform(mouse == .wheelUp ? .moveUp : .moveDown) }
        case .press(_, let y):
            guard let row = lastListRows[y] else { return }
            switch stack[stack.count - 1].selectRow(row, context: screenContext) {
            case .alreadySelected: try perform(.open)
            case .selected, .notAList: break
            }
        }
    }

    /// The list rows of the frame on screen, for mouse presses.
    private var lastListRows: [Int: Int] = [:]

    private var width = 80
    private var height = 24
    private var tooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    public func resize(width: Int, height: Int) {
        self.width = width
        self.height = height
        viewHeight = Self.contentHeight(height)
    }

    /// Ends the app, keeping whatever the user was writing.
    func finish() {
        for index in stack.indices { stack[index].saveWork(context: screenContext) }
        isFinished = true
    }

    public func takeEffects() -> [AppEffect] {
        defer { effects = [] }
        return effects
    }

    /// The external editor's result: the new text, or nil with the reason it failed.
    public func finishExternalEdit(text: String?, problem: String?) {
        if let problem { message = context.tr("The editor did not finish; your text is kept.") + " " + problem }
        guard let text, var compose = stack.last as? ComposeScreen else { return }
        compose.receiveExternalEdit(text, context: screenContext)
        stack[stack.count - 1] = compose
    }

    /// Settings changed: keep them, save them, apply what shows.
    func apply(_ preferences: Preferences) {
        let old = context.preferences
        context.preferences = preferences
        effects.append(.savePreferences(preferences))
        if preferences.theme != old.theme { effects.append(.applyTheme(preferences.theme)) }
        if let language = preferences.language, language != old.language { setLanguage(language) }
    }

    /// The `:` prompt's text while it is open.
    public private(set) var commandLine: String?

    func typeCommand(_ key: Key) throws {
        switch key {
        case .escape: commandLine = nil
        case .backspace:
            if commandLine?.isEmpty == true { commandLine = nil } else { commandLine?.removeLast() }
        case .enter:
            let text = commandLine ?? ""
            commandLine = nil
            try run(command: text)
        case .character(let character): commandLine?.append(character)
        default: break
        }
    }

    /// Runs a `:` command: a few words for what keys do, plus what keys cannot say (an id).
    func run(command text: String) throws {
        let words = text.split(separator: " ", maxSplits: 1).map(String.init)
        guard let verb = words.first else { return }
        let argument = words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : ""
        switch verb {
        case "q", "quit": finish()
        case "lang", "language":
            guard let language = InterfaceLanguage.code(argument), language == "en" || catalogues[language] != nil else {
                message = context.tr("Languages:") + " en ro bg sq sh"
                return
            }
            var preferences = context.preferences
            preferences.language = language
            apply(preferences)
        case "theme":
            guard context.themes.contains(argument) else {
                message = context.tr("Themes:") + " " + context.themes.joined(separator: " ")
                return
            }
            var preferences = context.preferences
            preferences.theme = argument
            apply(preferences)
        case "open":
            guard let screen = try screen(for: argument) else {
                message = context.tr("Nothing here has that id:") + " " + argument
                return
            }
            try push(screen)
        case "search", "s":
            var search = SearchScreen(context: context)
            search.query = argument
            if !argument.isEmpty { try search.run(context) }
            try push(search)
        default:
            if let action = Action(rawValue: verb) { try perform(action) } else {
                message = context.tr("Unknown command:") + " " + verb
            }
        }
    }

    /// The screen that shows the record with `id`, whatever its kind.
    func screen(for id: String) throws -> (any AppScreen)? {
        switch try context.store.item(id: id) {
        case .resource: try ResourceScreen(id: id, context: context)
        case .guide: try GuideScreen(id: id, context: context)
        case .thread: try ThreadScreen(id: id, context: context)
        case .post(let post): try ThreadScreen(id: post.threadId, focusPost: id, context: context)
        case .forum(let detail): try ThreadsScreen(forum: detail.forum, context: context)
        default: nil
        }
    }

    func perform(_ action: Action) throws {
        if let search = stack.last as? SearchScreen, !search.query.isEmpty { context.lastSearch = search.query }
        switch action {
        case .nextMatch, .previousMatch:
            guard !context.lastSearch.isEmpty else { message = context.tr("Search first with /, then n and N find the words."); return }
            var screen = stack[stack.count - 1]
            let found = screen.find(context.lastSearch, forward: action == .nextMatch, context: screenContext)
            stack[stack.count - 1] = screen
            if !found { message = context.tr("No more matches.") }
            return
        case .quit:
            finish()
            return
        case .search where !(stack.last is SearchScreen):
            try push(SearchScreen(context: context))
            return
        case .help where !(stack.last is HelpScreen):
            try push(HelpScreen(context: context))
            return
        case .language:
            cycleLanguage()
            return
        case .commandLine:
            commandLine = ""
            return
        case .home:
            stack.removeSubrange(1...)
            refreshTop()
            return
        case .library: try push(LibraryScreen(context: context)); return
        case .guides: try push(GuidesScreen(context: context)); return
        case .forums: try push(ForumsScreen(context: context)); return
        case .outbox where !(stack.last is OutboxScreen): try push(OutboxScreen(context: context)); return
        case .bookmarks where !(stack.last is BookmarksScreen): try push(BookmarksScreen(context: context)); return
        case .settings where !(stack.last is SettingsScreen): try push(SettingsScreen(context: context)); return
        case .sync:
            guard context.sync.connection != .notLoggedIn else {
                try push(LoginScreen(context: context))
                return
            }
            effects.append(.syncNow)
            message = context.tr("Syncing as soon as the server answers…")
            return
        default: break
        }
        try follow(try stack[stack.count - 1].handle(action, context: screenContext))
    }

    func follow(_ transition: Transition) throws {
        switch transition {
        case .stay: break
        case .push(let screen): try push(screen)
        case .pop: pop()
        case .quit: finish()
        case .message(let text): message = text; try refreshCounts()
        case .popShowing(let text):
            pop()
            message = text
        case .effect(let effect):
            if case .savePreferences(let preferences) = effect { apply(preferences); return }
            if case .fetchAttachments(let files) = effect {
                context.downloading.formUnion(files)
                message = context.tr.plural("Downloading %d attachment…", "Downloading %d attachments…", files.count)
                refreshTop()
            }
            effects.append(effect)
        case .queued(let write):
            context.justQueuedPost = write.entityID
            pop()
            context.justQueuedPost = nil
            message = context.tr("Queued: it goes out when a server can be reached.")
            if context.sync.connection != .notLoggedIn { effects.append(.syncNow) }
        }
    }

    private func pop() {
        guard stack.count > 1 else { return }
        stack.removeLast()
        refreshTop()
    }

    func push(_ screen: any AppScreen) throws {
        stack.append(screen)
        try refreshCounts()
        try stack[stack.count - 1].refresh(context: screenContext)
        // Writing with the user's own editor starts in it, as in mutt.
        if let compose = screen as? ComposeScreen, context.hasExternalEditor, compose.startsInExternalEditor {
            effects.append(.editExternally(compose.editorRequest))
        }
    }

    /// The context with the current content-area size.
    var screenContext: AppContext {
        var copy = context
        copy.viewportHeight = viewHeight
        copy.viewportWidth = width
        return copy
    }

    private func refreshTop() {
        do {
            try refreshCounts()
            try stack[stack.count - 1].refresh(context: screenContext)
        } catch {
            message = "\(error)"
        }
    }

    /// The counts the status bar and Home show, read once here for both.
    func refreshCounts() throws {
        context.counts = try context.store.counts(includingPosts: false)
        context.unreadThreads = try context.store.unreadThreadCount()
    }

    /// Switches the interface to the next language with a catalogue (English always).
    func cycleLanguage() {
        let order = ["en", "ro", "bg", "sq", "sh"].filter { $0 == "en" || catalogues[$0] != nil }
        let index = order.firstIndex(of: context.tr.language) ?? 0
        let nextLanguage = order[(index + 1) % order.count]
        setLanguage(nextLanguage)
    }

    /// The run loop logged in: leave the login screen and say so.
    public func loggedIn(as user: String, server: String) {
        if stack.last is LoginScreen { pop() }
        if stack.last is SyncScreen { pop() }
        context.sync.connection = .online
        context.sync.user = user
        context.sync.server = server
        message = context.tr("Logged in as") + " " + user
    }

    /// New word from the sync worker; after a finished sync the screens show what came in.
    public func update(sync status: SyncStatus) {
        let finished = status.lastOutcome != context.sync.lastOutcome
        context.sync = status
        if finished { refreshTop() }
    }

    /// An attachment asked for is here: the page that lists it now says "offline".
    public func attachmentArrived(_ sha256: String) {
        context.downloading.remove(sha256)
        message = context.tr("Attachment downloaded: it is kept offline now.")
        refreshTop()
    }

    public func attachmentFailed(_ sha256: String, reason: String) {
        context.downloading.remove(sha256)
        message = context.tr("Could not download the attachment:") + " " + reason
        refreshTop()
    }

    /// Shows `text` in the status bar until the next key.
    public func show(_ text: String) { message = text }

    public func setLanguage(_ language: String) {
        context.tr = Localizer(language: language, catalogue: catalogues[language])
        refreshTop()
        message = context.tr("Interface language: English")
    }

    // MARK: View

    public func render(width: Int, height: Int) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: height)
        if width < Self.minimumWidth || height < Self.minimumHeight {
            let notice = TextFit.wrap(context.tr("Terminal too small"), width: max(1, width))
            for (row, line) in notice.prefix(height).enumerated() { buffer.put(line, x: 0, y: row, role: .statusAlert) }
            return buffer
        }
        var contextForScreen = screenContext
        contextForScreen.viewportHeight = Self.contentHeight(height)
        contextForScreen.viewportWidth = width
        let screen = stack[stack.count - 1]
        // Title bar: the path of screens.
        buffer.fill(y: 0, role: .title)
        buffer.put(TitlePath.fitted(stack.map { $0.title(contextForScreen) }, width: width), x: 0, y: 0, role: .title, maxWidth: width)
        screen.render(into: &buffer, area: Rect(x: 0, y: 1, width: width, height: height - 2), context: contextForScreen)
        lastListRows = buffer.listRows
        // Status bar: where, unread, queued, connection; or the last message.
        let y = height - 1
        buffer.fill(y: y, role: .statusBar)
        let right = " " + [
            context.tr.plural("%d unread", "%d unread", context.unreadThreads),
            context.tr.plural("%d queued", "%d queued", context.counts.queuedOps),
            SyncText.connection(context.sync.connection, tr: context.tr),
            context.tr("? help"),
        ].joined(separator: " · ") + " "
        // A message gets the whole bar; on a narrow terminal the counts give way to where you are.
        let rightFits = message == nil && DisplayWidth.of(right) < width - 10
        let rightWidth = rightFits ? DisplayWidth.of(right) : 0
        if let commandLine {
            // The prompt owns the bar; show its end when it is longer than the terminal.
            let shown = ":" + commandLine
            let tail = String(shown.suffix(max(1, width - 2)))
            buffer.put(tail, x: 0, y: y, role: .statusBar)
            buffer.cursor = ScreenPoint(x: min(width - 1, DisplayWidth.of(tail)), y: y)
            return buffer
        }
        let left = message ?? screen.title(contextForScreen)
        buffer.put(TextFit.truncate(" " + left, to: width - rightWidth), x: 0, y: y,
                   role: message == nil ? .statusBar : .statusAlert)
        if rightFits {
            buffer.put(right, x: width - rightWidth, y: y, role: .statusBar)
        }
        return buffer
    }
}
