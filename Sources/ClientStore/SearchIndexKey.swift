// Where a record lives in the search index: its kind in the high bits, its table rowid below.

/// Kinds in rowid order. Posts sit lowest, so "the newest N matches" (highest rowids)
/// always include every library, guide and thread match before any post is dropped;
/// and a kind filter is a rowid range, which FTS5 applies without reading rows.
enum SearchIndexKind: Int64, CaseIterable {
    case post = 1, thread = 2, guide = 3, resource = 4

    static let kindShift: Int64 = 40

    var name: String {
        switch self {
        case .resource: "resource"
        case .guide: "guide"
        case .thread: "thread"
        case .post: "post"
        }
    }

    init?(name: String) {
        guard let kind = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = kind
    }

    /// The index rowid of the record whose table rowid is `rowid` (tables stay below 2^40 rows).
    func indexRowID(_ rowid: Int64) -> Int64 { rawValue << Self.kindShift | rowid }

    /// Every index rowid of this kind.
    var rowidRange: ClosedRange<Int64> { (rawValue << Self.kindShift)...((rawValue + 1) << Self.kindShift - 1) }

    /// Every index rowid of every kind.
    static var allRowids: ClosedRange<Int64> { SearchIndexKind.post.rowidRange.lowerBound...SearchIndexKind.resource.rowidRange.upperBound }
}
