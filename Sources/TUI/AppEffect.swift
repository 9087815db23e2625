// What the app asks of the world outside it (The Elm Architecture's commands): the run
// loop performs these, because only it owns the terminal and the files.

public enum AppEffect: Equatable, Sendable {
    /// Suspend the interface, open `$VISUAL`/`$EDITOR` on the text, hand back the result
    /// with `App.finishExternalEdit`.
    case editExternally(EditorRequest)
    /// Write the settings to the config file.
    case savePreferences(Preferences)
    /// Switch to the named theme now.
    case applyTheme(String)
    /// Save the text to a file the user can take elsewhere; report where with `App.show`.
    case copyOut(text: String, name: String)
    /// Sync as soon as the server answers (the user pressed s, or queued something).
    case syncNow
    /// Log in (the run loop calls the server, then reports with `App.loggedIn` or `show`).
    case login(server: String, user: String, password: String)
    /// Download these attachments (by SHA-256) now; the run loop reports each with
    /// `App.attachmentArrived` or `App.attachmentFailed`.
    case fetchAttachments([String])
    /// Copy attachments kept offline to files named as the library names them.
    case copyAttachments([AttachmentCopy])
}

public struct AttachmentCopy: Equatable, Sendable {
    public var sha256: String
    public var name: String
}

public struct EditorRequest: Equatable, Sendable {
    public var text: String
    /// A file-name stem that says what is being written (`reply-…`).
    public var name: String
}

/// What the user chose in Settings (config/rrc.conf).
public struct Preferences: Equatable, Sendable {
    /// Interface language; nil means "from the environment".
    public var language: String?
    public var theme = "default"
    /// Content languages the user reads, in order of preference (empty: all).
    public var contentLanguages: [String] = []
    /// Megabytes of attachments kept offline.
    public var attachmentBudgetMB = 200
    /// The server this install syncs with (set by `rrc login`).
    public var server: String?
    /// Wheel and clicks (`mouse = yes`); off by default, so the terminal's own selection
    /// (copying text with the mouse) keeps working.
    public var mouse = false

    public init(language: String? = nil, theme: String = "default", contentLanguages: [String] = [],
                attachmentBudgetMB: Int = 200, server: String? = nil) {
        self.language = language; self.theme = theme; self.contentLanguages = contentLanguages
        self.attachmentBudgetMB = attachmentBudgetMB; self.server = server
    }
}
