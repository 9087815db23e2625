// Starts one of the package's programs and SIGKILLs it after a delay (if it is still
// running): the crash suite's way of dying at a random point.
import Foundation

public enum KillAfter {
    /// Runs `program arguments` with `environment` (plus PATH) and kills it after `milliseconds`.
    /// Returns true when it had already finished by then.
    @discardableResult
    public static func run(_ program: String, _ arguments: [String], environment: [String: String], milliseconds: Int) throws -> Bool {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY, 0)
        }
        let path = ProjectPaths.program(program).path
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let assignments: [String] = ["PATH=/usr/bin:/bin", "LANG=C.UTF-8"] + environment.map { "\($0.key)=\($0.value)" }
        let env = assignments.map { strdup($0) } + [nil]
        defer { env.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, env)
        guard spawned == 0 else { throw ServerFailure(message: "cannot start \(program): \(spawned)") }
        let deadline = Date().addingTimeInterval(Double(milliseconds) / 1000)
        var status: Int32 = 0
        while Date() < deadline {
            if waitpid(pid, &status, WNOHANG) == pid { return true }
            usleep(2_000)
        }
        kill(pid, SIGKILL)
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return false
    }
}
