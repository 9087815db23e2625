// `rrc` with no command: what the local store holds, or how to get content into it.
import ClientStore
import Foundation

enum HomeSummary {
    static var noContentHint: String {
        tr("""
        The local store is empty — there is nothing to show yet.

        To get content:
          rrc import PATH      import a content pack (a folder of Markdown files);
                               the demo pack ships in demo/pack of the source tree
          make run             (from the source tree) builds rrc and opens the demo library
        """)
    }

    static func run(_ context: CommandContext) throws -> Int32 {
        let store = try context.openStore()
        let counts = try store.counts()
        if counts.isEmpty { print(noContentHint); return 0 }
        print("""
            \(tr("rrc — local store at {1}", context.home.data.path))

              \(CountedNoun.text(counts.resources, "resource")), \(CountedNoun.text(counts.guides, "guide"))
              \(CountedNoun.text(counts.forums, "forum")), \(CountedNoun.text(counts.threads, "thread")), \(CountedNoun.text(counts.posts, "post"))
              \(tr.plural("%d post waiting to be sent", "%d posts waiting to be sent", counts.queuedOps))

            \(tr("Try: rrc list resources · rrc list threads · rrc search WORDS · rrc show ID · rrc --help"))
            """)
        return 0
    }
}
