// Runs one of the package's programs as a user would, capturing what it prints.
import Foundation

public struct ProgramResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
    public let stdoutBytes: Data
}

public enum ProgramRun {
    /// Runs a system program (by absolute path) rather than one of the package's.
    public static func runSystem(_ path: String, _ arguments: [String]) throws -> ProgramResult {
        try run(URL(fileURLWithPath: path), arguments, environment: [:], input: nil)
    }

    /// Runs `program` with `arguments`, `environment` added to a minimal one, `input` on stdin.
    public static func run(_ program: String, _ arguments: [String], environment: [String: String] = [:],
                           input: Data? = nil) throws -> ProgramResult {
        try run(ProjectPaths.program(program), arguments, environment: environment, input: input)
    }

    static func run(_ executable: URL, _ arguments: [String], environment: [String: String], input: Data?,
                    timeout: Double = 300) throws -> ProgramResult {
        var env = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": NSTemporaryDirectory()]
        env.merge(environment) { $1 }
        // Files, not pipes, and posix_spawn + waitpid, not Foundation's Process. A long-lived
        // process another test spawns at the same moment (a tmux server, an rrcd) inherits
        // the descriptors open then, and holding a pipe's write end it keeps a reader from
        // ever seeing the end; and Process can miss a quick child's exit and wait on a
        // zombie (both seen: a run stuck for good on `rrcd user add`). A file is complete
        // once the program has exited, and waitpid on its own pid cannot miss that.
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("rrc-run-\(UUID().uuidString)")
        let outURL = base.appendingPathExtension("out"), errURL = base.appendingPathExtension("err"), inURL = base.appendingPathExtension("in")
        defer { for url in [outURL, errURL, inURL] { try? FileManager.default.removeItem(at: url) } }
        guard FileManager.default.createFile(atPath: inURL.path, contents: input ?? Data()) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: inURL.path])
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, inURL.path, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, outURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, errURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable.path, &actions, nil, argv, envp)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        // A program that hangs fails its test instead of stopping the whole run.
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { break }
            if result < 0 && errno != EINTR { throw POSIXError(.ECHILD) }
            if Date() >= deadline {
                kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                throw SpawnTimeout(program: executable.path, arguments: arguments)
            }
            usleep(2_000)
        }
        let outData = (try? Data(contentsOf: outURL)) ?? Data(), errData = (try? Data(contentsOf: errURL)) ?? Data()
        // Killed by a signal: report it as the shell does (128 + the signal).
        let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return ProgramResult(status: code, stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self), stdoutBytes: outData)
    }
}
