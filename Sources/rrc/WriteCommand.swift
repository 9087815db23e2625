// `rrc post` and `rrc reply`: queue writing from standard input, offline, exactly like the
// interface — including the identifier check, which a script answers with a flag.
import ClientStore
import Foundation
import Model
import TUI

enum WriteCommand {
    static var checkHelp: String {
        tr("""
          --anonymise   replace likely identifiers (ID numbers, dates, phones, e-mails,
                        addresses) with placeholders before queuing
          --confirm     queue the text as written even if it seems to identify someone
        """)
    }

    static func queue(_ draft: Draft, parsed: ParsedArguments, context: CommandContext, command: String) throws -> Int32 {
        var draft = draft
        let findings = IdentifierScan.findings(in: draft.title + "\n" + draft.body)
        if !findings.isEmpty {
            if parsed.has("--anonymise") {
                let label = { (kind: IdentifierKind) in IdentifierText.placeholder(kind, tr: tr) }
                draft.title = IdentifierScan.anonymised(draft.title, label: label)
                draft.body = IdentifierScan.anonymised(draft.body, label: label)
            } else if !parsed.has("--confirm") {
                let list = findings.map { "\(IdentifierText.name($0.kind, tr: tr)): \($0.text)" }.joined(separator: ", ")
                throw CommandFailure(tr("the text may identify a child or family ({1}); nothing was queued. Remove it, or run again with --anonymise or --confirm", list))
            }
        }
        let store = try context.openStore()
        do {
            let queued = try store.queue(draft)
            print(tr("Queued ({1}); it goes out with the next rrc sync.", queued.entityID))
            return 0
        } catch let error as WriteError {
            throw CommandFailure(describe(error))
        }
    }

    static func body() throws -> String {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard let text = String(data: data, encoding: .utf8) else { throw CommandFailure(tr("the text on standard input is not UTF-8")) }
        return text
    }

    static func describe(_ error: WriteError) -> String {
        switch error {
        case .emptyText: tr("there is no text on standard input")
        case .missingTitle: tr("a new thread needs --title")
        case .threadLocked: tr("the thread is locked")
        case .notFound: tr("there is no such forum or thread here (rrc list forums, rrc list threads)")
        case .notYourPost: tr("you can edit only your own posts")
        case .hasQueuedReplies(let count): tr.plural("it has %d queued reply", "it has %d queued replies", count)
        case .alreadySent: tr("it has been sent already")
        case .deletionHasNoText: tr("a deletion has no text to change")
        }
    }
}

enum PostCommand: RRCCommand {
    static let name = "post"
    static var summary: String { tr("queue a new thread (text from standard input)") }
    static var help: String {
        tr("""
        Usage: rrc post --forum ID --title TITLE [--anonymise | --confirm] < text

        Queues a new thread in a forum, offline; rrc sync sends it.

        Options:
          --forum ID    the forum (rrc list forums)
          --title TEXT  the thread's title
        """) + "\n" + WriteCommand.checkHelp
    }

    static func run(_ arguments: [String], context: CommandContext) throws -> Int32 {
        let parsed = try ParsedArguments(arguments, command: name, options: ["--forum", "--title"], flags: ["--anonymise", "--confirm"])
        guard let forum = parsed["--forum"] else { throw UsageError(tr("--forum ID is required"), command: name) }
        return try WriteCommand.queue(Draft(target: .newThread(forum: forum), title: parsed["--title"] ?? "", body: try WriteCommand.body()),
                                      parsed: parsed, context: context, command: name)
    }
}

enum ReplyCommand: RRCCommand {
    static let name = "reply"
    static var summary: String { tr("queue a reply (text from standard input)") }
    static var help: String {
        tr("""
        Usage: rrc reply --thread ID [--to POST] [--anonymise | --confirm] < text

        Queues a reply in a thread, offline — also to a thread that is itself still queued.

        Options:
          --thread ID   the thread (rrc list threads)
          --to POST     the post answered (optional)
        """) + "\n" + WriteCommand.checkHelp
    }

    static func run(_ arguments: [String], context: CommandContext) throws -> Int32 {
        let parsed = try ParsedArguments(arguments, command: name, options: ["--thread", "--to"], flags: ["--anonymise", "--confirm"])
        guard let thread = parsed["--thread"] else { throw UsageError(tr("--thread ID is required"), command: name) }
        return try WriteCommand.queue(Draft(target: .reply(thread: thread, replyTo: parsed["--to"]), body: try WriteCommand.body()),
                                      parsed: parsed, context: context, command: name)
    }
}
