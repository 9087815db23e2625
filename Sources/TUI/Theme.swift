// The built-in default theme (16-colour safe, terminal background): the fallback when a
// theme file is missing or broken. themes/default.theme says the same in the file format.
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
        let palette = Palette(styles: styles, usesColour: true)
        return noColour ? withoutColour(palette) : palette
    }

    /// The same theme in attributes only (NO_COLOR): bars and selection stay in reverse
    /// video, headings bold, so nothing is lost that colour alone said.
    public static func withoutColour(_ palette: Palette) -> Palette {
        var plain = palette.styles.mapValues { TerminalStyle(bold: $0.bold, reverse: $0.reverse, underline: $0.underline, dim: $0.dim) }
        for role in [StyleRole.title, .statusBar, .statusAlert, .selection] {
            plain[role]?.reverse = true
        }
        return Palette(styles: plain, usesColour: false)
    }
}
