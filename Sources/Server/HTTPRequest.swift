// A request as handlers see it: no libmicrohttpd types, so routing is testable in-process.
import Foundation

public struct HTTPRequest: Sendable {
    public var method: String
    /// The path without the query, percent-decoded by the server library.
    public var path: String
    public var query: [String: String]
    /// Header names in lowercase.
    public var headers: [String: String]
    public var body: Data
    public var clientAddress: String

    public init(method: String, path: String, query: [String: String] = [:], headers: [String: String] = [:],
                body: Data = Data(), clientAddress: String = "127.0.0.1") {
        self.method = method; self.path = path; self.query = query; self.headers = headers
        self.body = body; self.clientAddress = clientAddress
    }

    /// The bearer token of `Authorization: Bearer …`, if any.
    public var bearerToken: String? {
        guard let value = headers["authorization"] else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty || token.count > 200 ? nil : token
    }
}
