// The terminal interface's run loop: store → app state → buffer → terminal, keys → actions.
import ClientStore
import Foundation
import Localization
import Model
import Screen
import SyncClient
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
        let settingsFile = context.home.config.appendingPathComponent("rrc.conf")
        let settings = Settings.read(from: settingsFile)
        let chosen = InterfaceLanguage.choose(option: language, configured: settings["language"], environment: environment)
        let localizer = Localizer(language: chosen, catalogue: catalogues[chosen])
        let editor = ExternalEditor.command(environment: environment)
        let app = try App(store: store, localizer: localizer, keymap: keymap, catalogues: catalogues,
                          preferences: Settings.preferences(settings), themes: themeNames(environment: environment),
                          hasExternalEditor: editor != nil, attachmentsFolder: context.home.attachmentsFolder.path)
        let (palette, themeProblem) = palette(named: settings["theme"] ?? "default", environment: environment)
        if let themeProblem {
            app.show(localizer("Theme problem, using the default theme:") + " " + themeProblem)
            warnings.append(themeProblem)
        }
        // Sync runs beside the interface when an account is logged in; the loop reads its news
        // between keys, so a slow link never holds a key press.
        let account = Account.load(context.home)
        var status = SyncStatus(connection: account == nil ? .notLoggedIn : .online, server: account?.server, user: account?.username)
        var worker = account.map { startWorker(for: $0, home: context.home) }
        defer { worker?.stop() }
        app.update(sync: status)
        let terminal = Terminal(palette: palette)
        defer { terminal.shutdown() }
        if app.context.preferences.mouse { terminal.enableMouse() }
        app.resize(width: terminal.width, height: terminal.height)
        while !app.isFinished {
            terminal.draw(app.render(width: terminal.width, height: terminal.height))
            let event = terminal.nextEvent(timeoutMilliseconds: worker == nil ? -1 : 250)
            if let worker {
                tr = app.context.tr  // the sync's news in the language on screen now
                let updates = worker.updates()
                for update in updates {
                    if case .fileFetched(let sha256) = update { app.attachmentArrived(sha256) }
                    if case .fileFailed(let sha256, let failure) = update { app.attachmentFailed(sha256, reason: SyncCommand.describe(failure)) }
                }
                if let changed = apply(updates, to: &status) { app.update(sync: changed) }
            }
            guard let event else { continue }
            app.handle(event)
            for effect in app.takeEffects() {
                if effect == .syncNow { worker?.syncNow(); continue }
                if case .fetchAttachments(let files) = effect {
                    if let worker { worker.fetch(files) } else {
                        for file in files { app.attachmentFailed(file, reason: app.context.tr("not logged in")) }
                    }
                    continue
                }
                if case .login(let server, let user, let password) = effect {
                    tr = app.context.tr
                    do {
                        let account = try Account.login(server: server, user: user, password: password, insecure: false,
                                                        home: context.home, store: store)
                        worker?.stop()
                        worker = startWorker(for: account, home: context.home)
                        status = SyncStatus(connection: .online, server: account.server, user: account.username)
                        app.loggedIn(as: account.username, server: account.server)
                    } catch {
                        app.show(app.context.tr("Could not log in:") + " \(error)")
                    }
                    continue
                }
                perform(effect, app: app, terminal: terminal, home: context.home, settingsFile: settingsFile,
                        editor: editor, environment: environment)
            }
        }
        terminal.shutdown()
        for warning in warnings { FileHandle.standardError.write(Data("rrc: warning: \(warning)\n".utf8)) }
        return 0
    }

    static func startWorker(for account: Account, home: RRCHome) -> SyncWorker {
        let worker = SyncWorker(files: (home.attachmentsFolder, Account.attachmentBudget(home))) {
            SyncEngine(store: try ClientStore(path: home.databaseURL.path), transport: Account.transport(insecure: account.insecure),
                       server: account.server, token: account.token, scope: Account.scope(home))
        }
        worker.start()
        return worker
    }

    /// Folds the worker's news into the status; nil when nothing changed.
    static func apply(_ updates: [SyncWorker.Update], to status: inout SyncStatus) -> SyncStatus? {
        guard !updates.isEmpty else { return nil }
        for update in updates {
            switch update {
            case .offline:
                status.connection = .offline
                status.lastProblem = tr("the server cannot be reached")
            case .syncing:
                status.connection = .syncing
            case .finished(let report):
                status.connection = .online
                status.lastProblem = report.rejected > 0
                    ? tr.plural("%d post rejected: see the Outbox", "%d posts rejected: see the Outbox", report.rejected) : nil
                status.lastOutcome = SyncStatus.Outcome(sent: report.applied + report.duplicates + report.conflicts, rejected: report.rejected,
                                                        conflicts: report.conflicts, received: report.pulled, bytesOut: report.bytesOut,
                                                        bytesIn: report.bytesIn, stillQueued: report.stillQueued, at: UTCTimestamp.string())
            case .failed(let failure):
                if case .offline = failure { status.connection = .offline } else { status.connection = .online }
                status.lastProblem = SyncCommand.describe(failure)
            case .fileFetched, .fileFailed:
                break  // the app hears of these itself
            }
        }
        return status
    }

    /// Does what the app asked for: only this loop touches the terminal and files.
    static func perform(_ effect: AppEffect, app: App, terminal: Terminal, home: RRCHome, settingsFile: URL,
                        editor: String?, environment: [String: String]) {
        // The app may have switched language since the last effect: speak as it does now.
        tr = app.context.tr
        switch effect {
        case .editExternally(let request):
            guard let editor else { return }
            let result = terminal.suspended {
                ExternalEditor.edit(request, command: editor, folder: home.data.appendingPathComponent("editing"))
            }
            app.resize(width: terminal.width, height: terminal.height)
            app.finishExternalEdit(text: result.text, problem: result.problem)
        case .savePreferences(let preferences):
            do {
                try Settings.write(preferences, to: settingsFile)
            } catch {
                app.show(tr("Could not save the settings:") + " \(error.localizedDescription)")
            }
        case .applyTheme(let name):
            let (palette, problem) = palette(named: name, environment: environment)
            terminal.setPalette(palette)
            if let problem { app.show(tr("Theme problem, using the default theme:") + " " + problem) }
        case .syncNow, .login, .fetchAttachments:
            break  // handled by the loop, which owns the worker
        case .copyAttachments(let files):
            let folder = home.data.appendingPathComponent("copies")
            do {
                try home.ensure(folder)
                var copied: [String] = []
                for file in files {
                    // The library's name, made safe for a file name (no folders, no dot-files).
                    let safe = String(file.name.map { $0 == "/" || $0 == "\\" || $0.isNewline ? "-" : $0 }.drop { $0 == "." })
                    let target = folder.appendingPathComponent(safe.isEmpty ? file.sha256 : safe)
                    try? FileManager.default.removeItem(at: target)
                    try FileManager.default.copyItem(at: home.attachmentsFolder.appendingPathComponent(file.sha256), to: target)
                    chmod(target.path, 0o600)
                    copied.append(target.path)
                }
                app.show(tr("Copied to:") + " " + copied.joined(separator: ", "))
            } catch {
                app.show(tr("Could not copy:") + " \(error.localizedDescription)")
            }
        case .copyOut(let text, let name):
            let folder = home.data.appendingPathComponent("copies")
            let file = folder.appendingPathComponent(name + ".md")
            do {
                try home.ensure(folder)
                guard FileManager.default.createFile(atPath: file.path, contents: Data(text.utf8),
                                                     attributes: [.posixPermissions: 0o600]) else {
                    throw CommandFailure(tr("cannot write {1}", file.path))
                }
                app.show(tr("Copied to:") + " " + file.path)
            } catch {
                app.show(tr("Could not copy:") + " \(error)")
            }
        }
    }

    /// Theme names on disk (`default` always).
    static func themeNames(environment: [String: String]) -> [String] {
        guard let folder = InstalledFiles.folder("themes", marker: "default.theme", variable: "RRC_THEMES", environment: environment),
              let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return ["default"] }
        let names = files.filter { $0.hasSuffix(".theme") }.map { String($0.dropLast(6)) }.sorted()
        return ["default"] + names.filter { $0 != "default" }
    }

    /// The theme file's palette, or the built-in default with the reason it was not used.
    static func palette(named name: String, environment: [String: String]) -> (Palette, String?) {
        let noColour = environment["NO_COLOR"] != nil
        let fallback = Theme.defaultPalette(noColour: noColour)
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            return (fallback, tr("'{1}' is not a theme name", name))
        }
        guard let folder = InstalledFiles.folder("themes", marker: "default.theme", variable: "RRC_THEMES", environment: environment) else {
            return (fallback, name == "default" ? nil : tr("no themes folder found"))
        }
        let file = folder.appendingPathComponent("\(name).theme")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            return (fallback, tr("no theme '{1}' in {2}", name, folder.path))
        }
        do {
            return (try ThemeFile.parse(text, file: file.lastPathComponent, noColour: noColour), nil)
        } catch {
            return (fallback, "\(error)")
        }
    }
}
