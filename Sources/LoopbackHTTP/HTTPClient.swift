// A small blocking HTTP/1.1 client over a loopback socket, for tests and the server load
// benchmark: exact control of what is sent (hostile requests included) and of what came
// back, with a deadline on everything. Not the sync engine's transport (that is libcurl).
import Compression
import Foundation

public struct HTTPReply: Sendable {
    public let status: Int
    /// Header names in lowercase.
    public let headers: [String: String]
    /// As received (still gzip when the server compressed it).
    public let rawBody: Data

    /// The body, gunzipped when the server sent it compressed.
    public var body: Data {
        headers["content-encoding"] == "gzip" ? ((try? Gzip.decompress(rawBody, limit: 64 << 20)) ?? Data()) : rawBody
    }

    public var text: String { String(decoding: body, as: UTF8.self) }

    public func json() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            throw HTTPWireError(message: "not a JSON object: \(text)")
        }
        return object
    }

    /// The `error.code` of a JSON error body.
    public var errorCode: String? { ((try? json())?["error"] as? [String: Any])?["code"] as? String }
}

public struct HTTPClient: Sendable {
    public let port: UInt16
    public var timeout: Double = 15

    public init(port: UInt16) { self.port = port }

    public func request(_ method: String, _ path: String, headers: [String: String] = [:], body: Data? = nil,
                        token: String? = nil) throws -> HTTPReply {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        var allHeaders = headers
        if let token { allHeaders["Authorization"] = "Bearer \(token)" }
        if let body {
            allHeaders["Content-Length"] = allHeaders["Content-Length"] ?? String(body.count)
            allHeaders["Content-Type"] = allHeaders["Content-Type"] ?? "application/json"
        }
        for (name, value) in allHeaders.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        var bytes = Data((head + "\r\n").utf8)
        if let body { bytes.append(body) }
        return try Self.parse(try raw(bytes))
    }

    public func json(_ method: String, _ path: String, _ object: Any, token: String? = nil,
                     headers: [String: String] = [:]) throws -> HTTPReply {
        try request(method, path, headers: headers, body: try JSONSerialization.data(withJSONObject: object), token: token)
    }

    /// Sends `bytes` as they are and returns everything the server sent until it closed.
    public func raw(_ bytes: Data) throws -> Data {
        let socket = try connect()
        defer { close(socket) }
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { send(socket, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
            if count <= 0 { break }  // the server may answer (413) and close before taking it all
            sent += count
        }
        return try readAll(socket)
    }

    public func connect() throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw HTTPWireError(message: "no socket") }
        var seconds = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &seconds, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &seconds, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Foundation.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(descriptor); throw HTTPWireError(message: "cannot connect to port \(port)") }
        return descriptor
    }

    func readAll(_ socket: Int32) throws -> Data {
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(socket, &chunk, chunk.count, 0)
            if count > 0 { data.append(contentsOf: chunk[0..<count]) } else { break }
        }
        return data
    }

    public static func parse(_ data: Data) throws -> HTTPReply {
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else {
            throw HTTPWireError(message: "no HTTP response (\(data.count) bytes)")
        }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw HTTPWireError(message: "bad status line") }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2 { headers[parts[0].lowercased()] = parts[1] }
        }
        var body = Data(data[end.upperBound...])
        if let length = headers["content-length"].flatMap(Int.init), body.count > length { body = body.prefix(length) }
        return HTTPReply(status: status, headers: headers, rawBody: body)
    }
}

public struct HTTPWireError: Error, CustomStringConvertible {
    public let message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
