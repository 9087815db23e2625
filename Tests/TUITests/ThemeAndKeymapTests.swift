// Theme files and keys.conf: what users edit by hand must fail clearly and never half-apply.
import Foundation
import Screen
import Terminal
import TestSupport
import TUI
import Testing

struct ThemeTests {
    @Test(arguments: ["default", "light", "high-contrast", "monochrome"])
    func shippedThemesParse(name: String) throws {
        let file = ProjectPaths.root.appendingPathComponent("themes/\(name).theme")
        let palette = try ThemeFile.parse(String(contentsOf: file, encoding: .utf8), file: file.path, noColour: false)
        for role in StyleRole.allCases { #expect(palette.styles[role] != nil, "\(name) lacks \(role.themeName)") }
    }

    @Test func coloursByNameNumberAndHex() throws {
        let palette = try ThemeFile.parse("""
            # comment
            title = bright-white #005f87 bold underline
            match = 208 default
            """, file: "t.theme", noColour: false)
        #expect(palette.style(.title) == TerminalStyle(foreground: 15, background: 24, bold: true, underline: true))
        #expect(palette.style(.match).foreground == 208)
        #expect(palette.style(.match).background == nil)
    }

    @Test(arguments: [
        ("normal = default default\ntitel = white blue", 2, "unknown element 'titel'"),
        ("title = purple blue", 1, "unknown colour 'purple'"),
        ("title = white blue blink", 1, "unknown attribute 'blink'"),
        ("\n\ntitle white blue", 3, "expected 'element = foreground background attributes'"),
        ("title = 300 default", 1, "unknown colour '300'"),
    ])
    func brokenThemeNamesFileAndLine(text: String, line: Int, message: String) {
        let error = #expect(throws: ThemeError.self) { try ThemeFile.parse(text, file: "mine.theme", noColour: false) }
        #expect(error?.line == line)
        #expect(error?.description.hasPrefix("mine.theme:\(line): \(message)") == true)
    }

    @Test func noColourKeepsAttributesOnly() throws {
        let palette = try ThemeFile.parse("title = white blue bold", file: "t", noColour: true)
        #expect(!palette.usesColour)
        #expect(palette.style(.title).foreground == nil && palette.style(.title).background == nil)
        #expect(palette.style(.title).bold && palette.style(.title).reverse)
    }
}

struct KeymapTests {
    @Test func keysConfOverridesAndReportsMistakes() {
        var keymap = Keymap.defaults
        let problems = keymap.apply(config: """
            # my keys
            quit = C-q x
            open = Space
            frobnicate = z
            help = NotAKey
            """, file: "keys.conf")
        #expect(keymap.action(for: .control("q")) == .quit)
        #expect(keymap.action(for: .character("x")) == .quit)
        #expect(keymap.action(for: .character(" ")) == .open)
        #expect(keymap.action(for: .character("j")) == .moveDown)  // untouched defaults stay
        #expect(problems == ["keys.conf:4: unknown action 'frobnicate'", "keys.conf:5: unknown key in 'NotAKey'"])
    }

    @Test func everyKeyNameRoundTrips() {
        for key in Keymap.defaults.bindings.keys { #expect(Key(name: key.name) == key, "\(key.name)") }
    }
}
