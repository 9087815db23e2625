// Command-line words split into options, flags and positionals, checked against what a command takes.

struct ParsedArguments {
    var positionals: [String] = []
    var options: [String: String] = [:]
    var flags: Set<String> = []

    /// Parses `words` for a command that takes `options` (with a value) and `flags`.
    /// `--name=value` and `--name value` both work; `--` ends option parsing.
    init(_ words: [String], command: String, options known: Set<String>, flags knownFlags: Set<String>) throws(UsageError) {
        var index = 0
        var onlyPositionals = false
        while index < words.count {
            let word = words[index]
            index += 1
            if onlyPositionals || !word.hasPrefix("-") || word == "-" {
                positionals.append(word)
                continue
            }
            if word == "--" { onlyPositionals = true; continue }
            var name = word
            var inlineValue: String?
            if let equals = word.firstIndex(of: "=") {
                name = String(word[..<equals])
                inlineValue = String(word[word.index(after: equals)...])
            }
            if knownFlags.contains(name) {
                guard inlineValue == nil else { throw UsageError(tr("'{1}' takes no value", name), command: command) }
                flags.insert(name)
            } else if known.contains(name) {
                if let inlineValue {
                    options[name] = inlineValue
                } else {
                    guard index < words.count else { throw UsageError(tr("'{1}' needs a value", name), command: command) }
                    options[name] = words[index]
                    index += 1
                }
            } else {
                throw UsageError(tr("unknown option '{1}'", name), command: command)
            }
        }
    }

    func has(_ flag: String) -> Bool { flags.contains(flag) }
    subscript(option: String) -> String? { options[option] }

    /// A non-negative whole number option, or `fallback` when absent.
    func count(_ name: String, default fallback: Int, command: String) throws(UsageError) -> Int {
        guard let text = options[name] else { return fallback }
        guard let value = Int(text), value >= 0 else {
            throw UsageError(tr("'{1}' must be a whole number (0 or more), not '{2}'", name, text), command: command)
        }
        return value
    }
}

/// A mistake in how the program was called: a one-line message and exit status 2.
struct UsageError: Error, CustomStringConvertible {
    let message: String
    let command: String?
    init(_ message: String, command: String? = nil) { self.message = message; self.command = command }
    var description: String {
        let hint = command.map { "rrc \($0) --help" } ?? "rrc --help"
        return tr("{1} (see '{2}')", message, hint)
    }
}

/// A failure while doing what was asked: a one-line message and exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
