// The built-in editor: UTF-8 text the way the author typed it, a cursor where the eye
// expects it, wrapping by display width.
@testable import TUI
import Screen
import Terminal
import Testing
import TextLayout

@Suite struct TextEditorTests {
    func typing(_ text: String, into editor: inout TextEditor) {
        for character in text { _ = editor.handle(character == "\n" ? .enter : .character(character)) }
    }

    init() { TerminalLocale.prepare() }

    @Test func typesDiacriticsCyrillicAndEmojiAsWholeCharacters() {
        var editor = TextEditor()
        typing("ș ë ж 👩🏽‍⚕️\nđ", into: &editor)
        _ = editor.handle(.backspace)
        _ = editor.handle(.backspace)  // joins the lines
        _ = editor.handle(.backspace)  // removes the whole emoji
        #expect(editor.text == "ș ë ж ")
    }

    @Test func movesByWordsAndDeletesTheWordBefore() {
        var editor = TextEditor(text: "Copilul a fost ascultat")
        _ = editor.handle(.controlLeft)
        _ = editor.handle(.controlLeft)
        _ = editor.handle(.character("X"))
        #expect(editor.text == "Copilul a Xfost ascultat")
        _ = editor.handle(.end)
        _ = editor.handle(.control("w"))
        #expect(editor.text == "Copilul a Xfost ")
    }

    @Test func controlCharactersNeverEnterTheText() {
        var editor = TextEditor()
        typing("a\u{1B}[2Jb", into: &editor)
        #expect(editor.text == "a[2Jb")
    }

    @Test func wrapsByDisplayWidthAndPlacesTheCursorAfterWideCharacters() {
        var editor = TextEditor()
        typing("日本語のテキスト", into: &editor)  // 8 wide characters = 16 columns
        #expect(TextEditor.wrap(Array(editor.text), width: 10).count == 2)
        let cursor = editor.visualCursor(width: 10)
        #expect(cursor.row == 1 && cursor.column == 6)
        var buffer = ScreenBuffer(width: 10, height: 3)
        editor.render(into: &buffer, area: Rect(x: 0, y: 0, width: 10, height: 3), focused: true)
        #expect(buffer.line(0) == "日本語のテ")
        #expect(buffer.cursor == ScreenPoint(x: 6, y: 1))
    }

    @Test func aSingleLineFieldTakesNoNewlines() {
        var field = TextEditor(text: "Titlu\nrupt", singleLine: true)
        #expect(field.text == "Titlu rupt")
        let used = field.handle(.enter)
        #expect(!used && field.text == "Titlu rupt")
    }
}
