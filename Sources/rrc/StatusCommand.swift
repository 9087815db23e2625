// `rrc status`: account, last sync, what waits in the outbox.
import ClientStore
import Foundation

enum StatusCommand: RRCCommand {
    static let name = "status"
    static var summary: String { tr("account, last sync and the outbox at a glance") }
    static var help: String {
        tr("""
        Usage: rrc status [--json]

        Shows the server and user logged in (never the token), when the last sync
        finished, and how many posts are queued, rejected or in conflict.
        """)
    }

    struct StatusJSON: Encodable {
        var server: String?
        var user: String?
        var lastSync: String?
        var queued: Int
        var rejected: Int
        var conflicts: Int
        var drafts: Int
    }

    static func run(_ arguments: [String], context: CommandContext) throws -> Int32 {
        let parsed = try ParsedArguments(arguments, command: name, options: [], flags: ["--json"])
        let account = Account.load(context.home)
        let store = try context.openStore()
        let outbox = try store.outbox()
        let status = StatusJSON(server: account?.server, user: account?.username, lastSync: try store.lastSyncTime(),
                                queued: outbox.filter { $0.state == .queued || $0.state == .sending }.count,
                                rejected: outbox.filter { $0.state == .rejected }.count,
                                conflicts: try store.openConflictCount(), drafts: try store.drafts().count)
        if parsed.has("--json") {
            try context.output.printJSON(status)
            return 0
        }
        print(account.map { tr("Logged in to {1} as {2}.", $0.server, $0.username) } ?? tr("Not logged in (rrc login --server URL --user NAME)."))
        print(tr("Last sync:") + " " + (status.lastSync ?? tr("never")) + ".")
        print(tr("Outbox: {1} queued, {2} rejected; {3} conflict(s) to look at; {4} draft(s).",
                 status.queued, status.rejected, status.conflicts, status.drafts))
        return 0
    }
}
