// Writing offline through the whole app, rendered into buffers: reply, the identifier
// check, the Outbox, Settings, Bookmarks, library filters.
import ClientStore
import ContentPack
import Foundation
import Localization
import Screen
import Terminal
import TestSupport
import TextLayout
@testable import TUI
import Testing

@Suite struct WritingFlowTests {
    let folder = TemporaryFolder("rrc-writing")
    let store: ClientStore
    let app: App

    init() throws {
        TerminalLocale.prepare()
        store = try ClientStore(path: folder.url.appendingPathComponent("rrc.sqlite").path)
        _ = try store.importPack(try ContentPackReader.read(ProjectPaths.root.appendingPathComponent("demo/pack")))
        app = try App(store: store, localizer: .english, keymap: .defaults, catalogues: [:],
                      themes: ["default", "light", "monochrome"])
        app.resize(width: 80, height: 24)
    }

    func screen(_ width: Int = 80, _ height: Int = 24) -> String {
        app.resize(width: width, height: height)
        return app.render(width: width, height: height).lines.joined(separator: "\n")
    }

    func press(_ keys: Key...) { for key in keys { app.handle(.key(key)) } }
    func type(_ text: String) { for character in text { press(character == "\n" ? .enter : .character(character)) } }

    /// Home → Forums → first forum → first thread.
    func openFirstThread() {
        press(.character("3"), .enter, .enter)
    }

    @Test func aReplyIsQueuedShownInItsThreadAndCounted() throws {
        openFirstThread()
        press(.character("r"))
        #expect(screen().contains("Reply to:"))
        type("Mulțumesc, ne-a ajutat mult în cazul de săptămâna trecută.")
        #expect(screen().contains("ne-a ajutat mult"))
        press(.control("x"))
        let thread = screen()
        #expect(thread.contains("Queued: it goes out when a server can be reached."))
        #expect(thread.contains("ne-a ajutat mult") && thread.contains("queued"))
        #expect(try store.outbox().map(\.body) == ["Mulțumesc, ne-a ajutat mult în cazul de săptămâna trecută."])
        press(.character("o"))
        let outbox = screen(200, 60)
        #expect(outbox.contains("queued") && outbox.contains("ne-a ajutat mult"))
        #expect(outbox.contains("1 queued"))
    }

    @Test func theIdentifierCheckStopsQueuingUntilTheAuthorChooses() throws {
        openFirstThread()
        press(.character("r"))
        type("Mama poate fi sunată la 0722 123 456, CNP copil 5010203123456.")
        press(.control("x"))
        let check = screen()
        #expect(check.contains("phone number: 0722 123 456") && check.contains("ID number: 5010203123456"))
        #expect(try store.outbox().isEmpty)
        press(.character("a"))
        #expect(screen().contains("[phone]") && screen().contains("[ID number]"))
        press(.control("x"))
        #expect(try store.outbox().map(\.body) == ["Mama poate fi sunată la [phone], CNP copil [ID number]."])
    }

    @Test func confirmingQueuesTheTextAsWritten() throws {
        openFirstThread()
        press(.character("r"))
        type("Sesiunea din 12.05.2025 a fost bună.")
        press(.control("x"), .character("y"))
        #expect(try store.outbox().map(\.body) == ["Sesiunea din 12.05.2025 a fost bună."])
    }

    @Test func leavingKeepsADraftThatTheNextReplyResumes() throws {
        openFirstThread()
        press(.character("r"))
        type("Pola misli")
        press(.escape)
        #expect(screen().contains("Draft saved."))
        #expect(try store.drafts().map(\.body) == ["Pola misli"])
        press(.character("r"))
        #expect(screen().contains("Pola misli"))
        press(.escape, .character("o"))
        #expect(screen().contains("Draft: reply"))
    }

    @Test func aNewThreadNeedsATitleAndShowsQueuedInItsForum() throws {
        press(.character("3"), .enter, .character("c"))
        type("Supervizie în echipe mici")
        press(.tab)
        type("Cum organizați supervizia când echipa are doar doi oameni?")
        press(.control("x"))
        #expect(screen().contains("Supervizie în echipe mici") && screen().contains("queued"))
        press(.character("c"))
        type("fără titlu")  // lands in the title field first
        press(.tab, .control("x"))
        #expect(screen().contains("There is nothing to send yet."))
    }

    @Test func discardingFromTheOutboxAsksFirst() throws {
        openFirstThread()
        press(.character("r"))
        type("De aruncat")
        press(.control("x"), .character("o"), .character("d"))
        #expect(screen().contains("Discard it for good?"))
        press(.character("n"))
        #expect(try store.outbox().count == 1)
        press(.character("d"), .character("y"))
        #expect(try store.outbox().isEmpty)
        #expect(screen().contains("Nothing waiting to be sent"))
    }

    @Test func deletingOwnPostAsksFirstHidesItAndTheOutboxCanBringItBack() throws {
        // Every post is this user's, already on the server, with a text that names it.
        try store.database.run("UPDATE posts SET author_id = ?, body = 'Textul ' || id", try store.localAuthorID())
        openFirstThread()
        press(.character("]"))
        press(.character("D"))
        #expect(screen().contains("Delete your post for good?"))
        press(.character("n"))
        #expect(try screen().contains("Kept.") && store.outbox().isEmpty)
        press(.character("D"), .character("y"))
        let entry = try #require(try store.outbox().first)
        let thread = screen()
        #expect(entry.kind == .postDelete && thread.contains("Deleted here"))
        #expect(!thread.contains("Textul \(entry.entityID)"))
        press(.character("o"))
        let outbox = screen(200, 60)
        #expect(outbox.contains("deletion") && outbox.contains("Textul \(entry.entityID)"))
        press(.character("d"), .character("y"))
        press(.escape)
        #expect(screen(200, 60).contains("Textul \(entry.entityID)"))
    }

    @Test func othersPostsCannotBeDeleted() throws {
        openFirstThread()
        press(.character("]"), .character("D"))
        #expect(screen().contains("You can delete only your own posts."))
        press(.character("y"))
        #expect(try store.outbox().isEmpty)
    }

    @Test func copyingOutAsksTheRunLoopToWriteTheText() throws {
        openFirstThread()
        press(.character("r"))
        type("De copiat")
        press(.control("x"), .character("o"), .character("y"))
        #expect(app.takeEffects().contains { if case .copyOut(let text, _) = $0 { text == "De copiat" } else { false } })
    }

    @Test func anExternalEditorIsAskedForAndItsTextLandsInTheEditor() throws {
        let app = try App(store: store, localizer: .english, keymap: .defaults, catalogues: [:], hasExternalEditor: true)
        app.resize(width: 80, height: 24)
        for key in [Key.character("3"), .enter, .enter, .character("r")] { app.handle(.key(key)) }
        #expect(app.takeEffects().contains { if case .editExternally = $0 { true } else { false } })
        app.finishExternalEdit(text: "Scris în vim.\n", problem: nil)
        app.handle(.key(.control("x")))
        #expect(try store.outbox().map(\.body) == ["Scris în vim."])
    }

    @Test func settingsChangeTheThemeAndAreSaved() {
        press(.character("S"))
        #expect(screen().contains("Theme") && screen().contains("default"))
        for _ in 0..<6 { press(.character("j")) }  // interface language, five content languages, theme
        press(.enter)
        let effects = app.takeEffects()
        #expect(effects.contains(.applyTheme("light")))
        #expect(effects.contains { if case .savePreferences(let p) = $0 { p.theme == "light" } else { false } })
        #expect(screen().contains("light"))
    }

    @Test func settingsShowTheAccountsServerAndLogInThere() {
        press(.character("S"))
        #expect(screen().contains("none yet"))
        app.loggedIn(as: "elena", server: "https://sync.example.org")
        #expect(screen().contains("https://sync.example.org"))
        for _ in 0..<8 { press(.character("j")) }  // past language, content languages, theme, attachments
        press(.enter)
        #expect(app.stack.last is LoginScreen)
        #expect(screen().contains("https://sync.example.org"))
    }

    @Test func bookmarksCollectWhatWasMarked() {
        openFirstThread()
        press(.character("b"))
        #expect(screen().contains("Bookmarked."))
        press(.character("B"))
        #expect(screen().contains("Thread"))
        press(.enter)
        #expect(screen().contains("──"))
    }

    @Test func libraryFiltersNarrowTheList() throws {
        press(.character("1"))
        let all = screen(200, 60)
        press(.character("C"))
        let filtered = screen(200, 60)
        #expect(filtered.contains("Library ["))
        #expect(filtered != all)
        press(.character("x"))
        #expect(!screen(200, 60).contains("Library ["))
    }

    @Test(arguments: [(80, 24), (200, 60), (40, 12), (20, 6)])
    func composeFitsEverySize(width: Int, height: Int) {
        press(.character("3"), .enter, .character("c"))
        type("Un titlu foarte lung care nu încape pe un ecran îngust")
        let buffer = app.render(width: width, height: height)
        for line in buffer.lines { #expect(DisplayWidth.of(line) == width) }
    }
}

@Suite struct FindInPageTests {
    @Test func nJumpsToTheNextLineWithTheSearchedWordsFoldedLikeSearch() throws {
        TerminalLocale.prepare()
        let folder = TemporaryFolder("rrc-find")
        let store = try ClientStore(path: folder.url.appendingPathComponent("rrc.sqlite").path)
        _ = try store.importPack(try ContentPackReader.read(ProjectPaths.root.appendingPathComponent("demo/pack")))
        let app = try App(store: store, localizer: .english, keymap: .defaults, catalogues: [:])
        app.resize(width: 80, height: 24)
        app.handle(.key(.character("n")))
        #expect(app.message == "Search first with /, then n and N find the words.")
        for key in [Key.character("/")] + "shqiperi".map(Key.character) + [.enter, .down, .enter] { app.handle(.key(key)) }
        app.handle(.key(.character("n")))
        let first = app.render(width: 80, height: 24).line(1)
        #expect(ScrollingText.fold(first).contains("shqiperi"), "\(first)")
    }
}

@Suite struct CommandLineInAppTests {
    let app: App
    let folder = TemporaryFolder("rrc-colon")

    init() throws {
        TerminalLocale.prepare()
        let store = try ClientStore(path: folder.url.appendingPathComponent("rrc.sqlite").path)
        _ = try store.importPack(try ContentPackReader.read(ProjectPaths.root.appendingPathComponent("demo/pack")))
        let (catalogues, _) = InterfaceLanguage.loadCatalogues(from: ProjectPaths.root.appendingPathComponent("locales"))
        app = try App(store: store, localizer: .english, keymap: .defaults, catalogues: catalogues)
        app.resize(width: 100, height: 30)
    }

    func command(_ text: String) {
        for key in [Key.character(":")] + text.map(Key.character) + [.enter] { app.handle(.key(key)) }
    }

    @Test func colonOpensAPromptInTheStatusBar() {
        for key in [Key.character(":"), .character("o"), .character("p")] { app.handle(.key(key)) }
        let buffer = app.render(width: 100, height: 30)
        #expect(buffer.line(29).hasPrefix(":op"))
        #expect(buffer.cursor == ScreenPoint(x: 3, y: 29))
        app.handle(.key(.escape))
        #expect(app.commandLine == nil)
    }

    @Test func commandsSwitchLanguageOpenByIdAndQuit() {
        command("lang bg")
        #expect(app.render(width: 100, height: 30).line(0).contains("Начало"))
        #expect(app.takeEffects().contains { if case .savePreferences(let p) = $0 { p.language == "bg" } else { false } })
        command("open left-behind-study-ro")
        #expect(app.stack.count == 2 && app.stack.last is ResourceScreen)
        command("nonsense")
        #expect(app.message?.contains("nonsense") == true)
        command("q")
        #expect(app.isFinished)
    }
}

@Suite struct LoginScreenTests {
    @Test func syncWithoutAnAccountOpensTheLoginScreenWhichNeverShowsThePassword() throws {
        TerminalLocale.prepare()
        let folder = TemporaryFolder("rrc-login")
        let store = try ClientStore(path: folder.url.appendingPathComponent("rrc.sqlite").path)
        let app = try App(store: store, localizer: .english, keymap: .defaults, catalogues: [:])
        app.resize(width: 80, height: 24)
        app.handle(.key(.character("s")))
        #expect(app.stack.last is LoginScreen)
        let keys: [Key] = [.control("a"), .control("k")] + "http://127.0.0.1:8480".map(Key.character) + [.tab]
            + "ana".map(Key.character) + [.tab] + "tajna-lozinka".map(Key.character)
        for key in keys { app.handle(.key(key)) }
        let screen = app.render(width: 80, height: 24).lines.joined(separator: "\n")
        #expect(!screen.contains("tajna-lozinka") && screen.contains("•••••••••••••"))
        app.handle(.key(.enter))
        #expect(app.takeEffects() == [.login(server: "http://127.0.0.1:8480", user: "ana", password: "tajna-lozinka")])
        app.loggedIn(as: "ana", server: "http://127.0.0.1:8480")
        #expect(!(app.stack.last is LoginScreen) && app.context.sync.connection == .online)
    }
}
