// A response to send: JSON, bytes or a slice of a file; errors are always JSON.
import Foundation
import SyncProtocol

public struct HTTPResponse: Sendable {
    public enum Body: Sendable, Equatable {
        case data(Data)
        /// `length` bytes of the file at `path` from `offset` (downloads, Range).
        case file(path: String, offset: Int, length: Int)
    }

    public var status: Int
    public var headers: [(String, String)]
    public var body: Body
    /// Who asked, for the access log (never the token).
    public var user: String?

    public init(status: Int, headers: [(String, String)] = [], body: Body = .data(Data()), user: String? = nil) {
        self.status = status; self.headers = headers; self.body = body; self.user = user
    }

    /// JSON is UTF-8 by definition (RFC 8259): no charset parameter, 15 bytes less in every
    /// answer, which an incremental sync on a slow link notices.
    public static let jsonContentType = "application/json"

    public static func json<T: Encodable>(_ value: T, status: Int = 200) -> HTTPResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return HTTPResponse(status: status, headers: [("Content-Type", jsonContentType)], body: .data(data))
    }

    public static func error(_ status: Int, _ code: String, _ message: String) -> HTTPResponse {
        json(ErrorResponse(code: code, message: message), status: status)
    }

    public var byteCount: Int {
        switch body {
        case .data(let data): data.count
        case .file(_, _, let length): length
        }
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }
}
