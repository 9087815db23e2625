// `rrc logout [--wipe]`: ends the session; --wipe removes every local file of the account.
import Foundation
import HTTPTransport

enum LogoutCommand: RRCCommand {
    static let name = "logout"
    static var summary: String { tr("log out (--wipe: remove every local file)") }
    static var help: String {
        tr("""
        Usage: rrc logout [--wipe]

        Ends the session on the server (when it can be reached) and forgets the token.
        Posts still waiting in the outbox stay, and go out after the next login.

        Options:
          --wipe   also remove every local file of this account: the store (content,
                   outbox, drafts), settings and downloaded attachments
        """)
    }

    static func run(_ arguments: [String], context: CommandContext) throws -> Int32 {
        let parsed = try ParsedArguments(arguments, command: name, options: [], flags: ["--wipe"])
        if let account = Account.load(context.home) {
            // Best effort: offline, the token is simply forgotten here.
            _ = try? Account.transport(insecure: account.insecure).send(TransportRequest(
                method: "DELETE", url: account.server + "/api/v1/session", headers: ["Authorization": "Bearer \(account.token)"]))
        }
        Account.remove(context.home)
        if parsed.has("--wipe") {
            for folder in [context.home.data, context.home.cache, context.home.config] {
                try? FileManager.default.removeItem(at: folder)
            }
            print(tr("Logged out; removed {1}, {2} and {3}.", context.home.data.path, context.home.cache.path, context.home.config.path))
            return 0
        }
        let waiting = (try? context.openStore().opsToSend(maxBytes: .max).count) ?? 0
        print(tr("Logged out.") + (waiting > 0 ? " " + tr.plural("%d post still waits in the outbox.", "%d posts still wait in the outbox.", waiting) : ""))
        return 0
    }
}
