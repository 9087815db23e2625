// `rrc list resources|guides|forums|threads`: keyset-paged listings with filters.
import ClientStore
import Foundation
import Model

enum ListCommand: RRCCommand {
    static let name = "list"
    static var summary: String { tr("list resources, guides, forums or threads") }
    static var help: String {
        tr("""
        Usage: rrc list resources|guides|forums|threads [OPTIONS]

        Options:
          --lang L       only content in language L (en, ro, bg, sq, sh)
          --topic T      resources on topic T (e.g. trafficking, alternative-care)
          --type T       resources of type T (e.g. research-report, fact-sheet)
          --country C    resources about country C (e.g. RO, AL, XK)
          --forum ID     threads of one forum
          --limit N      show at most N rows (default 50; 0 shows all)
          --json         print JSON

        Resources and guides are sorted by title, threads by last activity.
        """)
    }

    static func run(_ arguments: [String], context: CommandContext) throws -> Int32 {
        let parsed = try ParsedArguments(arguments, command: name,
                                         options: ["--lang", "--topic", "--type", "--country", "--forum", "--limit"],
                                         flags: ["--json"])
        guard parsed.positionals.count == 1, let what = parsed.positionals.first else {
            throw UsageError(tr("say what to list: resources, guides, forums or threads"), command: name)
        }
        let limit = try parsed.count("--limit", default: 50, command: name)
        let json = parsed.has("--json")
        let language = try LanguageOption.parse(parsed["--lang"], command: name)
        let allowed: [String: Set<String>] = [
            "resources": ["--lang", "--topic", "--type", "--country", "--limit"],
            "guides": ["--lang", "--limit"],
            "forums": ["--lang", "--limit"],
            "threads": ["--lang", "--forum", "--limit"],
        ]
        guard let options = allowed[what] else {
            throw UsageError(tr("cannot list '{1}': choose resources, guides, forums or threads", what), command: name)
        }
        if let extra = parsed.options.keys.sorted().first(where: { !options.contains($0) }) {
            throw UsageError(tr("'{1}' does not apply to {2}", extra, what), command: name)
        }
        let store = try context.openStore()
        if try store.counts().isEmpty && !json {
            print(HomeSummary.noContentHint)
            return 0
        }
        switch what {
        case "resources":
            let filter = ResourceFilter(language: language, topic: parsed["--topic"], type: parsed["--type"],
                                        country: parsed["--country"])
            let rows = try collect(limit: limit) { try store.resources(filter, after: $0, limit: $1) }
            if json { try context.output.printJSON(rows) } else {
                printTable(rows.map { [$0.id, $0.language, $0.year.map(String.init) ?? "", $0.type, $0.title] }, empty: tr("No resources match."))
            }
        case "guides":
            let rows = try collect(limit: limit) { try store.guides(language: language, after: $0, limit: $1) }
            if json { try context.output.printJSON(rows) } else {
                printTable(rows.map { [$0.id, $0.language, CountedNoun.text($0.sectionCount, "section"), CountedNoun.text($0.checklistItemCount, "check"), $0.title] }, empty: tr("No guides match."))
            }
        case "forums":
            var rows = try store.forums(language: language)
            if limit > 0 { rows = Array(rows.prefix(limit)) }
            if json { try context.output.printJSON(rows) } else {
                printTable(rows.map { [$0.id, $0.language, CountedNoun.text($0.threadCount, "thread"), CountedNoun.text($0.postCount, "post"), $0.title] }, empty: tr("No forums match."))
            }
        default:
            if let forum = parsed["--forum"], try store.forums().contains(where: { $0.id == forum }) == false {
                throw CommandFailure(tr("no forum with id '{1}' (see 'rrc list forums')", forum))
            }
            let rows = try collect(limit: limit) { try store.threads(forum: parsed["--forum"], language: language, after: $0, limit: $1) }
            if json { try context.output.printJSON(rows) } else {
                printTable(rows.map { [$0.id, $0.language, String($0.lastActivity.prefix(10)), CountedNoun.text($0.postCount, "post"), $0.title] }, empty: tr("No threads match."))
            }
        }
        return 0
    }

    /// Reads keyset pages until `limit` rows (0 = all) are in hand.
    static func collect<T>(limit: Int, page: (KeysetCursor?, Int) throws -> Page<T>) throws -> [T] {
        var rows: [T] = []
        var cursor: KeysetCursor?
        repeat {
            let size = limit == 0 ? 500 : min(500, limit - rows.count)
            let next = try page(cursor, size)
            rows += next.items
            cursor = next.next
        } while cursor != nil && (limit == 0 || rows.count < limit)
        return rows
    }

    /// Prints rows as aligned columns; every column but the last is as wide as its widest
    /// cell, so ids are never cut (people copy them into `rrc show`).
    static func printTable(_ rows: [[String]], empty: String) {
        guard !rows.isEmpty else { print(empty); return }
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        for row in rows {
            let cells = row.enumerated().map { index, cell in index < row.count - 1 ? cell.column(widths[index]) : cell }
            print(cells.joined(separator: "  "))
        }
    }
}

enum LanguageOption {
    /// Reads `--lang`, accepting the aliases (hr, bs, sr@latin → sh).
    static func parse(_ text: String?, command: String) throws(UsageError) -> String? {
        guard let text else { return nil }
        guard let language = Language(code: text) else {
            throw UsageError(tr("'{1}' is not a language code (use en, ro, bg, sq or sh)", text), command: command)
        }
        return language.code
    }
}
