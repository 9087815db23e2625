// Messages with values: `{1}`, `{2}`, … in a msgid are filled after translation, for the
// interface and the command line alike.
import Foundation

extension Localizer {
    /// `message` translated, then `{1}`, `{2}`, … replaced by `arguments` in order; the
    /// placeholders let a translation put the values where its grammar wants them.
    public func callAsFunction(_ message: String, _ arguments: any CustomStringConvertible...) -> String {
        Self.fill(self(message), arguments)
    }

    /// A count in the right plural form (`%d`), then `{1}`, `{2}`, … as above.
    public func plural(_ singular: String, _ pluralForm: String, _ count: Int, _ arguments: any CustomStringConvertible...) -> String {
        Self.fill(plural(singular, pluralForm, count), arguments)
    }

    private static func fill(_ text: String, _ arguments: [any CustomStringConvertible]) -> String {
        var result = text
        for (index, argument) in arguments.enumerated() {
            result = result.replacingOccurrences(of: "{\(index + 1)}", with: argument.description)
        }
        return result
    }
}
