// One resource: metadata, the Markdown body rendered, attachments (f downloads them, y
// copies the ones kept offline out under their own names), translations (t).
import ClientStore
import Markdown
import Model
import Screen

struct ResourceScreen: AppScreen {
    var detail: ResourceDetail
    var text = ScrollingText()
    var laidOutWidth = 0

    init?(id: String, context: AppContext) throws {
        guard let detail = try context.store.resource(id: id) else { return nil }
        self.detail = detail
    }

    func title(_ context: AppContext) -> String { detail.resource.title }

    func lines(width: Int, context: AppContext) -> [StyledLine] {
        let r = detail.resource
        var lines: [StyledLine] = [StyledLine(r.title, .heading)]
        lines.append(StyledLine([r.type, r.year.map(String.init) ?? "", r.author, r.language.code]
            .filter { !$0.isEmpty }.joined(separator: " · "), .dim))
        if !r.topics.isEmpty { lines.append(StyledLine(context.tr("Topics:") + " " + r.topics.joined(separator: ", "), .dim)) }
        if !r.countries.isEmpty { lines.append(StyledLine(context.tr("Countries:") + " " + r.countries.joined(separator: ", "), .dim)) }
        if !detail.translations.isEmpty {
            lines.append(StyledLine([StyledSpan(context.tr("Also in:") + " ", .dim)]
                + detail.translations.map { StyledSpan($0.language + " ", .link) } + [StyledSpan("(t)", .dim)]))
        }
        lines.append(StyledLine())
        lines += MarkdownRenderer.render(r.body, width: width, referencesTitle: context.tr("Links")).lines
        if !r.attachments.isEmpty {
            lines.append(StyledLine())
            lines.append(StyledLine(context.tr("Attachments"), .heading))
            for attachment in r.attachments {
                let size = attachment.size.map { Self.format(bytes: $0) } ?? context.tr("size unknown")
                let offline = attachment.sha256.map { context.hasFileOffline($0) } ?? false
                let coming = attachment.sha256.map { context.downloading.contains($0) } ?? false
                let state = offline ? context.tr("offline") : coming ? context.tr("downloading…") : context.tr("not downloaded")
                lines.append(StyledLine([StyledSpan("  " + attachment.name + "  "), StyledSpan(size, .dim),
                                         StyledSpan("  " + state, offline ? .checked : .dim)]))
            }
            lines.append(StyledLine(context.tr("f: download · y: copy out the ones kept offline"), .dim))
        }
        if let licence = r.licence {
            lines.append(StyledLine())
            lines.append(StyledLine(context.tr("Licence:") + " " + licence, .dim))
        }
        return lines
    }

    static func format(bytes: Int) -> String {
        bytes < 1024 ? "\(bytes) B" : bytes < 1_048_576 ? "\(bytes / 1024) KB" : "\(bytes / 1_048_576) MB"
    }

    mutating func handle(_ action: Action, context: AppContext) throws -> Transition {
        layOut(context)
        if text.handle(action, viewHeight: context.viewportHeight) { return .stay }
        switch action {
        case .translations:
            // One key away: the next translation, in language order, replaces this page.
            let languages = ([detail.resource.language.code] + detail.translations.map(\.language)).sorted()
            guard languages.count > 1 else { return .stay }
            let index = languages.firstIndex(of: detail.resource.language.code) ?? 0
            let target = languages[(index + 1) % languages.count]
            guard let link = detail.translations.first(where: { $0.language == target }),
                  let next = try context.store.resource(id: link.id) else { return .stay }
            detail = next
            text = ScrollingText()
            laidOutWidth = 0
            layOut(context)
            return .stay
        case .fetchAttachments:
            let missing = detail.resource.attachments.compactMap(\.sha256)
                .filter { !context.hasFileOffline($0) && !context.downloading.contains($0) }
            guard !detail.resource.attachments.isEmpty else { return .message(context.tr("This resource has no attachments.")) }
            guard !missing.isEmpty else { return .message(context.tr("Every attachment is here already.")) }
            guard context.sync.connection != .notLoggedIn else {
                return .message(context.tr("Log in to download attachments (s)."))
            }
            return .effect(.fetchAttachments(missing))
        case .copy:
            let here = detail.resource.attachments.compactMap { attachment in
                attachment.sha256.flatMap { context.hasFileOffline($0) ? AttachmentCopy(sha256: $0, name: attachment.name) : nil }
            }
            guard !here.isEmpty else { return .message(context.tr("No attachment is kept offline yet: f downloads them.")) }
            return .effect(.copyAttachments(here))
        case .bookmark:
            let on = try context.store.toggleBookmark(.resource, id: detail.resource.id)
            return .message(on ? context.tr("Bookmarked.") : context.tr("Bookmark removed."))
        case .back: return .pop
        default: return .stay
        }
    }

    /// Lays the page out for the current width, keeping the reading position.
    mutating func layOut(_ context: AppContext) {
        guard laidOutWidth != context.viewportWidth || text.lines.isEmpty else { return }
        laidOutWidth = context.viewportWidth
        text.replace(with: lines(width: context.viewportWidth - 2, context: context))
    }

    func render(into buffer: inout ScreenBuffer, area: Rect, context: AppContext) {
        text.render(into: &buffer, area: area)
    }

    mutating func refresh(context: AppContext) throws {
        laidOutWidth = 0  // the width or the interface language may have changed
        layOut(context)
    }

    mutating func find(_ query: String, forward: Bool, context: AppContext) -> Bool {
        text.jump(toMatchOf: query, forward: forward, viewHeight: context.viewportHeight)
    }
}
