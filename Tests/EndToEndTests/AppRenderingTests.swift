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

    @Test func homeListsTheThreadsThatMovedLastAndOpensThem() throws {
        let home = render(100, 30).lines
        let heading = try #require(home.firstIndex { $0.contains("Recent in the forums") })
        #expect(home.contains { $0.contains("Forums  40 threads, 40 unread") })
        let newest = try #require(try app.context.store.threads(limit: 1).items.first)
        #expect(home[heading + 1].contains("● " + newest.lastActivity.prefix(10)) && home[heading + 1].contains(newest.title.prefix(30)))
        // Up from the newest thread steps over the heading onto Help, and down again back.
        press(.character("G"))
        for _ in 0..<5 { press(.character("k")) }
        press(.enter)
        #expect(render(100, 30).line(0).contains("Help"))
        press(.escape, .character("j"))
        press(.enter)
        #expect(render(100, 30).line(0).contains(String(newest.title.prefix(30))))
        press(.escape)
        let back = render(100, 30).lines
        #expect(back[heading + 1].contains(newest.title.prefix(30)) && !back[heading + 1].contains("●"))
        #expect(back.contains { $0.contains("39 unread") })
    }

    @Test func aPressSelectsTheRowUnderItAndASecondOpensIt() throws {
        let home = render(80, 24).lines
        let forums = try #require(home.firstIndex { $0.contains("Forums  40 threads") })
        app.handle(.mouse(.press(x: 10, y: forums)))
        let selected = render(80, 24)
        #expect(selected[3, forums].role == .selection && selected[3, 2].role != .selection)
        #expect(!selected.line(0).contains("Forums"))  // selected, not opened
        app.handle(.mouse(.press(x: 10, y: forums)))
        #expect(render(80, 24).line(0).contains("Forums"))
        // The title bar, a blank line, the status bar: nothing happens.
        for y in [0, 23] { app.handle(.mouse(.press(x: 1, y: y))) }
        #expect(render(80, 24).line(0).contains("Forums"))
    }

    @Test func aPressOnASearchHitsSnippetSelectsItAndASecondOpensIt() throws {
        _ = render(100, 30)
        press(.character("/"))
        for character in "family" { press(.character(character)) }
        press(.enter)
        let results = render(100, 30)
        let first = try #require((0..<30).first { results[2, $0].role == .selection })
        app.handle(.mouse(.press(x: 20, y: first + 3)))  // the second hit's snippet line
        let moved = render(100, 30)
        #expect(moved[2, first + 2].role == .selection && moved[2, first].role != .selection)
        let title = moved.line(first + 2)
        app.handle(.mouse(.press(x: 20, y: first + 2)))
        let opened = render(100, 30).line(0)
        #expect(opened.hasPrefix(" rrc › Home › Search › ") && title.split(separator: " ").contains { opened.contains($0) && $0.count > 4 })
    }

    @Test func anEmptyOutboxSaysSoWithoutKeysForItems() {
        _ = render(80, 24)
        press(.character("o"))
        let text = render(80, 24).lines.joined(separator: "\n")
        #expect(text.contains("Nothing waiting to be sent, and no drafts."))
        #expect(!text.contains("d: discard"))
    }

    @Test func theWheelScrollsThreeLinesAtATime() {
        _ = render(80, 24)
        press(.character("1"))
        let before = render(80, 24)
        app.handle(.mouse(.wheelDown))
        let after = render(80, 24)
        let row = { (buffer: ScreenBuffer) in (0..<24).first { buffer[3, $0].role == .selection } }
        #expect(row(after) == row(before).map { $0 + 3 })
        app.handle(.mouse(.wheelUp))
        #expect(row(render(80, 24)) == row(before))
    }

    @Test func theLibrarySortsNewestFirstAndBack() throws {
        _ = render(100, 30)
        press(.character("1"))
        let byTitle = render(100, 30)
        press(.character("O"))
        let newest = render(100, 30)
        #expect(newest.line(0).contains("Library [newest first]"))
        let years = (2..<29).compactMap { Int(newest.line($0).dropFirst(5).prefix(4)) }
        #expect(years.count == 27 && years == years.sorted(by: >), "\(years)")
        let newestYear = try #require(try app.context.store.resources(limit: 500).items.compactMap(\.year).max())
        #expect(years.first == newestYear)
        press(.character("x"))  // clearing the filters keeps the order
        #expect(render(100, 30).line(0).contains("newest first"))
        press(.character("O"))
        #expect(render(100, 30).lines == byTitle.lines)
    }

    @Test func aReplyToAnEarlierPostSaysWhomItAnswers() throws {
        let pack = TemporaryFolder("rrc-replies")
        pack.write("f.md", PackFile.make(["id": "f1", "kind": "forum", "language": "en", "title": "Practice"]))
        pack.write("t.md", PackFile.make(["id": "t1", "kind": "thread", "language": "en", "title": "Home visits", "forum": "f1",
                                          "author": "mira", "created": "2025-03-01"], body: "How do you plan them?"))
        let posts = [("p1", "dan", nil), ("p2", "ivo", "p1"), ("p3", "eva", "p1"), ("p4", "dan", "p3")]
        for (day, (id, author, replyTo)) in posts.enumerated() {
            let created = "2025-03-0\(day + 2)", body = "Post by \(author)."
            let file = replyTo.map {
                PackFile.make(["id": id, "kind": "post", "language": "en", "thread": "t1", "author": author, "created": created,
                               "reply_to": $0], body: body)
            } ?? PackFile.make(["id": id, "kind": "post", "language": "en", "thread": "t1", "author": author, "created": created], body: body)
            pack.write("\(id).md", file)
        }
        let store = try ClientStore(path: folder.url.appendingPathComponent("replies.sqlite").path)
        #expect(try store.importPack(try ContentPackReader.read(pack.url)).errors.isEmpty)
        let replies = try App(store: store, localizer: .english, keymap: .defaults, catalogues: [:])
        replies.resize(width: 100, height: 30)
        for key in [Key.character("3"), .enter, .enter] { replies.handle(.key(key)) }
        let headers = replies.render(width: 100, height: 30).lines.filter { $0.contains("── ") }
        #expect(headers.count == 4)
        // p2 answers the post just above it: no note. p3 answers p1 across p2; p4 answers p3, just above.
        #expect(!headers[1].contains("in reply to"))
        #expect(headers[2].contains("in reply to dan"))
        #expect(!headers[3].contains("in reply to"))
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
