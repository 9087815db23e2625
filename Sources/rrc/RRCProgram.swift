// Dispatches `rrc COMMAND …` to its command and turns errors into one line and an exit status.
import ClientStore
import Foundation
import Storage

enum RRCProgram {
    static let version = "0.1.0"

    static let commands: [any RRCCommand.Type] = [
        ImportCommand.self, ListCommand.self, ShowCommand.self, SearchCommand.self,
        LoginCommand.self, LogoutCommand.self, SyncCommand.self, StatusCommand.self, OutboxCommand.self,
        PostCommand.self, ReplyCommand.self,
    ]

    static func run(_ arguments: [String], environment: [String: String]) -> Int32 {
        var words = arguments
        do {
            // Options every command takes, wherever they appear.
            let homeOption = try extractOption("--home", from: &words)
            let languageOption = try extractOption("--lang", from: &words, keepingFor: ["list", "search"])
            let home = RRCHome(option: homeOption, environment: environment)
            tr = CommandLanguage.localizer(option: languageOption, home: home, environment: environment)
            let context = CommandContext(home: home, output: Output(json: false))
            guard let name = words.first else {
                // A person at a terminal gets the interface; a script gets the summary.
                if isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 {
                    return try InteractiveSession.run(context: context, language: languageOption, environment: environment)
                }
                return try HomeSummary.run(context)
            }
            if name == "--help" || name == "-h" || name == "help" {
                if words.count > 1, let command = commands.first(where: { $0.name == words[1] }) {
                    print(command.help)
                } else {
                    print(help)
                }
                return 0
            }
            if name == "--version" { print("rrc \(version)"); return 0 }
            guard let command = commands.first(where: { $0.name == name }) else {
                throw UsageError(name.hasPrefix("-") ? tr("unknown option '{1}'", name) : tr("unknown command '{1}'", name))
            }
            let rest = Array(words.dropFirst())
            if rest.contains("--help") || rest.contains("-h") {
                print(command.help)
                return 0
            }
            return try command.run(rest, context: context)
        } catch let error as UsageError {
            printError(error.description)
            return 2
        } catch let error as CommandFailure {
            printError(error.description)
            return 1
        } catch let error as DatabaseError {
            printError(tr("the local store failed: {1}", error.message))
            return 1
        } catch {
            printError("\(error)")
            return 1
        }
    }

    /// Removes `--name VALUE` / `--name=VALUE` from `words`, returning the value; left in
    /// place when the command (first word) is one of `keepingFor`, which reads it itself.
    static func extractOption(_ name: String, from words: inout [String], keepingFor commands: Set<String> = []) throws(UsageError) -> String? {
        if let command = words.first, commands.contains(command) { return nil }
        var value: String?
        var index = 0
        while index < words.count {
            let word = words[index]
            if word == "--" { break }
            if word == name {
                guard index + 1 < words.count else { throw UsageError(tr("'{1}' needs a value", name)) }
                value = words[index + 1]
                words.removeSubrange(index...index + 1)
            } else if word.hasPrefix(name + "=") {
                value = String(word.dropFirst(name.count + 1))
                words.remove(at: index)
            } else {
                index += 1
            }
        }
        if let value, value.isEmpty { throw UsageError(tr("'{1}' needs a value", name)) }
        return value
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data(("rrc: " + tr("error:") + " \(message)\n").utf8))
    }

    static var help: String {
        let table = commands.map { "  " + $0.name.padding(toLength: 10, withPad: " ", startingAt: 0) + $0.summary }.joined(separator: "\n")
        return tr("rrc {1} — the resource centre's library, guides and forums, offline.", version) + "\n\n"
            + tr("Usage: rrc [--home DIR] COMMAND [OPTIONS]") + "\n\n" + tr("Commands:") + "\n" + table + "\n\n"
            + tr("""
                With no command, rrc opens the terminal interface (press ? for its keys); when
                not attached to a terminal it prints what the local store holds.

                Options for every command:
                  --home DIR   keep config, data and cache under DIR (also: RRC_HOME=DIR)
                  --lang L     interface language: en, ro, bg, sq or sh
                  --json       print data as JSON (list, show, search, import)
                  --help       show help for rrc or for a command
                  --version    print the version

                Files: config in $XDG_CONFIG_HOME/rrc, data in $XDG_DATA_HOME/rrc, attachments in
                $XDG_CACHE_HOME/rrc (all mode 0700/0600).
                """)
    }
}

/// What every command gets: where the files are and how to print.
struct CommandContext {
    let home: RRCHome
    var output: Output

    /// Opens the local store, creating its folder and file on first use.
    func openStore() throws -> ClientStore {
        try home.ensure(home.data)
        do {
            return try ClientStore(path: home.databaseURL.path)
        } catch let error as DatabaseError {
            throw CommandFailure(tr("cannot open the local store {1}: {2}", home.databaseURL.path, error.message))
        }
    }
}

protocol RRCCommand: Sendable {
    static var name: String { get }
    static var summary: String { get }
    static var help: String { get }
    static func run(_ arguments: [String], context: CommandContext) throws -> Int32
}
