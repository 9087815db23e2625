// The built-in default theme (16-colour safe, terminal background). Theme files come next.
import Screen

public enum Theme {
    /// `NO_COLOR` set (any value) means attributes only, never colour.
    public static func defaultPalette(noColour: Bool) -> Palette {
        let styles: [StyleRole: TerminalStyle] = [
            .normal: TerminalStyle(),
            .dim: TerminalStyle(dim: true),
            .title: TerminalStyle(foreground: 7, background: 4, bold: true),
            .heading: TerminalStyle(foreground: 6, bold: true),
            .selection: TerminalStyle(reverse: true),
            .statusBar: TerminalStyle(foreground: 0, background: 6),
            .statusAlert: TerminalStyle(foreground: 7, background: 1, bold: true),
            .match: TerminalStyle(foreground: 3, bold: true, underline: true),
            .link: TerminalStyle(foreground: 4, underline: true),
            .queued: TerminalStyle(foreground: 3, bold: true),
            .error: TerminalStyle(foreground: 1, bold: true),
            .border: TerminalStyle(dim: true),
            .checked: TerminalStyle(foreground: 2),
            .badge: TerminalStyle(foreground: 5, bold: true),
        ]
        if noColour {
            // Keep what attributes alone can say: bars and selection in reverse, headings bold.
            var plain = styles.mapValues { TerminalStyle(bold: $0.bold, reverse: $0.reverse, underline: $0.underline, dim: $0.dim) }
            plain[.title] = TerminalStyle(bold: true, reverse: true)
            plain[.statusBar] = TerminalStyle(reverse: true)
            plain[.statusAlert] = TerminalStyle(bold: true, reverse: true)
            return Palette(styles: plain, usesColour: false)
        }
        return Palette(styles: styles, usesColour: true)
    }
}
