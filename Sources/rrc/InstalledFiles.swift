// Where the program's own data folders (locales/, themes/) are.
import Foundation

enum InstalledFiles {
    /// `variable` if set; else the nearest `name/` holding `marker` above the executable (a
    /// build in the source tree) or at `share/rrc/name` under an install prefix.
    static func folder(_ name: String, marker: String, variable: String, environment: [String: String]) -> URL? {
        if let explicit = environment[variable], !explicit.isEmpty { return URL(fileURLWithPath: explicit) }
        let invoked = CommandLine.arguments[0]
        let path = invoked.hasPrefix("/") ? invoked : FileManager.default.currentDirectoryPath + "/" + invoked
        var folder = URL(fileURLWithPath: path).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            for candidate in [folder.appendingPathComponent(name), folder.appendingPathComponent("share/rrc/\(name)")] {
                if FileManager.default.fileExists(atPath: candidate.appendingPathComponent(marker).path) { return candidate }
            }
            folder.deleteLastPathComponent()
        }
        return nil
    }
}
