// Runs a helper program with posix_spawn and waitpid. Foundation's Process can miss the
// exit of a short-lived client whose server daemonises (tmux) and wait forever.
import Foundation

enum Spawn {
    /// Runs `path arguments`, returning its exit status and (if asked) what it printed.
    static func run(_ path: String, _ arguments: [String], captureOutput: Bool, timeout: Double = 10) throws -> (status: Int32, output: String) {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var pipeEnds: [Int32] = [-1, -1]
        if captureOutput {
            // Close-on-exec: a process another test spawns meanwhile (a tmux server that lives
            // for the whole run) must not inherit the write end, or this read never ends.
            guard pipe(&pipeEnds) == 0 else { throw POSIXError(.EMFILE) }
            _ = fcntl(pipeEnds[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(pipeEnds[1], F_SETFD, FD_CLOEXEC)
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], STDOUT_FILENO)
            posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
            posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
        } else {
            posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
        if captureOutput { close(pipeEnds[1]) }
        guard spawned == 0 else {
            if captureOutput { close(pipeEnds[0]) }
            throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO)
        }
        // A deadline for everything: a helper that hangs must fail its test, not the run.
        let deadline = Date().addingTimeInterval(timeout)
        var output = Data()
        if captureOutput {
            var chunk = [UInt8](repeating: 0, count: 65536)
            var descriptor = pollfd(fd: pipeEnds[0], events: Int16(POLLIN), revents: 0)
            reading: while Date() < deadline {
                let ready = poll(&descriptor, 1, 100)
                if ready < 0 && errno != EINTR { break }
                if ready > 0 {
                    let count = read(pipeEnds[0], &chunk, chunk.count)
                    if count <= 0 { break reading }
                    output.append(contentsOf: chunk[0..<count])
                }
                // The output is complete once the helper has exited and the pipe is drained.
                var exited: Int32 = 0
                if ready == 0, waitpid(pid, &exited, WNOHANG) == pid {
                    close(pipeEnds[0])
                    return ((exited >> 8) & 0xFF, String(decoding: output, as: UTF8.self))
                }
            }
            close(pipeEnds[0])
        }
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { break }
            if result < 0 && errno != EINTR { break }
            if Date() >= deadline {
                kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                throw SpawnTimeout(program: path, arguments: arguments)
            }
            usleep(10_000)
        }
        return ((status >> 8) & 0xFF, String(decoding: output, as: UTF8.self))
    }
}

struct SpawnTimeout: Error, CustomStringConvertible {
    let program: String
    let arguments: [String]
    var description: String { "\(program) \(arguments.joined(separator: " ")) did not finish in time" }
}
