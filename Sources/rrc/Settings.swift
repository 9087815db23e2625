// The config file (config/rrc.conf): `key = value` lines, `#` comments.
import Foundation
import TUI

enum Settings {
    static func read(from file: URL) -> [String: String] {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [:] }
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let parts = content.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, !parts[0].isEmpty { values[parts[0]] = parts[1] }
        }
        return values
    }

    static func preferences(_ values: [String: String]) -> Preferences {
        var preferences = Preferences()
        preferences.language = values["language"]
        preferences.theme = values["theme"] ?? "default"
        preferences.contentLanguages = (values["content_languages"] ?? "").split(whereSeparator: { $0 == "," || $0 == " " })
            .map(String.init)
        preferences.attachmentBudgetMB = Int(values["attachment_budget_mb"] ?? "") ?? preferences.attachmentBudgetMB
        preferences.server = values["server"]
        preferences.mouse = ["yes", "on", "true", "1"].contains(values["mouse"]?.lowercased() ?? "")
        return preferences
    }

    /// Writes the preferences, keeping comments and keys this version does not know.
    static func write(_ preferences: Preferences, to file: URL) throws {
        var values: [String: String] = [
            "theme": preferences.theme,
            "content_languages": preferences.contentLanguages.joined(separator: ","),
            "attachment_budget_mb": String(preferences.attachmentBudgetMB),
        ]
        if let language = preferences.language { values["language"] = language }
        if let server = preferences.server { values["server"] = server }
        let old = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        var lines: [String] = []
        for line in old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let key = line.split(separator: "=", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if !line.hasPrefix("#"), let value = values.removeValue(forKey: key) {
                lines.append("\(key) = \(value)")
            } else {
                lines.append(line)
            }
        }
        while lines.last == "" { lines.removeLast() }
        for key in values.keys.sorted() { lines.append("\(key) = \(values[key]!)") }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file, options: .atomic)
    }
}
