// The `---` block at the top of a pack file: `key: value` lines, lists as `[a, b]`.

/// One value of the front matter, with the line it came from.
public struct FrontMatterField: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        case text(String)
        case list([String])
    }
    public let value: Value
    public let line: Int
}

/// The parsed header and the Markdown body of one pack file.
public struct FrontMatterDocument: Sendable {
    public var fields: [String: FrontMatterField]
    /// Keys in the order written, for stable warnings.
    public var keys: [String]
    public var body: String
    /// Line on which the body starts.
    public var bodyLine: Int
    public var warnings: [(line: Int, message: String)]
}

public enum FrontMatter {
    /// Parses a whole file. Throws `(line, reason)` for text that is not a pack file.
    public static func parse(_ bytes: [UInt8]) throws(FrontMatterError) -> FrontMatterDocument {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }  // a BOM some editors write
        var lineNumber = 0
        var position = start

        /// The next line without its terminator; nil at end of file.
        func nextLine() -> ArraySlice<UInt8>? {
            guard position < bytes.count else { return nil }
            lineNumber += 1
            var end = position
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            var line = bytes[position..<end]
            position = end < bytes.count ? end + 1 : end
            if line.last == 0x0D { line = line.dropLast() }
            return line
        }

        func isFence(_ line: ArraySlice<UInt8>) -> Bool {
            var trimmed = line
            while let last = trimmed.last, last == 0x20 || last == 0x09 { trimmed = trimmed.dropLast() }
            return trimmed.elementsEqual([0x2D, 0x2D, 0x2D])
        }

        guard let first = nextLine(), isFence(first) else {
            throw FrontMatterError(line: 1, reason: "missing front matter: the file must start with a '---' line")
        }
        var fields: [String: FrontMatterField] = [:]
        var keys: [String] = []
        var warnings: [(Int, String)] = []
        var closed = false
        while let raw = nextLine() {
            if isFence(raw) { closed = true; break }
            guard let line = String(validating: raw, as: UTF8.self) else { throw notUTF8(bytes, from: start) }
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw FrontMatterError(line: lineNumber, reason: "expected 'key: value', found '\(trimmed.prefix(60))'")
            }
            let key = line[..<colon].trimmingSpaces().lowercased()
            guard !key.isEmpty, key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else {
                throw FrontMatterError(line: lineNumber, reason: "'\(line[..<colon].trimmingSpaces())' is not a valid key (letters, digits, '_' and '-')")
            }
            let rawValue = line[line.index(after: colon)...].trimmingSpaces()
            let value = try parseValue(rawValue, line: lineNumber)
            if fields[key] != nil {
                warnings.append((lineNumber, "key '\(key)' appears twice; the later value is used"))
            } else {
                keys.append(key)
            }
            fields[key] = FrontMatterField(value: value, line: lineNumber)
        }
        guard closed else {
            throw FrontMatterError(line: lineNumber, reason: "front matter is not closed: add a '---' line after the last key")
        }
        let bodyLine = lineNumber + 1
        guard let body = String(validating: trimmingBlankLines(bytes[position...]), as: UTF8.self) else {
            throw notUTF8(bytes, from: start)
        }
        return FrontMatterDocument(fields: fields, keys: keys, body: body, bodyLine: bodyLine,
                                   warnings: warnings.map { (line: $0.0, message: $0.1) })
    }

    static func notUTF8(_ bytes: [UInt8], from start: Int) -> FrontMatterError {
        FrontMatterError(line: firstInvalidUTF8Line(bytes, from: start) ?? 1,
                         reason: "the file is not valid UTF-8 text (save it as UTF-8)")
    }

    /// The body without blank lines before it or whitespace after it; the bytes between
    /// are kept exactly as written.
    static func trimmingBlankLines(_ body: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var start = body.startIndex
        var index = body.startIndex
        while index < body.endIndex {
            let byte = body[index]
            if byte == 0x0A { start = index + 1 } else if byte != 0x20 && byte != 0x09 && byte != 0x0D { break }
            index += 1
        }
        if index == body.endIndex { return body[body.endIndex...] }
        var end = body.endIndex
        while end > start, [0x0A, 0x0D, 0x20, 0x09].contains(body[end - 1]) { end -= 1 }
        return body[start..<end]
    }

    static func parseValue(_ text: String, line: Int) throws(FrontMatterError) -> FrontMatterField.Value {
        guard text.hasPrefix("[") else { return .text(unquote(text)) }
        guard text.hasSuffix("]") else {
            throw FrontMatterError(line: line, reason: "list is not closed: write lists as [a, b]")
        }
        let inner = text.dropFirst().dropLast()
        var items: [String] = []
        var current = ""
        var quote: Character?
        for character in inner {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "," {
                items.append(current.trimmingSpaces())
                current = ""
            } else {
                current.append(character)
            }
        }
        if quote != nil { throw FrontMatterError(line: line, reason: "a quote in the list is not closed") }
        let last = current.trimmingSpaces()
        if !last.isEmpty || !items.isEmpty { items.append(last) }
        return .list(items.filter { !$0.isEmpty })
    }

    static func unquote(_ text: String) -> String {
        if text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first {
            return String(text.dropFirst().dropLast())
        }
        return text
    }

    /// The line holding the first byte that breaks UTF-8, or nil when all is well.
    static func firstInvalidUTF8Line(_ bytes: [UInt8], from start: Int) -> Int? {
        if String(validating: bytes[start...], as: UTF8.self) != nil { return nil }
        var line = 1
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A { line += 1; index += 1; continue }
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return line
            }
            let end = index + length
            guard end <= bytes.count, String(validating: bytes[index..<end], as: UTF8.self) != nil else { return line }
            index = end
        }
        return line
    }
}

public struct FrontMatterError: Error, Sendable {
    public let line: Int
    public let reason: String
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
