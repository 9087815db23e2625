// Evaluates a gettext Plural-Forms expression (C syntax: ?:, ||, &&, ==, !=, <, >, <=, >=, %, n).
import Foundation

public struct PluralRule: Sendable {
    indirect enum Expression: Sendable {
        case number(Int)
        case n
        case unary(String, Expression)
        case binary(String, Expression, Expression)
        case conditional(Expression, Expression, Expression)
    }

    let expression: Expression
    public let count: Int

    /// English, German and most others: one form for 1, another for the rest.
    public static let germanic = PluralRule(expression: .binary("!=", .n, .number(1)), count: 2)

    init(expression: Expression, count: Int) {
        self.expression = expression
        self.count = count
    }

    /// Reads `Plural-Forms: nplurals=3; plural=(n==1 ? 0 : …);`.
    public init(header: String) throws {
        let body = header.split(separator: ":", maxSplits: 1).last.map(String.init) ?? header
        var count = 2
        var formula = ""
        for part in body.split(separator: ";") {
            let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.count == 2 else { continue }
            if pieces[0] == "nplurals", let value = Int(pieces[1]) { count = value }
            if pieces[0] == "plural" { formula = pieces[1] }
        }
        var parser = Parser(tokens: try Parser.tokenize(formula))
        let expression = try parser.parseConditional()
        guard parser.atEnd else { throw PluralRuleError(formula: formula) }
        self.init(expression: expression, count: count)
    }

    public func index(for n: Int) -> Int {
        let value = Self.evaluate(expression, n)
        return max(0, min(count - 1, value))
    }

    static func evaluate(_ expression: Expression, _ n: Int) -> Int {
        switch expression {
        case .number(let value): return value
        case .n: return n
        case .unary(_, let operand): return evaluate(operand, n) == 0 ? 1 : 0
        case .conditional(let test, let yes, let no): return evaluate(test, n) != 0 ? evaluate(yes, n) : evaluate(no, n)
        case .binary(let op, let left, let right):
            let a = evaluate(left, n), b = evaluate(right, n)
            switch op {
            case "||": return (a != 0 || b != 0) ? 1 : 0
            case "&&": return (a != 0 && b != 0) ? 1 : 0
            case "==": return a == b ? 1 : 0
            case "!=": return a != b ? 1 : 0
            case "<": return a < b ? 1 : 0
            case ">": return a > b ? 1 : 0
            case "<=": return a <= b ? 1 : 0
            case ">=": return a >= b ? 1 : 0
            case "%": return b == 0 ? 0 : a % b
            default: return 0
            }
        }
    }

    struct Parser {
        var tokens: [String]
        var position = 0
        var atEnd: Bool { position >= tokens.count }

        static func tokenize(_ text: String) throws -> [String] {
            var tokens: [String] = []
            let characters = Array(text)
            var index = 0
            while index < characters.count {
                let c = characters[index]
                if c.isWhitespace { index += 1; continue }
                if c.isNumber {
                    var number = ""
                    while index < characters.count, characters[index].isNumber { number.append(characters[index]); index += 1 }
                    tokens.append(number)
                    continue
                }
                if index + 1 < characters.count, ["||", "&&", "==", "!=", "<=", ">="].contains(String([c, characters[index + 1]])) {
                    tokens.append(String([c, characters[index + 1]]))
                    index += 2
                    continue
                }
                guard "n?:()<>%!".contains(c) else { throw PluralRuleError(formula: text) }
                tokens.append(String(c))
                index += 1
            }
            return tokens
        }

        mutating func next() -> String? { atEnd ? nil : { position += 1; return tokens[position - 1] }() }
        func peek() -> String? { atEnd ? nil : tokens[position] }

        mutating func parseConditional() throws -> Expression {
            let test = try parseBinary(level: 0)
            guard peek() == "?" else { return test }
            _ = next()
            let yes = try parseConditional()
            guard next() == ":" else { throw PluralRuleError(formula: tokens.joined()) }
            let no = try parseConditional()
            return .conditional(test, yes, no)
        }

        static let levels: [[String]] = [["||"], ["&&"], ["==", "!="], ["<", ">", "<=", ">="], ["%"]]

        mutating func parseBinary(level: Int) throws -> Expression {
            guard level < Self.levels.count else { return try parseUnary() }
            var left = try parseBinary(level: level + 1)
            while let op = peek(), Self.levels[level].contains(op) {
                _ = next()
                left = .binary(op, left, try parseBinary(level: level + 1))
            }
            return left
        }

        mutating func parseUnary() throws -> Expression {
            guard let token = next() else { throw PluralRuleError(formula: tokens.joined()) }
            switch token {
            case "n": return .n
            case "!": return .unary("!", try parseUnary())
            case "(":
                let inner = try parseConditional()
                guard next() == ")" else { throw PluralRuleError(formula: tokens.joined()) }
                return inner
            default:
                guard let value = Int(token) else { throw PluralRuleError(formula: tokens.joined()) }
                return .number(value)
            }
        }
    }
}

public struct PluralRuleError: Error, CustomStringConvertible {
    public let formula: String
    public var description: String { "cannot read the plural formula: \(formula)" }
}
