// Content and interface languages, with the aliases people type for Serbo-Croatian.
import Foundation

/// A language code as stored: lowercase ISO 639-1 (`en`, `ro`, `bg`, `sq`, `sh`, …).
public struct Language: Hashable, Codable, Sendable, CustomStringConvertible, Comparable {
    public let code: String

    /// The five languages of the resource centre, in the order menus show them.
    public static let supported: [Language] = ["en", "ro", "bg", "sq", "sh"].map { Language(uncheckedCode: $0) }
    public static let english = Language(uncheckedCode: "en")

    /// Accepts any plausible code (`xx`, `xxx`, with a region or script suffix) and folds
    /// `hr`, `bs`, `sr@latin`, `sr-Latn`, `hbs` to `sh`. Nil for text that is not a code.
    public init?(code raw: String) {
        // Stored and synced records carry one of the five codes as they are: skip the
        // Foundation string work for them (it showed in a first sync's profile).
        if let known = Language.supported.first(where: { $0.code == raw }) { self = known; return }
        let lowered = raw.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "_", with: "-")
        switch lowered {
        case "hr", "bs", "sr@latin", "sr-latn", "hbs", "sh-latn", "cnr": self.code = "sh"; return
        default: break
        }
        let base = lowered.split(whereSeparator: { $0 == "-" || $0 == "@" || $0 == "." }).first.map(String.init) ?? ""
        guard (2...3).contains(base.count), base.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        if ["hr", "bs"].contains(base) { self.code = "sh"; return }
        self.code = base
    }

    init(uncheckedCode: String) { self.code = uncheckedCode }

    public var isSupported: Bool { Language.supported.contains(self) }
    public var description: String { code }
    public static func < (lhs: Language, rhs: Language) -> Bool { lhs.code < rhs.code }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let language = Language(code: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a language code: \(text)"))
        }
        self = language
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
