// Why a request was refused, as the API's JSON error says it: a stable code and a sentence.

public struct RequestProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public var code: String
    public var message: String
    public init(code: String, message: String) { self.code = code; self.message = message }
    public var description: String { "\(code): \(message)" }
}
