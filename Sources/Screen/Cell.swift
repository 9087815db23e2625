// One terminal cell: a grapheme, how wide it is, and its style.

public struct Cell: Equatable, Sendable {
    /// The grapheme; empty for the right half of a wide character.
    public var text: String
    /// 1, or 2 for a wide character (its right half is a width-0 continuation cell).
    public var width: Int
    public var role: StyleRole

    public static let blank = Cell(text: " ", width: 1, role: .normal)
    static func continuation(_ role: StyleRole) -> Cell { Cell(text: "", width: 0, role: role) }
}
