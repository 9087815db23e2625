// A person's search box text turned into a safe FTS5 query.
import Foundation

public struct SearchQuery: Sendable, Equatable {
    public var text: String
    /// `resource`, `guide`, `thread` or `post`; nil for all.
    public var kind: String?
    public var language: String?
    public var limit: Int

    public init(_ text: String, kind: String? = nil, language: String? = nil, limit: Int = 50) {
        self.text = text; self.kind = kind; self.language = language; self.limit = limit
    }

    public static let kinds = ["resource", "guide", "thread", "post"]

    /// The words of the query, each quoted so FTS5 operators in user text are plain words;
    /// the last word also matches as a prefix, so results come while a word is half typed.
    /// Nil when there is no word to look for.
    var matchExpression: String? {
        // Canonical composition: "s" + combining comma and "ș" must search alike.
        let composed = text.precomposedStringWithCanonicalMapping
        var words: [String] = []
        var current = ""
        for character in composed {
            if character.isLetter || character.isNumber || character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .nonspacingMark }) {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        guard !words.isEmpty else { return nil }
        let endsInWord = composed.last.map { $0.isLetter || $0.isNumber } ?? false
        return words.enumerated().map { index, word in
            let quoted = "\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            return index == words.count - 1 && endsInWord ? quoted + "*" : quoted
        }.joined(separator: " ")
    }
}

/// Text with the parts that matched the query marked.
public struct MarkedText: Sendable, Equatable {
    public struct Part: Sendable, Equatable {
        public var text: String
        public var isMatch: Bool
    }
    public var parts: [Part]

    /// Splits SQLite's highlight output, whose matches sit between U+0002 and U+0003.
    init(highlighted: String) {
        var parts: [Part] = []
        var current = ""
        var inMatch = false
        for scalar in highlighted.unicodeScalars {
            if scalar == "\u{2}" || scalar == "\u{3}" {
                if !current.isEmpty { parts.append(Part(text: current, isMatch: inMatch)) }
                current = ""
                inMatch = scalar == "\u{2}"
            } else {
                current.unicodeScalars.append(scalar)
            }
        }
        if !current.isEmpty { parts.append(Part(text: current, isMatch: inMatch)) }
        self.parts = parts
    }

    public var plain: String { parts.map(\.text).joined() }

    /// The text with each match wrapped in `open` … `close`.
    public func marked(open: String, close: String) -> String {
        parts.map { $0.isMatch ? open + $0.text + close : $0.text }.joined()
    }

    public var hasMatch: Bool { parts.contains { $0.isMatch } }
}

public struct SearchHit: Sendable, Equatable {
    public var kind: String
    public var id: String
    public var language: String
    /// The record's title; for a post, its thread's.
    public var title: MarkedText
    public var snippet: MarkedText
    /// For posts: the thread to open.
    public var threadId: String?
    /// bm25: lower is better.
    public var score: Double
}
