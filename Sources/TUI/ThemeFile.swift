// Theme files: `element = foreground background attributes…`, one element per line.
import Foundation
import Screen

public enum ThemeFile {
    public static let colourNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Parses a theme. Elements not mentioned keep the built-in default's look.
    /// Throws, naming file and line, for an unknown element, colour or attribute.
    public static func parse(_ text: String, file: String, noColour: Bool) throws(ThemeError) -> Palette {
        var styles = Theme.defaultPalette(noColour: false).styles
        let roles = Dictionary(uniqueKeysWithValues: StyleRole.allCases.map { ($0.themeName, $0) })
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = offset + 1
            // A comment is a line starting with #, or " # " after a value: #rrggbb is a colour.
            var content = Substring(rawLine)
            if content.drop(while: \.isWhitespace).hasPrefix("#") { continue }
            if let comment = content.range(of: " # ") { content = content[..<comment.lowerBound] }
            guard !content.allSatisfy(\.isWhitespace) else { continue }
            let sides = content.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard sides.count == 2 else { throw ThemeError(file: file, line: line, message: "expected 'element = foreground background attributes'") }
            guard let role = roles[sides[0]] else {
                throw ThemeError(file: file, line: line, message: "unknown element '\(sides[0])' (known: \(roles.keys.sorted().joined(separator: ", ")))")
            }
            let words = sides[1].split(separator: " ").map(String.init)
            guard words.count >= 2 else { throw ThemeError(file: file, line: line, message: "give a foreground and a background colour") }
            var style = TerminalStyle(foreground: try colour(words[0], file: file, line: line),
                                      background: try colour(words[1], file: file, line: line))
            for attribute in words.dropFirst(2) {
                switch attribute {
                case "bold": style.bold = true
                case "reverse": style.reverse = true
                case "underline": style.underline = true
                case "dim": style.dim = true
                case "none": break
                default: throw ThemeError(file: file, line: line, message: "unknown attribute '\(attribute)' (bold, reverse, underline, dim, none)")
                }
            }
            styles[role] = style
        }
        let palette = Palette(styles: styles, usesColour: true)
        return noColour ? Theme.withoutColour(palette) : palette
    }

    /// `default`, a name (`red`, `bright-red`), 0–255, or `#rrggbb` (nearest of the 256 colours).
    static func colour(_ word: String, file: String, line: Int) throws(ThemeError) -> Int? {
        if word == "default" { return nil }
        if let index = colourNames.firstIndex(of: word) { return index }
        if word.hasPrefix("bright-"), let index = colourNames.firstIndex(of: String(word.dropFirst(7))) { return index + 8 }
        if let number = Int(word), (0...255).contains(number) { return number }
        if word.hasPrefix("#"), word.count == 7, let value = Int(word.dropFirst(), radix: 16) {
            return nearest256(red: value >> 16 & 0xFF, green: value >> 8 & 0xFF, blue: value & 0xFF)
        }
        throw ThemeError(file: file, line: line, message: "unknown colour '\(word)' (default, a name, 0–255 or #rrggbb)")
    }

    /// The xterm 256-colour cube or grey ramp entry closest to an RGB colour.
    static func nearest256(red: Int, green: Int, blue: Int) -> Int {
        func level(_ component: Int) -> Int { component < 48 ? 0 : component < 115 ? 1 : (component - 35) / 40 }
        let cube = 16 + 36 * level(red) + 6 * level(green) + level(blue)
        let grey = (red + green + blue) / 3
        let greyIndex = grey > 238 ? 255 : 232 + max(0, (grey - 3) / 10)
        let levels = [0, 95, 135, 175, 215, 255]
        let cubeRGB = (levels[level(red)], levels[level(green)], levels[level(blue)])
        let greyValue = 8 + (greyIndex - 232) * 10
        func distance(_ r: Int, _ g: Int, _ b: Int) -> Int { (r - red) * (r - red) + (g - green) * (g - green) + (b - blue) * (b - blue) }
        return distance(cubeRGB.0, cubeRGB.1, cubeRGB.2) <= distance(greyValue, greyValue, greyValue) ? cube : greyIndex
    }
}

public struct ThemeError: Error, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let message: String
    public var description: String { "\(file):\(line): \(message)" }
}
