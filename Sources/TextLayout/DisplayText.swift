// Text made safe and predictable for a terminal cell grid.

public enum DisplayText {
    /// What the screen shows instead of `text`:
    /// - control characters (C0, DEL, C1 — escape sequences included) become U+FFFD, so no
    ///   byte from content can ever steer the terminal; a tab becomes a space;
    /// - soft hyphens (U+00AD) and variation selectors are dropped;
    /// - an emoji ZWJ sequence keeps only its first emoji, and skin-tone modifiers go, since
    ///   terminals disagree on how wide the joined forms are.
    /// Line breaks are not handled here: callers split lines first.
    public static func normalise(_ text: String) -> String {
        // Fast path: printable ASCII needs nothing.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            result += normalise(character)
        }
        return result
    }

    /// The normalised form of one grapheme (may be empty).
    public static func normalise(_ character: Character) -> String {
        let scalars = character.unicodeScalars
        // A mark with nothing to sit on would merge into the neighbouring cell: give it
        // the dotted circle Unicode uses to show a lone mark.
        if let first = scalars.first, [.nonspacingMark, .enclosingMark].contains(first.properties.generalCategory) {
            return "\u{25CC}" + String(String.UnicodeScalarView(scalars.compactMap(normalise(scalar:))))
        }
        if scalars.count == 1, let only = scalars.first {
            return normalise(scalar: only).map(String.init) ?? ""
        }
        var kept = String.UnicodeScalarView()
        for scalar in scalars {
            if scalar.value == 0x200D { break }  // ZWJ: the rest of the sequence goes
            guard let clean = normalise(scalar: scalar) else { continue }
            if clean == "\u{FFFD}" && !kept.isEmpty { continue }
            kept.append(clean)
        }
        return String(kept)
    }

    static func normalise(scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x09: return " "
        case 0x00..<0x20, 0x7F..<0xA0: return "\u{FFFD}"
        case 0xAD: return nil                           // soft hyphen
        case 0xFE00...0xFE0F, 0xE0100...0xE01EF: return nil  // variation selectors
        case 0x1F3FB...0x1F3FF: return nil              // skin-tone modifiers
        case 0x200B, 0x2060, 0xFEFF: return nil         // zero-width spaces and BOM
        case 0x202A...0x202E, 0x2066...0x2069: return nil // bidi overrides would reorder the screen
        default: return scalar
        }
    }
}
