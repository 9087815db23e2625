// Any JSON value, for reading untrusted request bodies field by field (so unknown fields,
// wrong types and missing ones each get their own clear answer) and for record data.
import Foundation

public enum JSONValue: Equatable, Sendable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses `data` as one JSON object or array after checking it is UTF-8 and not nested
    /// deeper than `maxDepth` (a 10 000-deep body must not reach a recursive parser).
    public static func parse(_ data: Data, maxDepth: Int = 32) throws -> JSONValue {
        guard String(validating: data, as: UTF8.self) != nil else {
            throw RequestProblem(code: "invalid_json", message: "the body is not UTF-8 text")
        }
        let depth = nestingDepth(data)
        guard depth <= maxDepth else {
            throw RequestProblem(code: "invalid_json", message: "the JSON is nested deeper than \(maxDepth) levels")
        }
        do {
            return try JSONParser.parse(data, maxDepth: maxDepth)
        } catch {
            throw RequestProblem(code: "invalid_json", message: "the body is not valid JSON")
        }
    }

    /// The value as compact JSON text (integral numbers without a fraction, as `encode`
    /// writes them), without going through Codable.
    public var jsonData: Data {
        var text = ""
        write(into: &text)
        return Data(text.utf8)
    }

    private func write(into text: inout String) {
        switch self {
        case .null: text += "null"
        case .bool(let value): text += value ? "true" : "false"
        case .number(let value):
            text += value == value.rounded() && abs(value) < 9e15 ? String(Int64(value)) : "\(value)"
        case .string(let value): text += JSONText.quote(value)
        case .array(let values):
            text += "["
            for (offset, value) in values.enumerated() {
                if offset > 0 { text += "," }
                value.write(into: &text)
            }
            text += "]"
        case .object(let members):
            text += "{"
            for (offset, (key, value)) in members.enumerated() {
                if offset > 0 { text += "," }
                text += JSONText.quote(key) + ":"
                value.write(into: &text)
            }
            text += "}"
        }
    }

    /// Deepest bracket nesting outside strings.
    static func nestingDepth(_ data: Data) -> Int {
        var depth = 0, deepest = 0, inString = false, escaped = false
        for byte in data {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1; deepest = max(deepest, depth)
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            default: break
            }
        }
        return deepest
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value):
            if value == value.rounded(), abs(value) < 9e15 { try container.encode(Int64(value)) } else { try container.encode(value) }
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// Encodes any Codable value as a JSONValue (for record data).
    public static func of<T: Encodable>(_ value: T) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
    }

    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    public var string: String? { if case .string(let value) = self { value } else { nil } }
    public var bool: Bool? { if case .bool(let value) = self { value } else { nil } }
    public var int: Int? {
        if case .number(let value) = self, value == value.rounded(), abs(value) < 9e15 { return Int(value) }
        return nil
    }
}
