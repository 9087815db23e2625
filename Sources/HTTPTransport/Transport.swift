// What the sync engine needs from the network, as a protocol: the real one is libcurl
// (`CurlTransport`); tests can wrap it to lose responses or cut transfers.
import Foundation

public struct TransportRequest: Sendable {
    public var method: String
    public var url: String
    public var headers: [String: String]
    public var body: Data?

    public init(method: String, url: String, headers: [String: String] = [:], body: Data? = nil) {
        self.method = method; self.url = url; self.headers = headers; self.body = body
    }
}

public struct TransportResponse: Sendable {
    public var status: Int
    /// Header names in lowercase.
    public var headers: [String: String]
    /// The body as decoded (gzip already undone).
    public var body: Data
    /// Bytes on the wire, both ways (compressed as sent and received).
    public var bytesSent: Int
    public var bytesReceived: Int
    /// Connections opened for this request: 0 when an open one was reused.
    public var connectionsOpened: Int

    public init(status: Int, headers: [String: String] = [:], body: Data = Data(), bytesSent: Int = 0, bytesReceived: Int = 0,
                connectionsOpened: Int = 1) {
        self.status = status; self.headers = headers; self.body = body; self.bytesSent = bytesSent; self.bytesReceived = bytesReceived
        self.connectionsOpened = connectionsOpened
    }
}

/// Why no response came: each maps to words for the user ("offline", "the link stalled").
public enum TransportError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreachable(String)
    case timedOut
    case stalled
    case certificate(String)
    case failed(String)

    public var description: String {
        switch self {
        case .unreachable(let detail): "the server cannot be reached (\(detail))"
        case .timedOut: "the server did not answer in time"
        case .stalled: "the link stalled"
        case .certificate(let detail): "the server's certificate was not accepted (\(detail))"
        case .failed(let detail): detail
        }
    }
}

public protocol Transport: Sendable {
    func send(_ request: TransportRequest) throws -> TransportResponse
    /// Downloads `url` into `partFile`, continuing from its current size with a Range request.
    /// Returns the HTTP status (200 or 206) and the bytes received this time.
    func download(_ url: String, headers: [String: String], into partFile: URL) throws -> (status: Int, bytes: Int)
}
