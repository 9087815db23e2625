// Printing for the command line: JSON for scripts, plain aligned text for people.
import ClientStore
import Foundation

struct Output {
    var json: Bool

    /// True when stdout is a terminal: then matches are shown in reverse video.
    static let stdoutIsTerminal = isatty(STDOUT_FILENO) == 1
    static let stderrIsTerminal = isatty(STDERR_FILENO) == 1

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }()

    func printJSON<T: Encodable>(_ value: T) throws {
        // Through print, so JSON and text share one buffer and never interleave.
        print(String(decoding: try Output.encoder.encode(value), as: UTF8.self))
    }

    /// A match marked for the reader: reverse video on a terminal, `**…**` otherwise.
    static func marked(_ text: MarkedText) -> String {
        stdoutIsTerminal ? text.marked(open: "\u{1B}[7m", close: "\u{1B}[0m") : text.marked(open: "**", close: "**")
    }

    /// Progress on stderr for long work, only when a person is watching.
    static func progress(_ label: String) -> ((Int, Int) -> Void)? {
        guard stderrIsTerminal else { return nil }
        return { done, total in
            let line = "\r\(label) \(done)/\(total)" + (done == total ? "\r\u{1B}[K" : "")
            FileHandle.standardError.write(Data(line.utf8))
        }
    }
}

extension String {
    /// Pads with spaces to `width` characters (or cuts with an ellipsis), for columns.
    func column(_ width: Int) -> String {
        if count > width { return String(prefix(max(0, width - 1))) + "…" }
        return self + String(repeating: " ", count: width - count)
    }
}
