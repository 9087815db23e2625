// How each style role looks: colours and attributes, as a theme decided.

public struct TerminalStyle: Equatable, Sendable {
    /// Colour numbers 0–255, or nil for the terminal's own colour.
    public var foreground: Int?
    public var background: Int?
    public var bold = false
    public var reverse = false
    public var underline = false
    public var dim = false

    public init(foreground: Int? = nil, background: Int? = nil, bold: Bool = false, reverse: Bool = false,
                underline: Bool = false, dim: Bool = false) {
        self.foreground = foreground; self.background = background
        self.bold = bold; self.reverse = reverse; self.underline = underline; self.dim = dim
    }
}

public struct Palette: Equatable, Sendable {
    public var styles: [StyleRole: TerminalStyle]
    /// False when colours must not be used (NO_COLOR, monochrome terminals): attributes only.
    public var usesColour: Bool

    public init(styles: [StyleRole: TerminalStyle], usesColour: Bool) {
        self.styles = styles
        self.usesColour = usesColour
    }

    public func style(_ role: StyleRole) -> TerminalStyle { styles[role] ?? TerminalStyle() }
}
