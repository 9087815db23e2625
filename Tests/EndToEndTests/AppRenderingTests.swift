// Views rendered into a ScreenBuffer at several sizes, without a terminal.
import ClientStore
import ContentPack
import Foundation
import Localization
import Screen
import Terminal
import TestSupport
import TextLayout
import TUI
import Testing

struct AppRenderingTests {
    let folder = TemporaryFolder("rrc-render")
    let app: App

    init() throws {
        TerminalLocale.prepare()
        let store = try ClientStore(path: folder.url.appendingPathComponent("rrc.sqlite").path)
        _ = try store.importPack(try ContentPackReader.read(ProjectPaths.root.appendingPathComponent("demo/pack")))
        app = try App(store: store, localizer: .english, keymap: .defaults, catalogues: [:])
    }

    func render(_ width: Int, _ height: Int) -> ScreenBuffer {
        app.resize(width: width, height: height)
        return app.render(width: width, height: height)
    }

    func press(_ keys: Key...) { for key in keys { app.handle(.key(key)) } }

    @Test(arguments: [(80, 24), (200, 60), (20, 6), (40, 12)])
    func homeFitsAndShowsItsBars(width: Int, height: Int) {
        let buffer = render(width, height)
        #expect(buffer.line(0).hasPrefix(" rrc › Home"))
        #expect(buffer[0, 0].role == .title)
        #expect(buffer[0, height - 1].role == .statusBar)
        #expect(buffer.lines.contains { $0.contains("Library") })
        for line in buffer.lines { #expect(DisplayWidth.of(line) == width) }
    }

    @Test func aDeepPathKeepsWhereYouAreInView() {
        _ = render(100, 30)
        press(.character("3"), .enter, .enter)  // Forums › the first forum › its newest thread
        let wide = render(200, 30).line(0)
        #expect(wide.hasPrefix(" rrc › Home › Forums › "))
        let thread = String(wide.split(separator: "›").last!.trimmingCharacters(in: .whitespaces))
        // Narrower than the path: the start gives way, the thread's title stays.
        let narrow = render(72, 20).line(0)
        #expect(narrow.hasPrefix(" … › "))
        #expect(narrow.contains(String(thread.prefix(20))))
        #expect(!narrow.contains("Home"))
        // Narrower than the title alone: it ends in an ellipsis.
        let tiny = render(24, 8).line(0)
        #expect(tiny.hasPrefix(" " + thread.prefix(5)) && tiny.contains("…"))
    }

    @Test func statusBarCountsUnreadAndQueuedAtFullWidth() {
        let buffer = render(80, 24)
        #expect(buffer.line(23).contains("40 unread · 0 queued · not logged in"))
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func resourcePageReflowsToTheWidth(width: Int, height: Int) {
        _ = render(width, height)
        press(.character("1"), .enter)
        let buffer = render(width, height)
        #expect(buffer.lines.contains { $0.contains("Also in:") })
        #expect(buffer.lines.contains { $0.contains("• ") })  // the key points render as a list
        for line in buffer.lines { #expect(DisplayWidth.of(line) == width) }
    }

    @Test func tooSmallShowsANoticeAndIgnoresKeys() {
        let buffer = render(12, 3)
        #expect(buffer.lines.joined(separator: " ").contains("Terminal too small"))
        press(.character("Q"))
        #expect(!app.isFinished)
        _ = render(80, 24)
        press(.character("Q"))
        #expect(app.isFinished)
    }

    @Test func searchHighlightsTheMatch() {
        _ = render(100, 30)
        press(.character("/"))
        for character in "drzava" { press(.character(character)) }
        press(.enter)
        let buffer = render(100, 30)
        let matched = (0..<30).flatMap { y in (0..<100).map { buffer[$0, y] } }.filter { $0.role == .match }.map(\.text).joined()
        #expect(matched.contains("države") || matched.contains("država"))
    }
}
