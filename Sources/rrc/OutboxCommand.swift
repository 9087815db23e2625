// `rrc outbox`: every op the server has not applied, with its state and text.
import ClientStore
import Foundation
import TUI

enum OutboxCommand: RRCCommand {
    static let name = "outbox"
    static var summary: String { tr("posts not yet sent (queued, sending, rejected, conflict)") }
    static var help: String {
        tr("""
        Usage: rrc outbox [--json]

        Lists what is written here and not yet applied by the server, oldest first, with
        the server's reason for anything it rejected. Edit or discard in the interface (o).
        """)
    }

    struct EntryJSON: Encodable {
        var opID: String, state: String, kind: String, thread: String, title: String, body: String, error: String?
    }

    static func run(_ arguments: [String], context: CommandContext) throws -> Int32 {
        let parsed = try ParsedArguments(arguments, command: name, options: [], flags: ["--json"])
        let entries = try context.openStore().outbox()
        if parsed.has("--json") {
            try context.output.printJSON(entries.map {
                EntryJSON(opID: $0.opID, state: $0.state.rawValue, kind: $0.kind.rawValue, thread: $0.threadTitle, title: $0.title,
                          body: $0.body, error: $0.lastError)
            })
            return 0
        }
        if entries.isEmpty { print(tr("The outbox is empty.")) }
        for entry in entries {
            let firstLine = entry.body.split(separator: "\n").first.map(String.init) ?? ""
            print("\(stateName(entry.state).column(9)) \(kindName(entry.kind))  \(entry.threadTitle)  — \(firstLine)")
            if let error = entry.lastError { print("          " + tr("Server said:") + " " + RejectionText.describe(error, tr: tr)) }
        }
        return 0
    }

    static func stateName(_ state: OutboxState) -> String {
        switch state {
        case .queued: tr("queued")
        case .sending: tr("sending")
        case .applied: tr("sent")
        case .conflict: tr("conflict")
        case .rejected: tr("rejected")
        }
    }

    static func kindName(_ kind: OutboxKind) -> String {
        switch kind {
        case .threadCreate: tr("new thread")
        case .postCreate: tr("reply")
        case .postEdit: tr("edit")
        case .postDelete: tr("deletion")
        }
    }
}
