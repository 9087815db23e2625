// One run of a program the benchmark measures from outside (the real `rrc`): its output,
// exit status, wall time and peak resident memory. The peak is read from the child's
// /proc VmHWM while it runs, not from wait4's ru_maxrss: posix_spawn starts the child in
// the parent's address space, and Linux carries that high-water mark (the benchmark's
// own 500 MB) into the child's ru_maxrss across exec.
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
        var peakMiB = 0.0
        // VmHWM only grows, so the last reading before the exit is the peak (a rise in the
        // final 20 ms would be missed).
        while true {
            let reading = Measurements.peakMemoryMiB(process: "\(pid)")
            if !reading.isNaN { peakMiB = max(peakMiB, reading) }
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid || (done < 0 && errno != EINTR) { break }
            usleep(20_000)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let output = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
        return ChildRun(status: exitStatus, output: output, seconds: seconds, peakMemoryMiB: peakMiB)
    }
}
