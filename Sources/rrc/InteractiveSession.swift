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
        let executable = URL(fileURLWithPath: CommandLine.arguments[0].hasPrefix("/") ? CommandLine.arguments[0]
                             : FileManager.default.currentDirectoryPath + "/" + CommandLine.arguments[0])
        let (catalogues, catalogueProblems) = InterfaceLanguage.loadCatalogues(
            from: InterfaceLanguage.cataloguesFolder(environment: environment, executable: executable))
        warnings += catalogueProblems
        let settings = Settings.read(from: context.home.config.appendingPathComponent("rrc.conf"))
        let chosen = InterfaceLanguage.choose(option: language, configured: settings["language"], environment: environment)
        let localizer = Localizer(language: chosen, catalogue: catalogues[chosen])
        let app = try App(store: store, localizer: localizer, keymap: keymap, catalogues: catalogues)
        let terminal = Terminal(palette: Theme.defaultPalette(noColour: environment["NO_COLOR"] != nil))
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
}
