// Which part of the change log a device takes: languages and forums (SYNC.md "Pull").
// Written in a query as `scope=lang:ro,lang:en,forum:forum-ro`; empty means everything.

public struct PullScope: Equatable, Sendable {
    public var languages: [String] = []
    public var forums: [String] = []

    public init(languages: [String] = [], forums: [String] = []) {
        self.languages = languages; self.forums = forums
    }

    /// Reads the query form; nil for a term it does not know.
    public init?(query: String) {
        for term in query.split(separator: ",") where !term.isEmpty {
            let parts = term.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[1].isEmpty, parts[1].count <= 100 else { return nil }
            switch parts[0] {
            case "lang": languages.append(parts[1])
            case "forum": forums.append(parts[1])
            default: return nil
            }
        }
    }

    /// `,a,b,` for an `instr` test in SQL, or nil for "all".
    public static func list(_ values: [String]) -> String? {
        values.isEmpty ? nil : "," + values.joined(separator: ",") + ","
    }
}
