// Keys → named actions. Defaults follow TUI.md (arrows and vim keys); keys.conf overrides.
import Foundation
import Terminal

public struct Keymap: Sendable {
    public private(set) var bindings: [Key: Action]

    public static let defaults = Keymap(bindings: [
        .character("j"): .moveDown, .down: .moveDown, .character("k"): .moveUp, .up: .moveUp,
        .character("g"): .top, .home: .top, .character("G"): .bottom, .end: .bottom,
        .control("d"): .halfPageDown, .pageDown: .halfPageDown, .control("u"): .halfPageUp, .pageUp: .halfPageUp,
        .enter: .open, .character("l"): .open, .right: .open,
        .escape: .back, .character("h"): .back, .character("q"): .back, .left: .back,
        .character("/"): .search,
        .character("?"): .help, .function(1): .help,
        .character("L"): .language, .character("t"): .translations, .character(" "): .toggle,
        .character("p"): .presenter, .character("1"): .library, .character("2"): .guides,
        .character("3"): .forums, .character("0"): .home,
        .character("r"): .reply, .character("R"): .quote, .character("c"): .compose, .character("e"): .edit,
        .character("D"): .deletePost, .character("f"): .fetchAttachments,
        .character("d"): .discard, .character("y"): .copy, .character("b"): .bookmark,
        .character("]"): .nextPost, .character("["): .previousPost,
        .character("n"): .nextMatch, .character("N"): .previousMatch,
        .character("T"): .filterTopic, .character("Y"): .filterType, .character("C"): .filterCountry,
        .character("x"): .clearFilters, .character("O"): .sortOrder,
        .character(":"): .commandLine, .character("o"): .outbox, .character("B"): .bookmarks, .character("S"): .settings, .character("s"): .sync,
        .character("Q"): .quit,
    ])

    public func action(for key: Key) -> Action? { bindings[key] }

    /// Keys bound to `action`, in a stable order, for the help screen.
    public func keys(for action: Action) -> [Key] {
        bindings.filter { $0.value == action }.map(\.key).sorted { $0.name < $1.name }
    }

    /// Applies a keys.conf: lines `action = key key …` (`#` comments). A line naming an
    /// unknown action or key is reported with its line number and skipped.
    public mutating func apply(config text: String, file: String) -> [String] {
        var problems: [String] = []
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let action = Action(rawValue: parts[0]) else {
                problems.append("\(file):\(offset + 1): unknown action '\(parts.first ?? "")'")
                continue
            }
            let names = parts[1].split(separator: " ").map(String.init)
            let keys = names.compactMap(Key.init(name:))
            guard keys.count == names.count, !keys.isEmpty else {
                problems.append("\(file):\(offset + 1): unknown key in '\(parts[1])'")
                continue
            }
            for key in keys { bindings[key] = action }
        }
        return problems
    }
}
