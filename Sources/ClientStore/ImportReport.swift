// What an import did: counts per kind and every problem, located.
import ContentPack
import Model

public struct ImportReport: Sendable, Codable {
    /// Records written (new or updated), by kind.
    public var imported: [String: Int] = [:]
    /// Files that were not imported, and warnings about those that were.
    public var problems: [PackProblem] = []
    public var fileCount = 0

    public var importedTotal: Int { imported.values.reduce(0, +) }
    public var errors: [PackProblem] { problems.filter { $0.severity == .error } }
    public var warnings: [PackProblem] { problems.filter { $0.severity == .warning } }

    mutating func count(_ kind: ContentKind) { imported[kind.rawValue, default: 0] += 1 }
}
