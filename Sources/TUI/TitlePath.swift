// The title bar's path of screens, fitted to the terminal's width.
import TextLayout

enum TitlePath {
    /// " rrc › Home › Forums › …" when it fits. When it does not, the places nearest the
    /// root give way first (" … › Forum › Thread"), since where you are matters more than how
    /// you came; a last title wider than the bar alone ends in "…".
    static func fitted(_ titles: [String], width: Int) -> String {
        let separator = " › "
        let whole = " " + (["rrc"] + titles).joined(separator: separator)
        guard DisplayWidth.of(whole) > width, let last = titles.last else { return TextFit.truncate(whole, to: width) }
        var kept = [last]
        for title in titles.dropLast().reversed() {
            let candidate = " …" + separator + ([title] + kept).joined(separator: separator)
            guard DisplayWidth.of(candidate) <= width else { break }
            kept.insert(title, at: 0)
        }
        let shortened = " …" + separator + kept.joined(separator: separator)
        return TextFit.truncate(DisplayWidth.of(shortened) <= width ? shortened : " " + last, to: width)
    }
}
