// Where the package and its built programs are, seen from a running test.
import Foundation

public enum ProjectPaths {
    /// The package root (the folder holding Package.swift).
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// The build folder the test binary runs from; `swift build --build-tests` puts the
    /// executables next to it.
    public static let buildFolder: URL = {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var url = URL(fileURLWithPath: executable)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("rrc").path) { return url }
        }
        return root.appendingPathComponent(".build/debug")
    }()

    public static func program(_ name: String) -> URL { buildFolder.appendingPathComponent(name) }
}
