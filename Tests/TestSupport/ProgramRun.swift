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

    static func run(_ executable: URL, _ arguments: [String], environment: [String: String], input: Data?) throws -> ProgramResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": NSTemporaryDirectory()]
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe(), err = Pipe(), inp = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inp
        try process.run()
        // Read both pipes concurrently so a chatty program never blocks on a full pipe.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        if let input { inp.fileHandleForWriting.write(input) }
        try? inp.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProgramResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self), stdoutBytes: outData)
    }
}
