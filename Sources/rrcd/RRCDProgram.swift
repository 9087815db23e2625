// Dispatch of rrcd's commands; each lives in its own file.
import CMicroHTTPD
import CSodium
import CZlib
import Foundation
import Server
import ServerStore

enum RRCDProgram {
    static let usage = """
        Usage: rrcd COMMAND [options]

        Commands (each takes --db PATH, the server's SQLite file):
          init                         create an empty database
          serve [--listen HOST:PORT]   serve the API (default 127.0.0.1:8480); SIGTERM/SIGINT stop
                [--threads N] [--body-limit BYTES]
          user add NAME --role ROLE [--display-name TEXT] --password-stdin
                                       ROLE: member, expert, moderator, trainer, admin
          user list | disable NAME | enable NAME | passwd NAME --password-stdin
          import PATH                  import a content pack (docs/content-format.md)
          demo [--pack DIR]            the demo content and demo accounts (passwords printed once)
          backup --out FILE            an online copy, with a new epoch for clients to notice
          --version

        The API is described in docs/api.md; deployment in docs/deploy.md.

        """

    static func run(_ raw: [String]) throws -> Int32 {
        let arguments = try Arguments(raw)
        if arguments.flags.contains("--version") {
            Secrets.prepare()
            print("rrcd \(API.version) (libmicrohttpd \(String(cString: MHD_get_version())), libsodium \(String(cString: sodium_version_string())), zlib \(String(cString: zlibVersion())))")
            return 0
        }
        guard let command = arguments.words.first, !arguments.flags.contains("--help") else {
            print(usage, terminator: "")
            return arguments.flags.contains("--help") ? 0 : 2
        }
        Secrets.prepare()
        switch command {
        case "init": return try InitCommand.run(arguments)
        case "serve": return try ServeCommand.run(arguments)
        case "user": return try UserCommand.run(arguments)
        case "import": return try ImportCommand.run(arguments)
        case "demo": return try DemoCommand.run(arguments)
        case "backup": return try BackupCommand.run(arguments)
        default: throw Failure("unknown command '\(command)'; see rrcd --help")
        }
    }

    /// Opens the database named by --db; `create` allows a new file.
    static func openStore(_ arguments: Arguments, create: Bool = false) throws -> ServerStore {
        let path = try arguments.require("--db")
        guard create || FileManager.default.fileExists(atPath: path) else {
            throw Failure("no database at \(path); create one with: rrcd init --db \(path)", status: 1)
        }
        do {
            return try ServerStore(path: path)
        } catch {
            throw Failure("cannot open \(path): \(error)", status: 1)
        }
    }

    /// A password from standard input (one line; never from the command line, where `ps` shows it).
    static func passwordFromStandardInput() throws -> String {
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw Failure("give the password on standard input (--password-stdin)", status: 1)
        }
        return line
    }
}
