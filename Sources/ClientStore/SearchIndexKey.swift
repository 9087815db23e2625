// Where a record lives in the search index: its table rowid with the kind folded in.

enum SearchIndexKind: Int64 {
    case resource = 1, guide = 2, thread = 3, post = 4

    var name: String {
        switch self {
        case .resource: "resource"
        case .guide: "guide"
        case .thread: "thread"
        case .post: "post"
        }
    }

    init?(name: String) {
        switch name {
        case "resource": self = .resource
        case "guide": self = .guide
        case "thread": self = .thread
        case "post": self = .post
        default: return nil
        }
    }

    /// The index rowid of the record whose table rowid is `rowid`.
    func indexRowID(_ rowid: Int64) -> Int64 { rowid * 8 + rawValue }
}
