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

        // Bytes, not Characters: every catalogue is read at each start, and grapheme-aware
        // splitting and trimming made that half of the time to the first screen.
        let bytes = Array(poText.utf8)
        var lineNumber = 0
        var lineStart = 0
        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            defer { lineStart = lineEnd + 1 }
            lineNumber += 1
            var first = lineStart, last = lineEnd
            while first < last, Self.isBlank(bytes[first]) { first += 1 }
            while last > first, Self.isBlank(bytes[last - 1]) { last -= 1 }
            let line = bytes[first..<last]
            if line.isEmpty || line.first == UInt8(ascii: "#") { continue }
            if line.first == UInt8(ascii: "\"") {
                let text = try Self.unquote(line, file: file, line: lineNumber)
                switch current {
                case ("msgid", _)?: msgid = (msgid ?? "") + text
                case ("msgstr", let index)?: forms[index, default: ""] += text
                default: break  // continuation of msgid_plural or msgctxt
                }
                continue
            }
            guard let space = line.firstIndex(of: UInt8(ascii: " ")) else {
                throw CatalogueError(file: file, line: lineNumber, message: "expected a keyword and a string")
            }
            let keyword = String(decoding: line[..<space], as: UTF8.self)
            var quoted = space + 1
            while quoted < line.endIndex, Self.isBlank(line[quoted]) { quoted += 1 }
            let text = try Self.unquote(line[quoted...], file: file, line: lineNumber)
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
                    throw CatalogueError(file: file, line: lineNumber, message: "unknown keyword \(keyword)")
                }
            }
        }
        flush()
        self.messages = messages
        let pluralLine = header.split(separator: "\n").first { $0.lowercased().hasPrefix("plural-forms:") }
        self.pluralRule = try pluralLine.map { try PluralRule(header: String($0)) } ?? PluralRule.germanic
    }

    static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    /// A C-quoted string's text: `\n`, `\t`, `\"` and `\\` unescaped, any other escaped
    /// character kept without its backslash.
    static func unquote(_ text: ArraySlice<UInt8>, file: String, line: Int) throws -> String {
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        guard text.count >= 2, text.first == quote, text.last == quote else {
            throw CatalogueError(file: file, line: line, message: "expected a quoted string")
        }
        var result: [UInt8] = []
        result.reserveCapacity(text.count)
        var escaping = false
        for byte in text.dropFirst().dropLast() {
            if escaping {
                switch byte {
                case UInt8(ascii: "n"): result.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "t"): result.append(UInt8(ascii: "\t"))
                default: result.append(byte)  // \" and \\ included
                }
                escaping = false
            } else if byte == backslash {
                escaping = true
            } else {
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}

public struct CatalogueError: Error, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let message: String
    public var description: String { "\(file):\(line): \(message)" }
}
