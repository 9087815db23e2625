// Looks up interface messages in the chosen language, falling back to English per message.
import Foundation

/// Messages are keyed by their English text (gettext's msgid), so English needs no catalogue.
public struct Localizer: Sendable {
    public let language: String
    let catalogue: MessageCatalogue?

    public init(language: String, catalogue: MessageCatalogue?) {
        self.language = language
        self.catalogue = catalogue
    }

    public static let english = Localizer(language: "en", catalogue: nil)

    /// The translation of `message`, or `message` itself.
    public func callAsFunction(_ message: String) -> String {
        guard let translated = catalogue?.messages[message]?.first, !translated.isEmpty else { return message }
        return translated
    }

    /// A count with the right plural form; `%d` in the message is replaced by `count`.
    public func plural(_ singular: String, _ plural: String, _ count: Int) -> String {
        let form: String
        if let catalogue, let forms = catalogue.messages[singular], !forms.isEmpty {
            let index = catalogue.pluralIndex(count)
            form = index < forms.count && !forms[index].isEmpty ? forms[index] : (count == 1 ? singular : plural)
        } else {
            form = count == 1 ? singular : plural
        }
        return form.replacingOccurrences(of: "%d", with: String(count))
    }
}
