// `rrc login`: an account on a server; the token goes to a 0600 file, never to the screen.
import ClientStore
import Foundation
import HTTPTransport
import SyncProtocol

enum LoginCommand: RRCCommand {
    static let name = "login"
    static var summary: String { tr("log in to a server (to sync)") }
    static var help: String {
        tr("""
        Usage: rrc login --server URL --user NAME [--password-stdin] [--insecure]

        Logs in and keeps the session token in config/account.json (mode 0600). Without
        --password-stdin the password is asked for at the terminal (not shown).
        Posts written here before logging in become this account's.

        Options:
          --server URL       e.g. https://sync.example.org or http://127.0.0.1:8480
          --user NAME        your username on that server
          --password-stdin   read the password from standard input (for scripts)
          --insecure         do not check the server's TLS certificate (test servers only)
        """)
    }

    static func run(_ arguments: [String], context: CommandContext) throws -> Int32 {
        let parsed = try ParsedArguments(arguments, command: name, options: ["--server", "--user"],
                                         flags: ["--password-stdin", "--insecure"])
        guard let server = parsed["--server"], server.hasPrefix("http://") || server.hasPrefix("https://") else {
            throw UsageError(tr("--server needs a URL starting with http:// or https://"), command: name)
        }
        guard let user = parsed["--user"], !user.isEmpty else { throw UsageError(tr("--user NAME is required"), command: name) }
        let password = parsed.has("--password-stdin") ? readLine(strippingNewline: true) : askPassword()
        guard let password, !password.isEmpty else { throw CommandFailure(tr("no password given")) }
        let account = try Account.login(server: server, user: user, password: password, insecure: parsed.has("--insecure"),
                                        home: context.home, store: try context.openStore())
        let base = account.server
        print(tr("Logged in to {1} as {2}. Run rrc sync to sync now.", base, account.username))
        return 0
    }

    /// Reads a password at the terminal with echo off.
    static func askPassword() -> String? {
        guard isatty(STDIN_FILENO) == 1 else { return readLine(strippingNewline: true) }
        FileHandle.standardError.write(Data((tr("Password:") + " ").utf8))
        var original = termios()
        tcgetattr(STDIN_FILENO, &original)
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &original)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return readLine(strippingNewline: true)
    }
}
