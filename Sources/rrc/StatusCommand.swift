// `rrc status`: account, last sync, what waits in the outbox.
import ClientStore
import Foundation

enum StatusCommand: RRCCommand {
    static let name = "status"
    static let summary = "account, last sync and the outbox at a glance"
    static let help = """
        Usage: rrc status [--json]

        Shows the server and user logged in (never the token), when the last sync
        finished, and how many posts are queued, rejected or in conflict.
        """

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
        print(account.map { "Logged in to \($0.server) as \($0.username)." } ?? "Not logged in (rrc login --server URL --user NAME).")
        print("Last sync: \(status.lastSync ?? "never").")
        print("Outbox: \(status.queued) queued, \(status.rejected) rejected; \(status.conflicts) conflict(s) to look at; \(status.drafts) draft(s).")
        return 0
    }
}
