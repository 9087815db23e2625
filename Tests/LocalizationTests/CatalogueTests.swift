// The interface catalogues: parsed by our reader, valid for gettext, complete, plural-correct.
import Foundation
import Localization
import TestSupport
import Testing

struct CatalogueTests {
    static let folder = ProjectPaths.root.appendingPathComponent("locales")

    static func catalogue(_ code: String) throws -> MessageCatalogue {
        try MessageCatalogue(poText: String(contentsOf: folder.appendingPathComponent("\(code).po"), encoding: .utf8))
    }

    @Test(arguments: InterfaceLanguage.available)
    func msgfmtAcceptsEveryFile(code: String) throws {
        let result = try ProgramRun.runSystem("/usr/bin/msgfmt", ["--check", "-o", "/dev/null", Self.folder.appendingPathComponent("\(code).po").path])
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// Every message the interface asks for has a translation in every language.
    @Test(arguments: InterfaceLanguage.available)
    func everyMessageInTheCodeIsTranslated(code: String) throws {
        let catalogue = try Self.catalogue(code)
        let missing = try Self.messagesUsedInCode().filter { catalogue.messages[$0]?.first?.isEmpty ?? true }
        #expect(missing.isEmpty, "\(code) lacks: \(missing)")
    }

    /// msgids from `tr("…")`, `tr.plural("…"`, action summaries and role names in Sources/TUI,
    /// and everything the command line says in Sources/rrc: `tr("…", values…)` too, and
    /// multi-line help texts `tr("""…""")` (indentation stripped as Swift strips it).
    static func messagesUsedInCode() throws -> Set<String> {
        let interface = [#"tr\("([^"]+)"\)"#, #"tr\.plural\("([^"]+)""#, #"^\s+case \.\w+: "([^"]+)"$"#]
        let commandLine = [#"tr\("([^"]+)"[,)]"#, #"tr\.plural\("([^"]+)""#]
        var files: [(URL, [String])] = []
        for (folder, patterns) in [("Sources/TUI", interface), ("Sources/rrc", commandLine)] {
            let sources = ProjectPaths.root.appendingPathComponent(folder)
            files += try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { $0.hasSuffix(".swift") }
                .map { (sources.appendingPathComponent($0), patterns) }
        }
        var messages = Set<String>()
        for (file, patterns) in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for pattern in patterns {
                let regex = try NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
                for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    if let range = Range(match.range(at: 1), in: text) { messages.insert(String(text[range])) }
                }
            }
            messages.formUnion(try multiLineMessages(in: text))
        }
        return messages.union(["expert", "moderator", "trainer", "admin", "Theme problem, using the default theme:"])
    }

    /// The text of each `tr("""` … `""")` literal, as Swift reads it.
    static func multiLineMessages(in text: String) throws -> [String] {
        let regex = try NSRegularExpression(pattern: #"tr\("""\n(.*?)\n( *)"""\)"#, options: [.dotMatchesLineSeparators])
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            guard let body = Range(match.range(at: 1), in: text), let indent = Range(match.range(at: 2), in: text) else { return nil }
            let width = text[indent].count
            return text[body].split(separator: "\n", omittingEmptySubsequences: false)
                .map { String($0.dropFirst(min(width, $0.prefix { $0 == " " }.count))) }.joined(separator: "\n")
        }
    }

    @Test func romanianAndSerboCroatianHaveThreePluralForms() throws {
        let ro = Localizer(language: "ro", catalogue: try Self.catalogue("ro"))
        #expect(ro.plural("%d post", "%d posts", 1) == "1 mesaj")
        #expect(ro.plural("%d post", "%d posts", 5) == "5 mesaje")
        #expect(ro.plural("%d post", "%d posts", 20) == "20 de mesaje")
        #expect(ro.plural("%d post", "%d posts", 101) == "101 mesaje")
        let sh = Localizer(language: "sh", catalogue: try Self.catalogue("sh"))
        #expect(sh.plural("%d post", "%d posts", 1) == "1 poruka")
        #expect(sh.plural("%d post", "%d posts", 3) == "3 poruke")
        #expect(sh.plural("%d post", "%d posts", 11) == "11 poruka")
        #expect(sh.plural("%d post", "%d posts", 21) == "21 poruka")
        #expect(sh.plural("%d thread", "%d threads", 22) == "22 teme")
        let bg = Localizer(language: "bg", catalogue: try Self.catalogue("bg"))
        #expect(bg("Library") == "Библиотека")
        #expect(bg("a message nobody translated") == "a message nobody translated")
    }

    @Test func readerHandlesEscapesContinuationsAndContexts() throws {
        let catalogue = try MessageCatalogue(poText: #"""
            msgid ""
            msgstr "Plural-Forms: nplurals=2; plural=(n != 1);\n"

            msgctxt "menu"
            msgid "Open"
            msgstr "Deschide"

            msgid "Two\nlines"
            msgstr ""
            "Două\n"
            "rânduri \"citate\""
            """#)
        #expect(catalogue.messages["Open"] == ["Deschide"])
        #expect(catalogue.messages["Two\nlines"] == ["Două\nrânduri \"citate\""])
        #expect(throws: CatalogueError.self) { try MessageCatalogue(poText: "msgid \"x\"\nbogus \"y\"\n") }
    }

    @Test(arguments: [
        ("n != 1", [(0, 1), (1, 0), (2, 1)]),
        ("(n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2)", [(1, 0), (0, 1), (19, 1), (20, 2), (119, 1), (120, 2)]),
        ("n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2", [(1, 0), (11, 2), (21, 0), (4, 1), (14, 2), (25, 2)]),
    ])
    func pluralFormulas(formula: String, expectations: [(Int, Int)]) throws {
        let rule = try PluralRule(header: "Plural-Forms: nplurals=3; plural=\(formula);")
        for (n, index) in expectations { #expect(rule.index(for: n) == index, "n=\(n)") }
    }

    @Test func languageComesFromOptionConfigThenEnvironment() {
        #expect(InterfaceLanguage.choose(option: "bg", configured: "ro", environment: ["LANG": "sq_AL.UTF-8"]) == "bg")
        #expect(InterfaceLanguage.choose(option: nil, configured: "ro", environment: ["LANG": "sq_AL.UTF-8"]) == "ro")
        #expect(InterfaceLanguage.choose(option: nil, configured: nil, environment: ["LANGUAGE": "de:hr", "LANG": "sq_AL.UTF-8"]) == "sh")
        #expect(InterfaceLanguage.choose(option: nil, configured: nil, environment: ["LC_ALL": "sr_RS.UTF-8@latin"]) == "sh")
        #expect(InterfaceLanguage.choose(option: nil, configured: nil, environment: ["LC_MESSAGES": "bs_BA.UTF-8", "LANG": "ro_RO.UTF-8"]) == "sh")
        #expect(InterfaceLanguage.choose(option: nil, configured: nil, environment: ["LANG": "C.UTF-8"]) == "en")
        #expect(InterfaceLanguage.choose(option: "xx", configured: nil, environment: [:]) == "en")
    }
}
