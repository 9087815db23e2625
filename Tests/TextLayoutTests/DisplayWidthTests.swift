// The width table every screen relies on: one sample per script and trap.
import Screen
import TextLayout
import Testing

struct DisplayWidthTests {
    init() { TerminalLocale.prepare() }

    @Test(arguments: [
        ("abc", 3),
        ("Закрила", 7),                 // Cyrillic
        ("Shqipëri, ç", 11),            // Albanian
        ("știință", 7),                 // Romanian comma-below
        ("ştiinţa", 7),                 // Romanian cedilla
        ("e\u{301}", 1),                // combining acute
        ("Đorđević", 8),
        ("中文", 4),                     // CJK
        ("😀", 2),                      // emoji
        ("👍🏽", 2),                      // skin tone dropped
        ("👩‍👩‍👧", 2),                      // ZWJ family reduced to its first emoji
        ("❤️", 1),                       // VS16 dropped: text presentation everywhere
        ("co\u{AD}pil", 5),             // soft hyphen dropped
        ("a\u{1B}[31mb", 7),            // escape → U+FFFD, the rest is plain text
        ("tab\there", 8),
        ("\u{301}x", 2),                // lone mark gets a dotted circle
    ])
    func widths(_ text: String, _ expected: Int) {
        #expect(DisplayWidth.of(text) == expected)
        // What StyledLine's fast path stands on: never more columns than UTF-8 bytes.
        #expect(DisplayWidth.of(DisplayText.normalise(text)) <= text.utf8.count)
    }

    @Test func normalisationRemovesEverythingThatSteersATerminal() {
        let hostile = "ok\u{1B}]0;title\u{7}\u{9B}2J\u{202E}evil\r"
        let clean = DisplayText.normalise(hostile)
        #expect(!clean.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
        #expect(!clean.unicodeScalars.contains { $0.value == 0x202E })
        #expect(clean.hasPrefix("ok\u{FFFD}"))
    }

    @Test func truncateAndPadCountColumnsNotCharacters() {
        #expect(TextFit.truncate("Protecția copilului", to: 10) == "Protecția…")
        #expect(TextFit.truncate("中文中文", to: 5) == "中文…")
        #expect(TextFit.truncate("short", to: 10) == "short")
        #expect(TextFit.truncate("abc", to: 0) == "")
        #expect(DisplayWidth.of(TextFit.pad("中文", to: 7)) == 7)
        #expect(TextFit.pad("Закрила на детето", to: 8) == "Закрила…")
    }

    @Test func wrapBreaksBetweenWordsAndInsideLongOnes() {
        #expect(TextFit.wrap("Mbrojtja e fëmijëve në Shqipëri", width: 12) == ["Mbrojtja e", "fëmijëve në", "Shqipëri"])
        #expect(TextFit.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextFit.wrap("one\n\ntwo", width: 10) == ["one", "", "two"])
        #expect(TextFit.wrap("中文中文中", width: 4) == ["中文", "中文", "中"])
        for line in TextFit.wrap("Закрила на детето в България е обща отговорност на всички", width: 9) {
            #expect(DisplayWidth.of(line) <= 9)
        }
    }
}

struct ScreenBufferTests {
    init() { TerminalLocale.prepare() }

    @Test func wideCharactersNeverHangOffTheEdge() {
        var buffer = ScreenBuffer(width: 5, height: 1)
        let written = buffer.put("ab中文", x: 0, y: 0)
        #expect(written == 4)
        #expect(buffer.line(0) == "ab中 ")
        #expect(buffer[3, 0].width == 0)
    }

    @Test func clippingAndOverwritingKeepTheGridWhole() {
        var buffer = ScreenBuffer(width: 6, height: 2)
        buffer.put("中文中", x: 0, y: 0)
        buffer.put("x", x: 1, y: 0)          // over the right half of 中
        #expect(buffer.line(0) == " x文中")
        buffer.put("Закрила", x: 2, y: 1, maxWidth: 3)
        #expect(buffer.line(1) == "  Зак ")
        buffer.put("outside", x: 0, y: 5)      // below the grid: ignored
        #expect(buffer.lines.count == 2)
    }

    @Test func aStyledLineThatDoesNotFitEndsInAnEllipsis() {
        var buffer = ScreenBuffer(width: 10, height: 3)
        buffer.put(StyledLine([StyledSpan("en  ", .dim), StyledSpan("Дете в риск")]), x: 0, y: 0, maxWidth: 10)
        #expect(buffer.line(0) == "en  Дете …")
        buffer.put(StyledLine([StyledSpan("0123456789", .dim), StyledSpan("more")]), x: 0, y: 1, maxWidth: 10)
        #expect(buffer.line(1) == "012345678…")   // the first span fills the row, more follows
        buffer.put(StyledLine([StyledSpan("exact", .dim), StyledSpan("fit!!")]), x: 0, y: 2, maxWidth: 10)
        #expect(buffer.line(2) == "exactfit!!")
        // More bytes than columns, yet it fits: measured, not cut.
        var cyrillic = ScreenBuffer(width: 7, height: 1)
        cyrillic.put(StyledLine([StyledSpan("bg "), StyledSpan("Дете")]), x: 0, y: 0, maxWidth: 7)
        #expect(cyrillic.line(0) == "bg Дете")
    }

    @Test func zeroSizedBuffersAreSafe() {
        var buffer = ScreenBuffer(width: 0, height: 0)
        #expect(buffer.put("anything", x: 0, y: 0) == 0)
        buffer.fill(y: 0, role: .statusBar)
        #expect(buffer.lines.isEmpty)
    }

    @Test func changedRowsFindOnlyWhatMoved() {
        var before = ScreenBuffer(width: 4, height: 3)
        before.put("abc", x: 0, y: 1)
        var after = before
        after.put("x", x: 0, y: 2)
        #expect(after.changedRows(since: before) == [2])
        #expect(after.changedRows(since: nil) == [0, 1, 2])
    }
}
