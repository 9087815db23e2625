// `rrc search QUERY`: one box over resources, guides, threads and posts.
import ClientStore
import Foundation

enum SearchCommand: RRCCommand {
    static let name = "search"
    static var summary: String { tr("search resources, guides and forum posts") }
    static var help: String {
        tr("""
        Usage: rrc search QUERY… [--kind K] [--lang L] [--limit N] [--json]

        Finds QUERY in titles and text, diacritics ignored: "Bucuresti" finds "București",
        "Shqiperi" finds "Shqipëri", "drzava" finds "država". The last word also matches
        as a prefix. Results are grouped by kind, best first; matches are highlighted
        (marked **like this** when the output is not a terminal).

        Options:
          --kind K    only resource, guide, thread or post
          --lang L    only content in language L (en, ro, bg, sq, sh)
          --limit N   at most N results (default 50)
          --json      print JSON
        """)
    }

    static func run(_ arguments: [String], context: CommandContext) throws -> Int32 {
        let parsed = try ParsedArguments(arguments, command: name, options: ["--kind", "--lang", "--limit"], flags: ["--json"])
        let text = parsed.positionals.joined(separator: " ")
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw UsageError(tr("search needs words to look for"), command: name)
        }
        if let kind = parsed["--kind"], !SearchQuery.kinds.contains(kind) {
            throw UsageError(tr("'{1}' is not a kind to search: use {2}", kind, SearchQuery.kinds.joined(separator: ", ")), command: name)
        }
        let limit = try parsed.count("--limit", default: 50, command: name)
        let query = SearchQuery(text, kind: parsed["--kind"], language: try LanguageOption.parse(parsed["--lang"], command: name),
                                limit: limit == 0 ? 1000 : limit)
        let store = try context.openStore()
        let hits = try store.search(query)
        if parsed.has("--json") {
            try context.output.printJSON(hits.map(HitJSON.init))
            return 0
        }
        if try store.counts().isEmpty { print(HomeSummary.noContentHint); return 0 }
        guard !hits.isEmpty else { print(tr("Nothing found for “{1}”.", text)); return 0 }
        let headings = ["resource": tr("Resources"), "guide": tr("Guides"), "thread": tr("Threads"), "post": tr("Posts")]
        for kind in SearchQuery.kinds {
            let group = hits.filter { $0.kind == kind }
            guard !group.isEmpty else { continue }
            print("\(headings[kind]!) (\(group.count))")
            for hit in group {
                print("  \(hit.id)  [\(hit.language)]  \(Output.marked(hit.title))")
                let line = Output.marked(hit.snippet).split(whereSeparator: \.isNewline).joined(separator: " ")
                if !line.isEmpty { print("      \(line)") }
            }
            print("")
        }
        return 0
    }

    struct HitJSON: Encodable {
        let kind: String
        let id: String
        let language: String
        let title: String
        let snippet: String
        /// The snippet with each match wrapped in `**`.
        let snippetMarked: String
        let threadId: String?
        let score: Double
        init(_ hit: SearchHit) {
            kind = hit.kind; id = hit.id; language = hit.language; title = hit.title.plain
            snippet = hit.snippet.plain; snippetMarked = hit.snippet.marked(open: "**", close: "**")
            threadId = hit.threadId; score = hit.score
        }
    }
}
