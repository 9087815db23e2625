// One run of a program the benchmark measures from outside (the real `rrc`): its output,
// exit status, wall time and peak resident memory, which only the parent sees whole
// (`wait4` reports the child's maximum RSS after it ends).
import Foundation
import LoopbackHTTP

struct ChildRun {
    var status: Int32
    var output: String
    var seconds: Double
    var peakMemoryMiB: Double

    /// Runs `program arguments` with `input` on stdin; stdout is kept, stderr discarded.
    /// Input and output go through files, so neither side can block on a full pipe.
    static func run(_ program: String, _ arguments: [String], input: String = "", in work: URL) throws -> ChildRun {
        let inputFile = work.appendingPathComponent("child-input-\(UUID().uuidString)")
        let outputFile = work.appendingPathComponent("child-output-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: inputFile)
            try? FileManager.default.removeItem(at: outputFile)
        }
        try input.write(to: inputFile, atomically: false, encoding: .utf8)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, inputFile.path, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, outputFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let started = DispatchTime.now().uptimeNanoseconds
        guard posix_spawn(&pid, program, &actions, nil, argv, environ) == 0 else {
            throw HTTPWireError(message: "cannot start \(program)")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let output = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
        return ChildRun(status: exitStatus, output: output, seconds: seconds, peakMemoryMiB: Double(usage.ru_maxrss) / 1024)
    }
}
