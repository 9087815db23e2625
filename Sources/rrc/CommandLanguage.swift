// The command line's words in the user's language: one catalogue, chosen at start the way
// the interface chooses (--lang, the config file, then LANGUAGE/LC_ALL/LC_MESSAGES/LANG),
// so `rrc --lang bg status` and a Bulgarian locale both answer in Bulgarian.
import Foundation
import Localization

/// The words of this run. Set once by `RRCProgram.run` before any command runs; every
/// message a command prints goes through it (msgids are the English text, as in the TUI).
nonisolated(unsafe) var tr = Localizer.english

enum CommandLanguage {
    /// Loads only the catalogue of the language chosen: a command should not parse five.
    static func localizer(option: String?, home: RRCHome, environment: [String: String]) -> Localizer {
        let configured = Settings.read(from: home.config.appendingPathComponent("rrc.conf"))["language"]
        let code = InterfaceLanguage.choose(option: option, configured: configured, environment: environment)
        guard code != "en",
              let folder = InstalledFiles.folder("locales", marker: "en.po", variable: "RRC_LOCALES", environment: environment),
              let text = try? String(contentsOf: folder.appendingPathComponent("\(code).po"), encoding: .utf8),
              let catalogue = try? MessageCatalogue(poText: text)
        else { return .english }
        return Localizer(language: code, catalogue: catalogue)
    }
}

extension Localizer {
    /// `message` translated, then `{1}`, `{2}`, … replaced by `arguments` in order; the
    /// placeholders let a translation put the values where its grammar wants them.
    func callAsFunction(_ message: String, _ arguments: any CustomStringConvertible...) -> String {
        Self.fill(self(message), arguments)
    }

    /// A count in the right plural form (`%d`), then `{1}`, `{2}`, … as above.
    func plural(_ singular: String, _ pluralForm: String, _ count: Int, _ arguments: any CustomStringConvertible...) -> String {
        Self.fill(plural(singular, pluralForm, count), arguments)
    }

    private static func fill(_ text: String, _ arguments: [any CustomStringConvertible]) -> String {
        var result = text
        for (index, argument) in arguments.enumerated() {
            result = result.replacingOccurrences(of: "{\(index + 1)}", with: argument.description)
        }
        return result
    }
}
