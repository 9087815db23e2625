// Settings: interface language, content languages, theme, attachment budget, server.
// Enter or Space changes the selected row; every change is saved and applied at once.
import ClientStore
import Model
import Screen
import TextLayout

struct SettingsScreen: AppScreen, ListScreen {
    enum Row: Equatable {
        case interfaceLanguage
        case contentLanguage(String)
        case theme
        case attachmentBudget
        case server
    }

    static let rows: [Row] = [.interfaceLanguage] + Language.supported.map { .contentLanguage($0.code) }
        + [.theme, .attachmentBudget, .server]
    static let budgets = [50, 100, 200, 500, 1000, 2000]
    /// Each language by its own name, so a user lost in a foreign interface finds theirs.
    static let languageNames = ["en": "English", "ro": "Română", "bg": "Български", "sq": "Shqip", "sh": "Srpskohrvatski"]

    var list = SelectionList(rows: SettingsScreen.rows)

    init(context: AppContext) {}

    func title(_ context: AppContext) -> String { context.tr("Settings") }

    mutating func handle(_ action: Action, context: AppContext) throws -> Transition {
        if try list.handle(action, viewHeight: context.viewportHeight - 1) { return .stay }
        switch action {
        case .open, .toggle:
            guard let row = list.current else { return .stay }
            // The server comes with an account: changing it means logging in there.
            if case .server = row { return .push(LoginScreen(context: context)) }
            return change(row, context.preferences, themes: context.themes, interface: context.tr.language).map { .effect(.savePreferences($0)) } ?? .stay
        case .back: return .pop
        default: return .stay
        }
    }

    /// The preferences after changing `row` once; nil for a row changed elsewhere.
    func change(_ row: Row, _ old: Preferences, themes: [String], interface: String) -> Preferences? {
        var new = old
        switch row {
        case .interfaceLanguage:
            new.language = Self.next(in: Language.supported.map(\.code), after: interface)
        case .contentLanguage(let code):
            // None chosen means all; at least one stays chosen.
            var chosen = old.contentLanguages.isEmpty ? Language.supported.map(\.code) : old.contentLanguages
            if let index = chosen.firstIndex(of: code) {
                guard chosen.count > 1 else { return old }
                chosen.remove(at: index)
            } else {
                chosen.append(code)
            }
            new.contentLanguages = chosen.count == Language.supported.count ? [] : chosen
        case .theme:
            new.theme = Self.next(in: themes.isEmpty ? ["default"] : themes, after: old.theme)
        case .attachmentBudget:
            new.attachmentBudgetMB = Self.budgets.first { $0 > old.attachmentBudgetMB } ?? Self.budgets[0]
        case .server:
            return nil
        }
        return new
    }

    static func next(in values: [String], after value: String) -> String {
        let index = values.firstIndex(of: value) ?? -1
        return values[(index + 1) % values.count]
    }

    func label(_ row: Row, _ context: AppContext) -> (String, String) {
        let preferences = context.preferences
        switch row {
        case .interfaceLanguage:
            return (context.tr("Interface language"), Self.languageNames[context.tr.language] ?? context.tr.language)
        case .contentLanguage(let code):
            let on = preferences.contentLanguages.isEmpty || preferences.contentLanguages.contains(code)
            return (context.tr("Read content in") + " " + (Self.languageNames[code] ?? code), on ? "[x]" : "[ ]")
        case .theme:
            return (context.tr("Theme"), preferences.theme)
        case .attachmentBudget:
            return (context.tr("Attachments kept offline"), "\(preferences.attachmentBudgetMB) MB")
        case .server:
            return (context.tr("Server"), context.sync.server ?? preferences.server ?? context.tr("none yet"))
        }
    }

    func render(into buffer: inout ScreenBuffer, area: Rect, context: AppContext) {
        buffer.put(" " + context.tr("Enter or Space: change · saved at once"), x: area.x, y: area.y, role: .dim, maxWidth: area.width)
        let labelWidth = min(32, max(10, area.width / 2))
        list.render(into: &buffer, area: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1), empty: "") { row, _ in
            let (name, value) = label(row, context)
            return StyledLine([StyledSpan(TextFit.pad(TextFit.truncate(name, to: labelWidth), to: labelWidth) + "  "),
                               StyledSpan(value, .link)])
        }
    }
}
