// rrcd user add|list|disable|enable|passwd: accounts, managed on the server machine.
import Foundation
import Model
import ServerStore

enum UserCommand {
    static func run(_ arguments: Arguments) throws -> Int32 {
        let words = Array(arguments.words.dropFirst())
        guard let action = words.first else { throw Failure("user needs add, list, disable, enable or passwd") }
        let store = try RRCDProgram.openStore(arguments)
        do {
            switch action {
            case "add":
                try arguments.only("--db", "--role", "--display-name")
                guard words.count == 2 else { throw Failure("user add takes one NAME") }
                guard let role = Role(rawValue: try arguments.require("--role")) else {
                    throw Failure("--role is one of: member, expert, moderator, trainer, admin")
                }
                guard arguments.flags.contains("--password-stdin") else { throw Failure("user add needs --password-stdin") }
                let user = try store.addUser(username: words[1], displayName: arguments.options["--display-name"], role: role,
                                             password: try RRCDProgram.passwordFromStandardInput())
                print("rrcd: added \(user.username) (\(user.role.rawValue))")
            case "list":
                try arguments.only("--db")
                for user in try store.users() {
                    print([user.username, user.role.rawValue, user.disabled ? "disabled" : "active", user.displayName]
                        .joined(separator: "\t"))
                }
            case "disable", "enable":
                try arguments.only("--db")
                guard words.count == 2 else { throw Failure("user \(action) takes one NAME") }
                try store.setDisabled(words[1], action == "disable")
                print("rrcd: \(words[1]) \(action)d" + (action == "disable" ? "; their sessions ended" : ""))
            case "passwd":
                try arguments.only("--db")
                guard words.count == 2 else { throw Failure("user passwd takes one NAME") }
                guard arguments.flags.contains("--password-stdin") else { throw Failure("user passwd needs --password-stdin") }
                try store.setPassword(words[1], try RRCDProgram.passwordFromStandardInput())
                print("rrcd: new password for \(words[1]); their sessions ended")
            default:
                throw Failure("unknown user action '\(action)'")
            }
        } catch let error as StoreError {
            throw Failure(error.description, status: 1)
        }
        return 0
    }
}
