// Reads a JSON object field by field and refuses what it did not ask for: a missing field,
// a wrong type, a string over its limit or a field nobody knows each get a named problem.

public struct FieldReader {
    let object: [String: JSONValue]
    /// Where this object is in the request, for messages (`ops[2].payload`).
    let path: String
    private var read = Set<String>()

    public init(_ value: JSONValue, path: String = "body") throws {
        guard case .object(let object) = value else {
            throw RequestProblem(code: "invalid_field", message: "\(path) must be a JSON object")
        }
        self.object = object
        self.path = path
    }

    func name(_ key: String) -> String { path == "body" ? key : "\(path).\(key)" }

    public mutating func value(_ key: String) throws -> JSONValue {
        read.insert(key)
        guard let value = object[key], value != .null else {
            throw RequestProblem(code: "missing_field", message: "\(name(key)) is required")
        }
        return value
    }

    public mutating func optionalValue(_ key: String) -> JSONValue? {
        read.insert(key)
        guard let value = object[key], value != .null else { return nil }
        return value
    }

    public mutating func string(_ key: String, maxLength: Int = 200) throws -> String {
        guard let text = try value(key).string else {
            throw RequestProblem(code: "invalid_field", message: "\(name(key)) must be a string")
        }
        return try checked(text, key: key, maxLength: maxLength)
    }

    public mutating func optionalString(_ key: String, maxLength: Int = 200) throws -> String? {
        guard let value = optionalValue(key) else { return nil }
        guard let text = value.string else {
            throw RequestProblem(code: "invalid_field", message: "\(name(key)) must be a string")
        }
        return try checked(text, key: key, maxLength: maxLength)
    }

    private func checked(_ text: String, key: String, maxLength: Int) throws -> String {
        guard text.count <= maxLength else {
            throw RequestProblem(code: "invalid_field", message: "\(name(key)) is longer than \(maxLength) characters")
        }
        // NUL and other C0 controls (bar tab and newline) have no place in text people read.
        if text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" }) {
            throw RequestProblem(code: "invalid_field", message: "\(name(key)) holds control characters")
        }
        return text
    }

    public mutating func int(_ key: String) throws -> Int {
        guard let number = try value(key).int else {
            throw RequestProblem(code: "invalid_field", message: "\(name(key)) must be an integer")
        }
        return number
    }

    public mutating func optionalInt(_ key: String) throws -> Int? {
        guard let value = optionalValue(key) else { return nil }
        guard let number = value.int else {
            throw RequestProblem(code: "invalid_field", message: "\(name(key)) must be an integer")
        }
        return number
    }

    public mutating func bool(_ key: String) throws -> Bool {
        guard let flag = try value(key).bool else {
            throw RequestProblem(code: "invalid_field", message: "\(name(key)) must be true or false")
        }
        return flag
    }

    public mutating func array(_ key: String, maxCount: Int) throws -> [JSONValue] {
        guard case .array(let items) = try value(key) else {
            throw RequestProblem(code: "invalid_field", message: "\(name(key)) must be an array")
        }
        guard items.count <= maxCount else {
            throw RequestProblem(code: "invalid_field", message: "\(name(key)) holds more than \(maxCount) items")
        }
        return items
    }

    /// An id as clients make them: letters, digits and `-_.:`, at most 100 characters.
    public mutating func identifier(_ key: String) throws -> String {
        let text = try string(key, maxLength: 100)
        guard Self.isIdentifier(text) else {
            throw RequestProblem(code: "invalid_field", message: "\(name(key)) is not a valid id")
        }
        return text
    }

    public mutating func optionalIdentifier(_ key: String) throws -> String? {
        guard let text = try optionalString(key, maxLength: 100) else { return nil }
        guard Self.isIdentifier(text) else {
            throw RequestProblem(code: "invalid_field", message: "\(name(key)) is not a valid id")
        }
        return text
    }

    public static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 100 && text.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "-_.:".unicodeScalars.contains($0)
        }
    }

    /// Refuses fields that were never asked for.
    public func finish() throws {
        let unknown = Set(object.keys).subtracting(read).sorted()
        if let first = unknown.first {
            throw RequestProblem(code: "unknown_field", message: "\(name(first)) is not a known field")
        }
    }
}
