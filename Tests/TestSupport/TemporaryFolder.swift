// A folder under /tmp that removes itself, for tests that need real files.
import Foundation

public final class TemporaryFolder: @unchecked Sendable {
    public let url: URL
    public var path: String { url.path }

    public init(_ label: String = "rrc-test") {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `text` (or raw `bytes`) at `relativePath`, creating folders on the way.
    @discardableResult
    public func write(_ relativePath: String, _ text: String) -> URL {
        write(relativePath, bytes: Array(text.utf8))
    }

    @discardableResult
    public func write(_ relativePath: String, bytes: [UInt8]) -> URL {
        let file = url.appendingPathComponent(relativePath)
        try! FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(bytes).write(to: file)
        return file
    }
}
