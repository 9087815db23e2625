// The kinds of record a content pack or the server's change log carries.

public enum ContentKind: String, Codable, Sendable, CaseIterable {
    case person, forum, thread, post, resource, guide

    /// Import order: a record only refers to kinds earlier in this list.
    public var importRank: Int { ContentKind.allCases.firstIndex(of: self)! }
}
