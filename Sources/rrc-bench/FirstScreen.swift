// Cold start to the first full screen, rrc against newsboat with the same number of items,
// measured in a pseudo-terminal by ../shared/tools/first_screen.py (pyte renders the screen).
import Foundation

enum FirstScreen {
    struct Result {
        var rrcMilliseconds: Double?
        var newsboatMilliseconds: Double?
        var peakMemoryMiB: Double?

        /// How many times faster rrc's first screen is than newsboat's.
        var ratio: Double? {
            guard let rrc = rrcMilliseconds, let newsboat = newsboatMilliseconds, rrc > 0 else { return nil }
            return newsboat / rrc
        }
        var note: String
    }

    /// The project root: the folder above .build.
    static var root: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 where !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
            folder.deleteLastPathComponent()
        }
        return folder
    }

    static func measure(store: String, items: Int, work: URL) -> Result {
        let tool = root.appendingPathComponent("../shared/tools/first_screen.py").standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: tool) else { return Result(note: "first_screen.py not found at \(tool)") }
        let rrc = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("rrc").path
        // A home whose store is the benchmark's.
        let home = work.appendingPathComponent("first-screen-home")
        try? FileManager.default.createDirectory(at: home.appendingPathComponent("data"), withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: home.appendingPathComponent("data/rrc.sqlite"))
        try? FileManager.default.createSymbolicLink(atPath: home.appendingPathComponent("data/rrc.sqlite").path, withDestinationPath: store)
        var result = Result(note: "")
        result.rrcMilliseconds = median(run(["python3", tool, "Library  ", "--runs", "7", "--", rrc, "--home", home.path]))
        // Memory after real use: the library paged through, a search, a long thread read.
        let keys = "1|" + String(repeating: "\\x04", count: 10) + "|/child protection\\r||\\x1b|3|\\r|\\r|"
            + String(repeating: "\\x04", count: 20) + "|"
        let memory = run(["python3", root.appendingPathComponent("Sources/rrc-bench/Tools/peak_memory.py").path, keys, "--", rrc, "--home", home.path])
        if let range = memory.range(of: "peak_kib="), let kib = Double(memory[range.upperBound...].prefix { $0.isNumber }) {
            result.peakMemoryMiB = kib / 1024
        }
        let newsboat = work.appendingPathComponent("newsboat")
        let made = run(["python3", root.appendingPathComponent("Sources/rrc-bench/Tools/newsboat_cache.py").path, String(items), newsboat.path])
        if made.isEmpty {
            result.note = "newsboat not measured (is it installed?)"
        } else {
            result.newsboatMilliseconds = median(run(["python3", tool, "Bench feed", "--runs", "7", "--", "newsboat",
                                                       "-C", newsboat.appendingPathComponent("config").path,
                                                       "-c", newsboat.appendingPathComponent("cache.db").path,
                                                       "-u", newsboat.appendingPathComponent("urls").path]))
        }
        return result
    }

    static func median(_ output: String) -> Double? {
        guard let range = output.range(of: "median=") else { return nil }
        return Double(output[range.upperBound...].prefix { $0.isNumber || $0 == "." })
    }

    /// Runs a command and returns its standard output ("" when it failed).
    static func run(_ command: [String]) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return "" }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : ""
    }
}
