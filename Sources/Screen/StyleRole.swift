// What a piece of screen text is, not how it looks: themes map roles to colours.

public enum StyleRole: String, CaseIterable, Sendable, Hashable {
    case normal, dim, title, heading, selection, statusBar, statusAlert, match, link, queued, error, border, checked, badge

    /// The theme file's name for the role (`status-bar`, …).
    public var themeName: String {
        rawValue.reduce(into: "") { name, character in
            if character.isUppercase { name += "-" + character.lowercased() } else { name.append(character) }
        }
    }
}
