// How long the reliability suites run: bounded in `make test`, long in `make soak`
// (RRC_SOAK=1), or replaying one seed (RRC_SEED=N).
import Foundation

enum SoakSettings {
    static let environment = ProcessInfo.processInfo.environment
    static var isSoak: Bool { environment["RRC_SOAK"] == "1" }

    /// The seeds to run: RRC_SEED replays one; otherwise a few (or many when soaking).
    static func seeds(bounded: Int, soak: Int) -> [UInt64] {
        if let text = environment["RRC_SEED"], let seed = UInt64(text) { return [seed] }
        let count = isSoak ? soak : bounded
        let base = UInt64(environment["RRC_SEED_BASE"] ?? "") ?? 1
        return (0..<UInt64(count)).map { base + $0 }
    }

    /// One line per suite, as the reliability report wants it.
    static func report(_ suite: String, passed: Int, failed: [UInt64], details: String = "") {
        let line = "\(suite): \(passed) passed, \(failed.count) failed" + (failed.isEmpty ? "" : " (seeds \(failed.map(String.init).joined(separator: ", ")); replay with RRC_SEED=N)")
            + (details.isEmpty ? "" : " — \(details)")
        print("[reliability] " + line)
        let file = environment["RRC_RELIABILITY_REPORT"]
        if let file, let handle = FileHandle(forWritingAtPath: file) ?? (FileManager.default.createFile(atPath: file, contents: nil) ? FileHandle(forWritingAtPath: file) : nil) {
            handle.seekToEndOfFile()
            handle.write(Data((line + "\n").utf8))
            try? handle.close()
        }
    }
}
