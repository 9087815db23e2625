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
