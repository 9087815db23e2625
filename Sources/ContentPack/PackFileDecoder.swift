// Turns one parsed pack file into a record, checking every key the format defines.
import Model

/// Decodes the fields of one file. Errors name the key's line; unknown keys are warnings.
struct PackFileDecoder {
    let file: String
    let document: FrontMatterDocument
    var warnings: [PackProblem] = []

    static let commonKeys: Set<String> = ["id", "kind", "language", "title"]
    static let keysByKind: [ContentKind: Set<String>] = [
        .resource: ["type", "topics", "countries", "year", "author", "translation_of", "summary", "licence", "license", "attachments"],
        .guide: ["summary", "topics", "translation_of", "author", "year"],
        .forum: ["description"],
        .thread: ["forum", "author", "created", "locked"],
        .post: ["thread", "author", "created", "reply_to", "hidden"],
        .person: ["role", "country"],
    ]

    init(file: String, document: FrontMatterDocument) {
        self.file = file
        self.document = document
        warnings = document.warnings.map { PackProblem.warning(file, $0.line, $0.message) }
    }

    mutating func decode(attachments resolve: (String, Int) -> (Attachment?, PackProblem?)) throws(PackProblem) -> PackItem {
        let kindText = try requiredText("kind")
        guard let kind = ContentKind(rawValue: kindText.lowercased()) else {
            throw error("kind", "unknown kind '\(kindText)' (expected one of: \(ContentKind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let allowed = Self.commonKeys.union(Self.keysByKind[kind] ?? [])
        for key in document.keys where !allowed.contains(key) {
            warnings.append(.warning(file, line(key), "unknown key '\(key)' for a \(kind.rawValue); ignored"))
        }
        let id = try identifier()
        let language = try languageValue()
        let record: PackItem.Record
        switch kind {
        case .person:
            let roleText = try requiredText("role")
            guard let role = Role(rawValue: roleText.lowercased()) else {
                throw error("role", "unknown role '\(roleText)' (expected one of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            let country = try requiredText("country").uppercased()
            checkCountries([country], key: "country")
            record = .person(Person(id: id, name: try requiredText("title"), role: role, country: country,
                                    language: language, bio: document.body))
        case .forum:
            record = .forum(Forum(id: id, language: language, title: try requiredText("title"),
                                  description: optionalText("description") ?? document.body))
        case .thread:
            record = .thread(ForumThread(id: id, forumID: try reference("forum"), language: language,
                                         title: try requiredText("title"), authorID: try requiredText("author"),
                                         body: document.body, created: try timestamp("created"),
                                         locked: try flag("locked")))
        case .post:
            guard !document.body.isEmpty else {
                throw PackProblem.error(file, document.bodyLine, "a post needs text after the front matter")
            }
            record = .post(Post(id: id, threadID: try reference("thread"), replyTo: optionalText("reply_to"),
                                language: language, authorID: try requiredText("author"), body: document.body,
                                created: try timestamp("created"), hidden: try flag("hidden")))
        case .resource:
            let typeText = try requiredText("type")
            let type = ResourceType(label: typeText)?.rawValue ?? Slug.make(typeText)
            if ResourceType(label: typeText) == nil {
                warnings.append(.warning(file, line("type"), "type '\(typeText)' is not one of the library's types; kept as '\(type)'"))
            }
            let topics = try topicList(required: true)
            let countries = try requiredList("countries").map { $0.uppercased() }
            checkCountries(countries, key: "countries")
            var attachments: [Attachment] = []
            for name in optionalList("attachments") {
                let (attachment, problem) = resolve(name, line("attachments"))
                if let problem { warnings.append(problem) }
                if let attachment { attachments.append(attachment) }
            }
            record = .resource(Resource(
                id: id, translationGroup: optionalText("translation_of") ?? id, language: language,
                title: try requiredText("title"), summary: optionalText("summary") ?? "", body: document.body,
                type: type, topics: topics, countries: countries, year: try year(required: true),
                author: try requiredText("author"), licence: optionalText("licence") ?? optionalText("license"),
                attachments: attachments))
        case .guide:
            let title = try requiredText("title")
            record = .guide(Guide(
                id: id, translationGroup: optionalText("translation_of") ?? id, language: language, title: title,
                summary: optionalText("summary") ?? "", body: document.body, topics: try topicList(required: false),
                sections: []))
        }
        var lines: [String: Int] = [:]
        for (key, field) in document.fields { lines[key] = field.line }
        return PackItem(record: record, file: file, keyLines: lines)
    }

    // MARK: Field readers

    func line(_ key: String) -> Int { document.fields[key]?.line ?? 1 }

    func error(_ key: String, _ message: String) -> PackProblem { .error(file, line(key), message) }

    func requiredText(_ key: String) throws(PackProblem) -> String {
        guard let field = document.fields[key] else { throw PackProblem.error(file, 1, "missing required key '\(key)'") }
        guard case .text(let text) = field.value else { throw error(key, "'\(key)' must be a single value, not a list") }
        guard !text.isEmpty else { throw error(key, "'\(key)' is empty") }
        return text
    }

    func optionalText(_ key: String) -> String? {
        guard case .text(let text)? = document.fields[key]?.value, !text.isEmpty else { return nil }
        return text
    }

    func requiredList(_ key: String) throws(PackProblem) -> [String] {
        guard let field = document.fields[key] else { throw PackProblem.error(file, 1, "missing required key '\(key)'") }
        switch field.value {
        case .list(let items): return items
        case .text(let text): return [text]  // a single value is a list of one
        }
    }

    func optionalList(_ key: String) -> [String] {
        switch document.fields[key]?.value {
        case .list(let items)?: return items
        case .text(let text)?: return text.isEmpty ? [] : [text]
        case nil: return []
        }
    }

    func identifier() throws(PackProblem) -> String {
        let id = try requiredText("id")
        guard id.count <= 128, id.unicodeScalars.allSatisfy({ $0.properties.isWhitespace == false && $0.value >= 0x20 && $0.value != 0x7F }) else {
            throw error("id", "id '\(id.prefix(40))' must be at most 128 characters without spaces or control characters")
        }
        return id
    }

    func reference(_ key: String) throws(PackProblem) -> String {
        let value = try requiredText(key)
        guard !value.contains(where: { $0.isWhitespace }) else { throw error(key, "'\(key)' must be an id, without spaces") }
        return value
    }

    func languageValue() throws(PackProblem) -> Language {
        let text = try requiredText("language")
        guard let language = Language(code: text) else {
            throw error("language", "'\(text)' is not a language code (use en, ro, bg, sq or sh)")
        }
        return language
    }

    mutating func topicList(required: Bool) throws(PackProblem) -> [String] {
        let raw = required ? try requiredList("topics") : optionalList("topics")
        let topics = raw.map(Slug.make).filter { !$0.isEmpty }
        for topic in topics where !Topic.known.contains(topic) {
            warnings.append(.warning(file, line("topics"), "topic '\(topic)' is not one of the library's topics; kept"))
        }
        return topics
    }

    mutating func checkCountries(_ codes: [String], key: String) {
        for code in codes where !Country.known.contains(code) {
            warnings.append(.warning(file, line(key), "country '\(code)' is not one of the network's countries; kept"))
        }
    }

    func year(required: Bool) throws(PackProblem) -> Int? {
        guard let text = required ? try requiredText("year") : optionalText("year") else { return nil }
        guard let year = Int(text), (1900...2200).contains(year) else {
            throw error("year", "year '\(text)' must be a four-digit year")
        }
        return year
    }

    func flag(_ key: String) throws(PackProblem) -> Bool {
        guard let text = optionalText(key) else { return false }
        switch text.lowercased() {
        case "true", "yes", "1": return true
        case "false", "no", "0": return false
        default: throw error(key, "'\(key)' must be true or false, not '\(text)'")
        }
    }

    func timestamp(_ key: String) throws(PackProblem) -> String {
        let text = try requiredText(key)
        guard let value = Timestamp.normalise(text) else {
            throw error(key, "'\(text)' is not a date; write 2025-03-14 or 2025-03-14T09:30:00Z")
        }
        return value
    }
}
