// Which interface language to use, and where the catalogues are.
import Foundation

public enum InterfaceLanguage {
    public static let available = ["en", "ro", "bg", "sq", "sh"]

    /// `--lang`, then the config file's `language`, then LANGUAGE, LC_ALL, LC_MESSAGES,
    /// LANG; `hr`, `bs`, `sr@latin` read as `sh`. English when none names one we have.
    public static func choose(option: String?, configured: String?, environment: [String: String]) -> String {
        if let option, let code = code(option) { return code }
        if let configured, let code = code(configured) { return code }
        // LANGUAGE is a priority list: the first we have wins.
        for entry in (environment["LANGUAGE"] ?? "").split(separator: ":") {
            if let code = code(String(entry)) { return code }
        }
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[variable], !value.isEmpty else { continue }
            return code(value) ?? "en"  // the first one set decides, as in POSIX
        }
        return "en"
    }

    /// `bg_BG.UTF-8` → `bg`, `sr_RS@latin` → `sh`; nil for what we do not translate.
    public static func code(_ value: String) -> String? {
        let lowered = value.lowercased()
        if lowered.hasPrefix("sr") && lowered.contains("@latin") { return "sh" }
        let base = lowered.split(whereSeparator: { "_.@-".contains($0) }).first.map(String.init) ?? ""
        switch base {
        case "hr", "bs", "sh", "hbs", "cnr": return "sh"
        default: return available.contains(base) ? base : nil
        }
    }

    /// Every catalogue in `folder` that parses; problems are returned, never fatal.
    public static func loadCatalogues(from folder: URL?) -> (catalogues: [String: MessageCatalogue], problems: [String]) {
        guard let folder else { return ([:], ["interface translations not found; using English"]) }
        var catalogues: [String: MessageCatalogue] = [:]
        var problems: [String] = []
        for code in available {
            let file = folder.appendingPathComponent("\(code).po")
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            do {
                catalogues[code] = try MessageCatalogue(poText: text, file: file.path)
            } catch {
                problems.append("\(error)")
            }
        }
        return (catalogues, problems)
    }
}
