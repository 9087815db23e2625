// `rrc sync`: push the outbox, pull what is new; exit status says whether all went out.
import ClientStore
import Foundation
import SyncClient

enum SyncCommand: RRCCommand {
    static let name = "sync"
    static var summary: String { tr("send queued posts and fetch what is new") }
    static var help: String {
        tr("""
        Usage: rrc sync [--json]

        Sends every queued post (exactly once, whatever the link does) and fetches new
        content in small pages. Exit status 0 when all went well; 1 when the server cannot
        be reached or a post was rejected — queued posts stay queued (see rrc outbox).
        """)
    }

    struct ReportJSON: Encodable {
        var pushed: Int, applied: Int, duplicates: Int, conflicts: Int, rejected: Int, pulled: Int
        var requests: Int, connections: Int, bytesOut: Int, bytesIn: Int, stillQueued: Int, filesFetched: Int, error: String?
    }

    static func run(_ arguments: [String], context: CommandContext) throws -> Int32 {
        let parsed = try ParsedArguments(arguments, command: name, options: [], flags: ["--json"])
        guard let account = Account.load(context.home) else {
            throw CommandFailure(tr("not logged in: run rrc login --server URL --user NAME"))
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
                                                    requests: report.requests, connections: report.connections, bytesOut: report.bytesOut, bytesIn: report.bytesIn,
                                                    stillQueued: report.stillQueued, filesFetched: files.files, error: failure?.description))
        } else {
            print(describe(report) + (files.files > 0 ? " " + tr("Fetched {1} attachment(s), {2} B.", files.files, files.bytes) : ""))
            if let failure { RRCProgram.printError(describe(failure)) }
            if report.rejected > 0 {
                RRCProgram.printError(tr.plural("%d post rejected: see rrc outbox", "%d posts rejected: see rrc outbox", report.rejected))
            }
        }
        return failure == nil && report.rejected == 0 ? 0 : 1
    }

    static func describe(_ report: SyncReport) -> String {
        var parts = [tr("sent {1} of {2}", report.applied + report.duplicates, report.pushed)]
        if report.conflicts > 0 { parts.append(tr("{1} edited elsewhere too (both kept)", report.conflicts)) }
        if report.rejected > 0 { parts.append(tr("{1} rejected", report.rejected)) }
        parts.append(tr("received {1} change(s)", report.pulled))
        parts.append(tr("{1} request(s), {2} B out, {3} B in", report.requests, report.bytesOut, report.bytesIn))
        if report.stillQueued > 0 { parts.append(tr("{1} still queued", report.stillQueued)) }
        if report.epochChanged { parts.append(tr("the server was restored: everything fetched again")) }
        return tr("Sync:") + " " + parts.joined(separator: "; ") + "."
    }

    /// Why the sync stopped, in the user's words; queued posts stay queued whatever it was.
    static func describe(_ failure: SyncFailure) -> String {
        switch failure {
        case .offline(let detail): tr("offline: {1}", detail)
        case .notLoggedIn: tr("not logged in: run rrc login --server URL --user NAME")
        case .sessionEnded: tr("the server ended this session: log in again")
        case .server(let status, let code, let message): tr("the server answered {1} {2}: {3}", status, code, message)
        case .unreadable(let detail): tr("the server's answer could not be read: {1}", detail)
        case .local(let detail): tr("the local store failed: {1}", detail)
        }
    }
}
