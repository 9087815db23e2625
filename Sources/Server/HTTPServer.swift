// libmicrohttpd underneath a Swift handler: a thread pool calls `handler` with whole
// requests. Bodies are gathered chunk by chunk and cut at `bodyLimit` (413) without
// buffering more; in-flight requests are counted so a stop can let them finish.
import CMicroHTTPD
import Foundation
import Model

public final class HTTPServer: @unchecked Sendable {
    public struct Options: Sendable {
        public var host = "127.0.0.1"
        public var port: UInt16 = 8480
        public var threads = 4
        public var bodyLimit = 1 << 20
        /// Seconds an idle or trickling connection may hold a slot (slowloris).
        public var connectionTimeout = 30
        public var connectionLimit = 2000
        public init() {}
    }

    public typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse

    let options: Options
    let handler: Handler
    /// One line per request, written by the caller's choice (stderr by default).
    let log: @Sendable (String) -> Void
    private var daemon: OpaquePointer?
    private let lock = NSLock()
    private var inFlight = 0
    public private(set) var port: UInt16 = 0

    public init(options: Options, log: @escaping @Sendable (String) -> Void, handler: @escaping Handler) {
        self.options = options
        self.handler = handler
        self.log = log
    }

    public enum StartError: Error, CustomStringConvertible {
        case badAddress(String)
        case cannotListen(String)
        public var description: String {
            switch self {
            case .badAddress(let text): "'\(text)' is not an IPv4 address to listen on"
            case .cannotListen(let text): "cannot listen on \(text) (in use, or not allowed)"
            }
        }
    }

    public func start() throws {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = options.port.bigEndian
        guard inet_pton(AF_INET, options.host, &address.sin_addr) == 1 else { throw StartError.badAddress(options.host) }
        let context = Unmanaged.passUnretained(self).toOpaque()
        let flags = UInt32(MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_EPOLL.rawValue | MHD_USE_ITC.rawValue)
        let started: OpaquePointer? = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                let completed: MHD_RequestCompletedCallback = rrcRequestCompleted
                var items = [
                    MHD_OptionItem(option: .THREAD_POOL_SIZE, value: options.threads, ptr_value: nil),
                    MHD_OptionItem(option: .CONNECTION_TIMEOUT, value: options.connectionTimeout, ptr_value: nil),
                    MHD_OptionItem(option: .CONNECTION_LIMIT, value: options.connectionLimit, ptr_value: nil),
                    MHD_OptionItem(option: .CONNECTION_MEMORY_LIMIT, value: 64 * 1024, ptr_value: nil),
                    MHD_OptionItem(option: .SOCK_ADDR, value: 0, ptr_value: UnsafeMutableRawPointer(socketAddress)),
                    MHD_OptionItem(option: .NOTIFY_COMPLETED,
                                   value: unsafeBitCast(completed, to: Int.self), ptr_value: context),
                    MHD_OptionItem(option: .END, value: 0, ptr_value: nil),
                ]
                return rrc_mhd_start(flags, options.port, rrcAccessHandler, context, &items)
            }
        }
        guard let started else { throw StartError.cannotListen("\(options.host):\(options.port)") }
        daemon = started
        port = rrc_mhd_bound_port(started)
    }

    /// Stops taking connections, lets requests in flight finish (up to `grace` seconds), stops.
    public func stop(grace: TimeInterval = 10) {
        guard let daemon else { return }
        let socket = MHD_quiesce_daemon(daemon)
        if socket >= 0 { close(socket) }
        let deadline = Date().addingTimeInterval(grace)
        while requestsInFlight > 0 && Date() < deadline { usleep(20_000) }
        MHD_stop_daemon(daemon)
        self.daemon = nil
    }

    public var requestsInFlight: Int {
        lock.lock(); defer { lock.unlock() }
        return inFlight
    }

    // MARK: Called from libmicrohttpd's threads

    /// What one connection's request has gathered so far.
    final class Gathered {
        var body = Data()
        var tooLarge = false
        let started = Date()
    }

    func begin() -> Gathered {
        lock.lock(); inFlight += 1; lock.unlock()
        return Gathered()
    }

    func end() {
        lock.lock(); inFlight -= 1; lock.unlock()
    }

    func answer(_ connection: OpaquePointer, method: String, url: String, gathered: Gathered) -> MHD_Result {
        var request = HTTPRequest(method: method, path: url, headers: Self.values(connection, .HEADER_KIND),
                                  body: gathered.body, clientAddress: Self.clientAddress(connection))
        request.query = Self.values(connection, .GET_ARGUMENT_KIND)
        let response = gathered.tooLarge
            ? HTTPResponse.error(413, "body_too_large", "the request body is larger than \(options.bodyLimit) bytes")
            : handler(request)
        let milliseconds = Int(Date().timeIntervalSince(gathered.started) * 1000)
        log("\(Self.timestamp()) \(request.clientAddress) \(method) \(url) \(response.status) \(response.byteCount)B \(milliseconds)ms"
            + (response.user.map { " user=\($0)" } ?? ""))
        return Self.queue(response, on: connection)
    }

    static func queue(_ response: HTTPResponse, on connection: OpaquePointer) -> MHD_Result {
        let mhdResponse: OpaquePointer?
        switch response.body {
        case .data(let data):
            mhdResponse = data.withUnsafeBytes { bytes in
                MHD_create_response_from_buffer(data.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress),
                                                .RESPMEM_MUST_COPY)
            }
        case .file(let path, let offset, let length):
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                return queue(.error(404, "not_found", "the file is not on this server"), on: connection)
            }
            // libmicrohttpd closes the descriptor when the response is gone.
            mhdResponse = MHD_create_response_from_fd_at_offset64(UInt64(length), descriptor, UInt64(offset))
        }
        guard let mhdResponse else { return .NO }
        defer { MHD_destroy_response(mhdResponse) }
        for (name, value) in response.headers { MHD_add_response_header(mhdResponse, name, value) }
        return MHD_queue_response(connection, UInt32(response.status), mhdResponse)
    }

    static func values(_ connection: OpaquePointer, _ kind: MHD_ValueKind) -> [String: String] {
        final class Box { var values: [String: String] = [:] }
        let box = Box()
        let collect: MHD_KeyValueIterator = { context, _, key, value in
            guard let context, let key else { return .YES }
            let box = Unmanaged<Box>.fromOpaque(context).takeUnretainedValue()
            box.values[String(cString: key).lowercased()] = value.map { String(cString: $0) } ?? ""
            return .YES
        }
        MHD_get_connection_values(connection, kind, collect, Unmanaged.passUnretained(box).toOpaque())
        return box.values
    }

    static func clientAddress(_ connection: OpaquePointer) -> String {
        guard let address = rrc_mhd_client_address(connection), address.pointee.sa_family == sa_family_t(AF_INET) else { return "-" }
        return address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { inet in
            var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
            var raw = inet.pointee.sin_addr
            inet_ntop(AF_INET, &raw, &text, socklen_t(INET_ADDRSTRLEN))
            return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    static func timestamp() -> String {
        UTCTimestamp.string()
    }
}

/// libmicrohttpd calls this first with no body, then per body chunk, then to answer.
/// A free function, not a closure from main.swift: it runs on the library's threads.
private func rrcAccessHandler(_ context: UnsafeMutableRawPointer?, _ connection: OpaquePointer?,
                              _ url: UnsafePointer<CChar>?, _ method: UnsafePointer<CChar>?, _ version: UnsafePointer<CChar>?,
                              _ uploadData: UnsafePointer<CChar>?, _ uploadSize: UnsafeMutablePointer<Int>?,
                              _ state: UnsafeMutablePointer<UnsafeMutableRawPointer?>?) -> MHD_Result {
    guard let context, let connection, let state, let uploadSize else { return .NO }
    let server = Unmanaged<HTTPServer>.fromOpaque(context).takeUnretainedValue()
    guard let existing = state.pointee else {
        let gathered = server.begin()
        state.pointee = Unmanaged.passRetained(gathered).toOpaque()
        // A declared length over the limit is refused before a byte of it is read.
        if let declared = MHD_lookup_connection_value(connection, .HEADER_KIND, "Content-Length").flatMap({ Int(String(cString: $0)) }),
           declared > server.options.bodyLimit {
            gathered.tooLarge = true
            return server.answer(connection, method: method.map { String(cString: $0) } ?? "", url: url.map { String(cString: $0) } ?? "",
                                 gathered: gathered)
        }
        return .YES
    }
    let gathered = Unmanaged<HTTPServer.Gathered>.fromOpaque(existing).takeUnretainedValue()
    if uploadSize.pointee > 0 {
        if !gathered.tooLarge, gathered.body.count + uploadSize.pointee <= server.options.bodyLimit, let uploadData {
            gathered.body.append(UnsafeRawPointer(uploadData).assumingMemoryBound(to: UInt8.self), count: uploadSize.pointee)
        } else {
            gathered.tooLarge = true
            gathered.body = Data()
        }
        uploadSize.pointee = 0
        return .YES
    }
    return server.answer(connection, method: method.map { String(cString: $0) } ?? "", url: url.map { String(cString: $0) } ?? "",
                         gathered: gathered)
}

private func rrcRequestCompleted(_ context: UnsafeMutableRawPointer?, _ connection: OpaquePointer?,
                                 _ state: UnsafeMutablePointer<UnsafeMutableRawPointer?>?, _ reason: MHD_RequestTerminationCode) {
    guard let context, let state, let existing = state.pointee else { return }
    Unmanaged<HTTPServer.Gathered>.fromOpaque(existing).release()
    state.pointee = nil
    Unmanaged<HTTPServer>.fromOpaque(context).takeUnretainedValue().end()
}
