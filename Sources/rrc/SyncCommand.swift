// `rrc sync`: push the outbox, pull what is new; exit status says whether all went out.
import ClientStore
import Foundation
import SyncClient

enum SyncCommand: RRCCommand {
    static let name = "sync"
    static let summary = "send queued posts and fetch what is new"
    static let help = """
        Usage: rrc sync [--json]

        Sends every queued post (exactly once, whatever the link does) and fetches new
        content in small pages. Exit status 0 when all went well; 1 when the server cannot
        be reached or a post was rejected — queued posts stay queued (see rrc outbox).
        """

    struct ReportJSON: Encodable {
        var pushed: Int, applied: Int, duplicates: Int, conflicts: Int, rejected: Int, pulled: Int
        var requests: Int, bytesOut: Int, bytesIn: Int, stillQueued: Int, filesFetched: Int, error: String?
    }

    static func run(_ arguments: [String], context: CommandContext) throws -> Int32 {
        let parsed = try ParsedArguments(arguments, command: name, options: [], flags: ["--json"])
        guard let account = Account.load(context.home) else {
            throw CommandFailure("not logged in: run rrc login --server URL --user NAME")
        }
        let store = try context.openStore()
        let engine = SyncEngine(store: store, transport: Account.transport(insecure: account.insecure), server: account.server,
                                token: account.token, scope: Account.scope(context.home))
        var report = SyncReport()
        var failure: SyncFailure?
        var files = (files: 0, bytes: 0)
        do {
            report = try engine.sync()
            // Attachments within the budget (Settings), so they open offline later.
            files = try engine.fetchFiles(into: context.home.attachmentsFolder, budget: Account.attachmentBudget(context.home))
        } catch let error as SyncFailure {
            failure = error
            report.stillQueued = try store.opsToSend(maxBytes: .max).count
        }
        if parsed.has("--json") {
            try context.output.printJSON(ReportJSON(pushed: report.pushed, applied: report.applied, duplicates: report.duplicates,
                                                    conflicts: report.conflicts, rejected: report.rejected, pulled: report.pulled,
                                                    requests: report.requests, bytesOut: report.bytesOut, bytesIn: report.bytesIn,
                                                    stillQueued: report.stillQueued, filesFetched: files.files, error: failure?.description))
        } else {
            print(describe(report) + (files.files > 0 ? " Fetched \(files.files) attachment(s), \(files.bytes) B." : ""))
            if let failure { RRCProgram.printError(failure.description) }
            if report.rejected > 0 { RRCProgram.printError("\(CountedNoun.text(report.rejected, "post")) rejected: see rrc outbox") }
        }
        return failure == nil && report.rejected == 0 ? 0 : 1
    }

    static func describe(_ report: SyncReport) -> String {
        var parts = ["sent \(report.applied + report.duplicates) of \(report.pushed)"]
        if report.conflicts > 0 { parts.append("\(report.conflicts) edited elsewhere too (both kept)") }
        if report.rejected > 0 { parts.append("\(report.rejected) rejected") }
        parts.append("received \(report.pulled) change(s)")
        parts.append("\(report.requests) request(s), \(report.bytesOut) B out, \(report.bytesIn) B in")
        if report.stillQueued > 0 { parts.append("\(report.stillQueued) still queued") }
        if report.epochChanged { parts.append("the server was restored: everything fetched again") }
        return "Sync: " + parts.joined(separator: "; ") + "."
    }
}
