// Keyset paging: a page of rows and the cursor that continues after its last row.

/// Where the next page starts: the sort key and id of the last row shown. Pages never
/// use OFFSET, so the 1000th page costs what the first does.
public struct KeysetCursor: Sendable, Equatable, Codable {
    public let sortKey: String
    public let id: String
    public init(sortKey: String, id: String) { self.sortKey = sortKey; self.id = id }
}

public struct Page<Item> {
    public var items: [Item]
    /// Nil on the last page.
    public var next: KeysetCursor?
}

extension Page: Sendable where Item: Sendable {}

extension Page {
    /// Builds a page from `limit + 1` fetched rows: the extra row only says whether more exist.
    init(fetched rows: [Item], limit: Int, cursor: (Item) -> KeysetCursor) {
        if rows.count > limit {
            items = Array(rows.prefix(limit))
            next = items.last.map(cursor)
        } else {
            items = rows
            next = nil
        }
    }
}
