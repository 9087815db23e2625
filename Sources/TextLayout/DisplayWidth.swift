// The one display-width function: how many terminal columns a grapheme or string takes.
import CLocale

public enum DisplayWidth {
    /// Columns taken by one already-normalised grapheme: glibc's `wcwidth` of its first
    /// scalar (combining marks ride along at no cost), 1 when glibc does not know it.
    public static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        let value = first.value
        if value >= 0x20 && value < 0x7F { return 1 }
        if value < 0x20 || (value >= 0x7F && value < 0xA0) { return 1 }  // shown as U+FFFD
        let width = wcwidth(wchar_t(value))
        return width < 0 ? 1 : Int(width)
    }

    /// Columns taken by `text` once normalised for display.
    public static func of(_ text: String) -> Int {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        var total = 0
        for character in DisplayText.normalise(text) { total += of(character) }
        return total
    }
}
