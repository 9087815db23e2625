// One language's messages, read from a GNU gettext .po file by our own reader.
import Foundation

public struct MessageCatalogue: Sendable {
    /// msgid → translations (one, or one per plural form).
    public var messages: [String: [String]]
    let pluralRule: PluralRule

    public func pluralIndex(_ count: Int) -> Int { pluralRule.index(for: count) }

    /// Parses `.po` text: msgid, msgid_plural, msgstr, msgstr[n], msgctxt (ignored),
    /// multi-line strings and C escapes. The header's Plural-Forms is evaluated.
    public init(poText: String, file: String = "messages.po") throws {
        var messages: [String: [String]] = [:]
        var msgid: String?
        var forms: [Int: String] = [:]
        var current: (field: String, index: Int)?
        var header = ""

        func flush() {
            if let id = msgid {
                let values = forms.keys.sorted().map { forms[$0]! }
                if id.isEmpty { header = values.first ?? "" } else if values.contains(where: { !$0.isEmpty }) {
                    messages[id] = values
                }
            }
            msgid = nil
            forms = [:]
            current = nil
        }

        for (offset, rawLine) in poText.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("\"") {
                let text = try Self.unquote(line, file: file, line: offset + 1)
                switch current {
                case ("msgid", _)?: msgid = (msgid ?? "") + text
                case ("msgstr", let index)?: forms[index, default: ""] += text
                default: break  // continuation of msgid_plural or msgctxt
                }
                continue
            }
            guard let space = line.firstIndex(of: " ") else {
                throw CatalogueError(file: file, line: offset + 1, message: "expected a keyword and a string")
            }
            let keyword = String(line[..<space])
            let text = try Self.unquote(String(line[line.index(after: space)...]), file: file, line: offset + 1)
            switch keyword {
            case "msgctxt":
                flush()
                current = ("msgctxt", 0)
            case "msgid":
                if current?.field != "msgctxt" { flush() }
                msgid = text
                current = ("msgid", 0)
            case "msgid_plural":
                current = ("msgid_plural", 0)
            case "msgstr":
                forms[0] = text
                current = ("msgstr", 0)
            default:
                if keyword.hasPrefix("msgstr["), let index = Int(keyword.dropFirst(7).dropLast()) {
                    forms[index] = text
                    current = ("msgstr", index)
                } else {
                    throw CatalogueError(file: file, line: offset + 1, message: "unknown keyword \(keyword)")
                }
            }
        }
        flush()
        self.messages = messages
        let pluralLine = header.split(separator: "\n").first { $0.lowercased().hasPrefix("plural-forms:") }
        self.pluralRule = try pluralLine.map { try PluralRule(header: String($0)) } ?? PluralRule.germanic
    }

    static func unquote(_ text: String, file: String, line: Int) throws -> String {
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else {
            throw CatalogueError(file: file, line: line, message: "expected a quoted string")
        }
        var result = ""
        var escaping = false
        for character in text.dropFirst().dropLast() {
            if escaping {
                switch character {
                case "n": result += "\n"
                case "t": result += "\t"
                case "\"": result += "\""
                case "\\": result += "\\"
                default: result.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}

public struct CatalogueError: Error, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let message: String
    public var description: String { "\(file):\(line): \(message)" }
}
