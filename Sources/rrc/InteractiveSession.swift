// The terminal interface's run loop: store → app state → buffer → terminal, keys → actions.
import ClientStore
import Foundation
import Localization
import Screen
import Terminal
import TextLayout
import TUI

enum InteractiveSession {
    static func run(context: CommandContext, language: String?, environment: [String: String]) throws -> Int32 {
        TerminalLocale.prepare()
        // The first screen comes from SQLite before anything else happens.
        let store = try context.openStore()
        var keymap = Keymap.defaults
        var warnings: [String] = []
        let keysFile = context.home.config.appendingPathComponent("keys.conf")
        if let text = try? String(contentsOf: keysFile, encoding: .utf8) {
            warnings += keymap.apply(config: text, file: keysFile.path)
        }
        let (catalogues, catalogueProblems) = InterfaceLanguage.loadCatalogues(
            from: InstalledFiles.folder("locales", marker: "en.po", variable: "RRC_LOCALES", environment: environment))
        warnings += catalogueProblems
        let settings = Settings.read(from: context.home.config.appendingPathComponent("rrc.conf"))
        let chosen = InterfaceLanguage.choose(option: language, configured: settings["language"], environment: environment)
        let localizer = Localizer(language: chosen, catalogue: catalogues[chosen])
        let app = try App(store: store, localizer: localizer, keymap: keymap, catalogues: catalogues)
        let (palette, themeProblem) = palette(named: settings["theme"] ?? "default", environment: environment)
        if let themeProblem {
            app.show(localizer("Theme problem, using the default theme:") + " " + themeProblem)
            warnings.append(themeProblem)
        }
        let terminal = Terminal(palette: palette)
        defer { terminal.shutdown() }
        app.resize(width: terminal.width, height: terminal.height)
        while !app.isFinished {
            terminal.draw(app.render(width: terminal.width, height: terminal.height))
            guard let event = terminal.nextEvent(timeoutMilliseconds: -1) else { continue }
            app.handle(event)
        }
        terminal.shutdown()
        for warning in warnings { FileHandle.standardError.write(Data("rrc: warning: \(warning)\n".utf8)) }
        return 0
    }

    /// The theme file's palette, or the built-in default with the reason it was not used.
    static func palette(named name: String, environment: [String: String]) -> (Palette, String?) {
        let noColour = environment["NO_COLOR"] != nil
        let fallback = Theme.defaultPalette(noColour: noColour)
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            return (fallback, "'\(name)' is not a theme name")
        }
        guard let folder = InstalledFiles.folder("themes", marker: "default.theme", variable: "RRC_THEMES", environment: environment) else {
            return (fallback, name == "default" ? nil : "no themes folder found")
        }
        let file = folder.appendingPathComponent("\(name).theme")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            return (fallback, "no theme '\(name)' in \(folder.path)")
        }
        do {
            return (try ThemeFile.parse(text, file: file.lastPathComponent, noColour: noColour), nil)
        } catch {
            return (fallback, "\(error)")
        }
    }
}
