// Hostile content on the client: escape sequences, huge lines, megabyte Markdown, nesting
// thousands deep. The interface shows it without letting a control character reach the
// terminal, without crashing, and keeps answering keys.
import ClientStore
import ContentPack
import Markdown
import Foundation
import Localization
import Screen
import Terminal
import TestSupport
import TextLayout
@testable import TUI
import Testing

@Suite struct HostileContentTests {
    static let bodies: [String: String] = [
        "escapes": "Title change \u{1B}]0;pwned\u{07} clear \u{1B}[2J\u{1B}[H bell \u{07} C1 \u{9B}31m and \u{1B}P+q\u{1B}\\ done.",
        "long-line": String(repeating: "x", count: 200_000),
        "megabyte": (0..<20_000).map { "Paragraph \($0) with *emphasis* and a [link](https://example.org/\($0))." }.joined(separator: "\n\n"),
        "deep-quotes": String(repeating: ">", count: 20_000) + " deep",
        "deep-lists": String(repeating: "- ", count: 5_000) + "deepest",
        "deep-emphasis": String(repeating: "*a ", count: 20_000) + String(repeating: "a*", count: 20_000),
        "bidi-and-joiners": "\u{202E}reversed\u{202C} zero\u{200B}width \u{2066}isolate\u{2069} 👩‍👩‍👧‍👦 ﷽",
    ]

    /// Links whose targets smuggle control characters through entities and escapes, whose
    /// text names another address than their target, and one far wider than any screen.
    static let hostileLinks = """
        [clean text](https://evil.example/&#27;]0;owned&#7;) and [https://safe.example](https://evil.example/other)
        and <https://auto.example/\u{1B}[2J> and [javascript](javascript:alert(1)) and
        ![image &#27;[31m](file:///etc/passwd) and [wide](https://example.org/\(String(repeating: "a", count: 3_000)))
        """

    /// The resource page lists every target as a numbered reference, with nothing a
    /// terminal would act on.
    private func readHostileLinks(_ app: App) throws {
        let screen = try #require(try app.screen(for: "r-links"))
        try app.push(screen)
        var text = ""
        for _ in 0..<12 {
            let buffer = app.render(width: 80, height: 24)
            for cell in buffer.cells {
                #expect(!cell.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) },
                        "a control character reached the screen: \(cell.text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
            text += buffer.lines.joined(separator: "\n")
            app.handle(.key(.control("d")))
        }
        // The link that pretends to be safe.example shows where it really goes.
        #expect(text.contains("https://safe.example[2]"))
        #expect(text.contains("https://evil.example/other"))
        #expect(text.contains("javascript:alert(1)"))
        #expect(text.contains("[6]"))
    }

    @Test func everyHostilePostRendersWithoutAControlCharacterAndTheAppKeepsAnswering() throws {
        TerminalLocale.prepare()
        let pack = TemporaryFolder("rrc-hostile-pack")
        pack.write("forum.md", PackFile.make(["id": "f1", "kind": "forum", "language": "en", "title": "Forum"]))
        pack.write("t1.md", PackFile.make(["id": "t1", "kind": "thread", "language": "en", "title": "Hostile \u{1B}[31mred",
                                           "forum": "f1", "author": "x", "created": "2025-01-01"], body: "Opening."))
        pack.write("links.md", PackFile.make(["id": "r-links", "kind": "resource", "language": "en", "title": "Links",
                                              "type": "manual", "topics": "[]", "countries": "[]", "year": "2025", "author": "x"],
                                             body: Self.hostileLinks))
        for (index, (name, body)) in Self.bodies.sorted(by: { $0.key < $1.key }).enumerated() {
            pack.write("p\(index).md", PackFile.make(["id": "p-\(name)", "kind": "post", "language": "en", "thread": "t1",
                                                      "author": "x", "created": "2025-01-0\(index + 2)"], body: body))
        }
        let folder = TemporaryFolder("rrc-hostile-store")
        let store = try ClientStore(path: folder.url.appendingPathComponent("rrc.sqlite").path)
        let report = try store.importPack(try ContentPackReader.read(pack.url))
        #expect(report.errors.isEmpty, "\(report.errors)")
        let app = try App(store: store, localizer: .english, keymap: .defaults, catalogues: [:])
        for size in [(80, 24), (200, 60), (20, 6)] {
            app.resize(width: size.0, height: size.1)
            _ = app.render(width: size.0, height: size.1)
        }
        app.resize(width: 80, height: 24)
        for key in [Key.character("3"), .enter, .enter] { app.handle(.key(key)) }
        #expect(app.stack.last is ThreadScreen)
        // Scroll through all of it, checking every frame.
        for _ in 0..<400 {
            app.handle(.key(.control("d")))
            let buffer = app.render(width: 80, height: 24)
            for cell in buffer.cells {
                #expect(!cell.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) },
                        "a control character reached the screen: \(cell.text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
        app.handle(.key(.character("G")))
        #expect(app.render(width: 80, height: 24).lines.joined().contains("https://example.org/19999"))  // the megabyte post's last link
        try readHostileLinks(app)
        app.handle(.key(.character("Q")))
        #expect(app.isFinished)
        SoakSettings.report("hostile content", passed: 1, failed: [], details: "\(Self.bodies.count) hostile posts and a resource of hostile links, 412 frames at 80×24 checked")
    }
}
