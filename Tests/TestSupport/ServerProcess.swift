// A real rrcd on a free loopback port with a temporary database, for integration tests.
import Foundation
@_exported import LoopbackHTTP

public final class ServerProcess {
    public let folder = TemporaryFolder("rrcd-test")
    public var database: String { folder.url.appendingPathComponent("server.db").path }
    public var logPath: String { folder.url.appendingPathComponent("access.log").path }
    public private(set) var port: UInt16 = 0
    private var pid: pid_t = 0

    /// Creates the database (and imports `pack` if given); call `start` to serve it.
    public init(pack: URL? = nil) throws {
        try Self.check(try ProgramRun.run("rrcd", ["init", "--db", database]))
        if let pack { try Self.check(try ProgramRun.run("rrcd", ["import", pack.path, "--db", database])) }
    }

    static func check(_ result: ProgramResult) throws {
        guard result.status == 0 else { throw ServerFailure(message: "rrcd failed: \(result.stderr)") }
    }

    public func addUser(_ name: String, role: String = "member", password: String = "correct horse") throws {
        try Self.check(try ProgramRun.run("rrcd", ["user", "add", name, "--role", role, "--password-stdin", "--db", database],
                                          input: Data((password + "\n").utf8)))
    }

    /// Runs `rrcd` with these arguments against this database.
    public func command(_ arguments: [String], input: String? = nil) throws -> ProgramResult {
        try ProgramRun.run("rrcd", arguments + ["--db", database], input: input.map { Data($0.utf8) })
    }

    public func start(extra: [String] = []) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, logPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let program = ProjectPaths.program("rrcd").path
        let arguments = [program, "serve", "--db", database, "--listen", "127.0.0.1:0"] + extra
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let spawned = posix_spawn(&pid, program, &actions, nil, argv, environ)
        guard spawned == 0 else { throw ServerFailure(message: "cannot start rrcd: \(spawned)") }
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: logPath, encoding: .utf8),
               let range = text.range(of: "listening on http://127.0.0.1:") {
                let digits = text[range.upperBound...].prefix { $0.isNumber }
                if let value = UInt16(digits) { port = value; return }
            }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { pid = 0; break }
            usleep(20_000)
        }
        throw ServerFailure(message: "rrcd did not start: \(log)")
    }

    /// What rrcd wrote to stderr (the access log).
    public var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// SIGTERM, then the exit status (nil if it had to be killed).
    @discardableResult
    public func stop(signal stopSignal: Int32 = SIGTERM) -> Int32? {
        guard pid > 0 else { return nil }
        kill(pid, stopSignal)
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            if waitpid(pid, &status, WNOHANG) == pid { pid = 0; return (status >> 8) & 0xFF }
            usleep(10_000)
        }
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
        pid = 0
        return nil
    }

    public func client() -> HTTPClient { HTTPClient(port: port) }

    deinit { stop() }
}

public struct ServerFailure: Error, CustomStringConvertible {
    public let message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
