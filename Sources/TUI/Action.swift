// Everything a key can do, by name: keys.conf and the help screen speak these names.

public enum Action: String, CaseIterable, Sendable {
    case moveDown = "move-down", moveUp = "move-up", top, bottom
    case halfPageDown = "half-page-down", halfPageUp = "half-page-up"
    case open, back, search, help
    case language, translations, toggle, presenter, library, guides, forums, home
    case reply, quote, compose, edit, discard, copy, bookmark
    case deletePost = "delete-post"
    case fetchAttachments = "fetch-attachments"
    case nextPost = "next-post", previousPost = "previous-post"
    case nextMatch = "next-match", previousMatch = "previous-match"
    case filterTopic = "filter-topic", filterType = "filter-type", filterCountry = "filter-country"
    case clearFilters = "clear-filters"
    case sortOrder = "sort-order"
    case outbox, bookmarks, settings, sync
    case commandLine = "command-line"
    case quit

    /// One line for the help screen (English msgid; the help screen translates it).
    public var summary: String {
        switch self {
        case .moveDown: "Move down"
        case .moveUp: "Move up"
        case .top: "Go to the top"
        case .bottom: "Go to the bottom"
        case .halfPageDown: "Half a page down"
        case .halfPageUp: "Half a page up"
        case .open: "Open"
        case .back: "Back"
        case .search: "Search everything"
        case .help: "Help"
        case .language: "Change interface language"
        case .translations: "Next translation"
        case .toggle: "Tick or untick"
        case .presenter: "Presenter mode"
        case .library: "Library"
        case .guides: "Guides"
        case .forums: "Forums"
        case .home: "Home"
        case .reply: "Reply"
        case .quote: "Reply quoting the post"
        case .compose: "New thread"
        case .edit: "Edit"
        case .deletePost: "Delete your post"
        case .fetchAttachments: "Download the attachments (y copies them out)"
        case .discard: "Discard"
        case .copy: "Copy out to a file"
        case .bookmark: "Bookmark or unbookmark"
        case .nextPost: "Next post"
        case .previousPost: "Previous post"
        case .nextMatch: "Next match of the last search"
        case .previousMatch: "Previous match of the last search"
        case .filterTopic: "Filter by topic"
        case .filterType: "Filter by type"
        case .filterCountry: "Filter by country"
        case .clearFilters: "Clear filters"
        case .sortOrder: "Sort by title or newest first"
        case .outbox: "Outbox"
        case .bookmarks: "Bookmarks"
        case .settings: "Settings"
        case .sync: "Sync now"
        case .commandLine: "Command line (:q, :lang bg, :theme light, :open ID, :search words)"
        case .quit: "Quit"
        }
    }
}
