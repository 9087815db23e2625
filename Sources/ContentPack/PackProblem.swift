// A problem found in a content pack, located by file and line like a compiler message.

public struct PackProblem: Error, Sendable, Equatable, CustomStringConvertible, Codable {
    public enum Severity: String, Sendable, Codable { case warning, error }

    /// Path of the file as the user gave it (relative to the pack folder).
    public let file: String
    /// 1-based line; 0 when the problem is about the whole file.
    public let line: Int
    public let severity: Severity
    public let message: String

    public init(file: String, line: Int, severity: Severity, message: String) {
        self.file = file
        self.line = line
        self.severity = severity
        self.message = message
    }

    public static func error(_ file: String, _ line: Int, _ message: String) -> PackProblem {
        PackProblem(file: file, line: line, severity: .error, message: message)
    }

    public static func warning(_ file: String, _ line: Int, _ message: String) -> PackProblem {
        PackProblem(file: file, line: line, severity: .warning, message: message)
    }

    /// `file:line: error: message`, the form editors jump to.
    public var description: String {
        line > 0 ? "\(file):\(line): \(severity.rawValue): \(message)" : "\(file): \(severity.rawValue): \(message)"
    }
}
