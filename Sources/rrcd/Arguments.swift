// rrcd's command line: a verb (or two), positional words and `--option value` pairs.

struct Arguments {
    var words: [String] = []
    var options: [String: String] = [:]
    var flags: Set<String> = []

    static let flagNames: Set<String> = ["--password-stdin", "--help", "--version"]

    init(_ arguments: [String]) throws {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if Self.flagNames.contains(argument) || argument == "-h" {
                flags.insert(argument == "-h" ? "--help" : argument)
            } else if argument.hasPrefix("--") {
                let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
                if parts.count == 2 {
                    options[parts[0]] = parts[1]
                } else {
                    guard index + 1 < arguments.count else { throw Failure("\(argument) needs a value") }
                    options[argument] = arguments[index + 1]
                    index += 1
                }
            } else {
                words.append(argument)
            }
            index += 1
        }
    }

    func require(_ option: String) throws -> String {
        guard let value = options[option], !value.isEmpty else { throw Failure("\(option) is required") }
        return value
    }

    /// Refuses options the command does not take (a typo must not be ignored silently).
    func only(_ allowed: String...) throws {
        if let unknown = options.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw Failure("unknown option \(unknown)")
        }
    }
}

/// A one-line error for the user; exit status 1 (2 for usage).
struct Failure: Error, CustomStringConvertible {
    var description: String
    var status: Int32
    init(_ message: String, status: Int32 = 2) { description = message; self.status = status }
}
