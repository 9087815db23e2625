// The network, on libcurl — the only code that imports it. Timeouts on connecting and on
// the whole transfer, a low-speed abort for stalled links, proxies from the environment
// (curl's own http_proxy/https_proxy/no_proxy), TLS verification unless told otherwise.
import CCurl
import Foundation

public final class CurlTransport: Transport, @unchecked Sendable {
    public struct Options: Sendable {
        public var connectTimeout = 15
        public var totalTimeout = 300
        /// Abort when fewer than `lowSpeedBytes` per second flow for `lowSpeedSeconds` (a stalled link).
        public var lowSpeedBytes = 50
        public var lowSpeedSeconds = 60
        /// Only with `--insecure`: skip certificate checks.
        public var insecure = false
        public init() {}
    }

    let options: Options
    /// Why libcurl cannot be used (nil: loaded and initialised). Loaded on the first transfer,
    /// not at start: the first screen must not wait for the network stack.
    private static let unavailable: String? = {
        if let failure = rrc_curl_load() { return String(cString: failure) }
        return rrc_curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK ? nil : "libcurl could not be initialised"
    }()

    public init(options: Options = Options()) {
        self.options = options
    }

    deinit {
        for handle in idle { rrc_curl_easy_cleanup(handle) }
    }

    /// Handles between transfers, with their open connections. A sync is a push and pages
    /// of pulls to one server: reusing the connection saves a TCP handshake per request,
    /// and over HTTPS a TLS handshake and the server's certificate chain (kilobytes, over
    /// a second each on a 32 kbit/s link). A pool rather than one handle: an attachment
    /// asked for on screen may download while a sync runs.
    private var idle: [UnsafeMutableRawPointer] = []
    private let idleLock = NSLock()

    private func takeHandle() throws -> UnsafeMutableRawPointer {
        idleLock.lock()
        let reused = idle.popLast()
        idleLock.unlock()
        if let reused {
            rrc_curl_easy_reset(reused)
            return reused
        }
        guard let fresh = rrc_curl_easy_init() else { throw TransportError.failed("libcurl could not start a transfer") }
        return fresh
    }

    private func giveBack(_ handle: UnsafeMutableRawPointer) {
        idleLock.lock()
        defer { idleLock.unlock() }
        if idle.count < 2 { idle.append(handle) } else { rrc_curl_easy_cleanup(handle) }
    }

    final class Sink {
        var body = Data()
        var headers: [String: String] = [:]
        /// Downloads stream here (so a cut transfer keeps what arrived) …
        var file: FileHandle?
        /// … appended after this many bytes already in the file.
        var resumeOffset: UInt64 = 0
        var fileBytes = 0

        func write(_ bytes: Data) throws {
            guard let file, let status = headers[":status"], status == "200" || status == "206" else {
                body.append(bytes)  // an error answer: keep its text
                return
            }
            if status == "200", resumeOffset > 0 {
                // The server ignored the range and sends it all: start the file again.
                try file.truncate(atOffset: 0)
                resumeOffset = 0
            }
            try file.write(contentsOf: bytes)
            fileBytes += bytes.count
        }
    }

    public func send(_ request: TransportRequest) throws -> TransportResponse {
        let sink = Sink()
        let (status, sent, received, connections) = try perform(request, sink: sink)
        return TransportResponse(status: status, headers: sink.headers, body: sink.body, bytesSent: sent, bytesReceived: received,
                                 connectionsOpened: connections)
    }

    public func download(_ url: String, headers: [String: String], into partFile: URL) throws -> (status: Int, bytes: Int) {
        if !FileManager.default.fileExists(atPath: partFile.path),
           !FileManager.default.createFile(atPath: partFile.path, contents: nil, attributes: [.posixPermissions: 0o600]) {
            throw TransportError.failed("cannot create \(partFile.path)")
        }
        let handle = try FileHandle(forWritingTo: partFile)
        defer { try? handle.close() }
        let offset = try handle.seekToEnd()
        let sink = Sink()
        sink.file = handle
        sink.resumeOffset = offset
        var request = TransportRequest(method: "GET", url: url, headers: headers)
        if offset > 0 { request.headers["Range"] = "bytes=\(offset)-" }
        let (status, _, _, _) = try perform(request, sink: sink)
        return (status, sink.fileBytes)
    }

    private func perform(_ request: TransportRequest, sink: Sink) throws -> (Int, Int, Int, Int) {
        if let reason = Self.unavailable { throw TransportError.failed(reason) }
        let curl = try takeHandle()
        defer { giveBack(curl) }
        rrc_curl_setopt_string(curl, CURLOPT_URL, request.url)
        rrc_curl_setopt_long(curl, CURLOPT_NOSIGNAL, 1)
        rrc_curl_setopt_long(curl, CURLOPT_CONNECTTIMEOUT, options.connectTimeout)
        rrc_curl_setopt_long(curl, CURLOPT_TIMEOUT, options.totalTimeout)
        rrc_curl_setopt_long(curl, CURLOPT_LOW_SPEED_LIMIT, options.lowSpeedBytes)
        rrc_curl_setopt_long(curl, CURLOPT_LOW_SPEED_TIME, options.lowSpeedSeconds)
        rrc_curl_setopt_string(curl, CURLOPT_ACCEPT_ENCODING, "")  // every decoder libcurl has
        rrc_curl_setopt_long(curl, CURLOPT_FOLLOWLOCATION, 0)
        rrc_curl_setopt_string(curl, CURLOPT_PROTOCOLS_STR, "http,https")
        if options.insecure {
            rrc_curl_setopt_long(curl, CURLOPT_SSL_VERIFYPEER, 0)
            rrc_curl_setopt_long(curl, CURLOPT_SSL_VERIFYHOST, 0)
        }
        rrc_curl_setopt_string(curl, CURLOPT_CUSTOMREQUEST, request.method)
        if request.method == "HEAD" { rrc_curl_setopt_long(curl, CURLOPT_NOBODY, 1) }
        var list: UnsafeMutablePointer<curl_slist>?
        for (name, value) in request.headers { list = rrc_curl_slist_append(list, "\(name): \(value)") }
        list = rrc_curl_slist_append(list, "Expect:")  // no 100-continue round trip on slow links
        defer { rrc_curl_slist_free_all(list) }
        rrc_curl_setopt_slist(curl, CURLOPT_HTTPHEADER, list)
        let body = request.body ?? Data()
        if request.body != nil {
            rrc_curl_setopt_off(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
        }
        let context = Unmanaged.passUnretained(sink).toOpaque()
        rrc_curl_setopt_write(curl, rrcCurlWrite)
        rrc_curl_setopt_pointer(curl, CURLOPT_WRITEDATA, context)
        rrc_curl_setopt_header(curl, rrcCurlHeader)
        rrc_curl_setopt_pointer(curl, CURLOPT_HEADERDATA, context)
        let code: CURLcode = body.withUnsafeBytes { bytes in
            if request.body != nil {
                // COPYPOSTFIELDS: curl keeps its own copy, so the buffer's lifetime does not matter.
                rrc_curl_setopt_pointer(curl, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!))
            }
            return rrc_curl_easy_perform(curl)
        }
        guard code == CURLE_OK else { throw Self.error(code) }
        var status = 0, sent: curl_off_t = 0, received: curl_off_t = 0
        rrc_curl_getinfo_long(curl, CURLINFO_RESPONSE_CODE, &status)
        rrc_curl_getinfo_off(curl, CURLINFO_SIZE_UPLOAD_T, &sent)
        rrc_curl_getinfo_off(curl, CURLINFO_SIZE_DOWNLOAD_T, &received)
        var headerBytes = 0
        rrc_curl_getinfo_long(curl, CURLINFO_HEADER_SIZE, &headerBytes)
        var connections = 0
        rrc_curl_getinfo_long(curl, CURLINFO_NUM_CONNECTS, &connections)
        return (status, Int(sent), Int(received) + headerBytes, connections)
    }

    static func error(_ code: CURLcode) -> TransportError {
        let text = String(cString: rrc_curl_easy_strerror(code))
        switch code {
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY, CURLE_SEND_ERROR, CURLE_RECV_ERROR,
             CURLE_GOT_NOTHING:
            return .unreachable(text)
        case CURLE_OPERATION_TIMEDOUT:
            return .timedOut
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CONNECT_ERROR:
            return .certificate(text)
        case CURLE_PARTIAL_FILE:
            return .stalled
        default:
            return .failed(text)
        }
    }
}

/// libcurl's body callback: into the sink's file (downloads) or its buffer.
private func rrcCurlWrite(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    guard let data, let context else { return 0 }
    let sink = Unmanaged<CurlTransport.Sink>.fromOpaque(context).takeUnretainedValue()
    do { try sink.write(Data(bytes: data, count: size * count)) } catch { return 0 }
    return size * count
}

/// libcurl's header callback: the status line and `name: value` lines, names lowercased.
private func rrcCurlHeader(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    guard let data, let context else { return 0 }
    let sink = Unmanaged<CurlTransport.Sink>.fromOpaque(context).takeUnretainedValue()
    let line = String(decoding: UnsafeRawBufferPointer(start: data, count: size * count), as: UTF8.self)
        .trimmingCharacters(in: .whitespacesAndNewlines)
    if line.hasPrefix("HTTP/") {
        sink.headers = [:]  // a new response (after a redirect or 100 Continue)
        let parts = line.split(separator: " ")
        if parts.count >= 2 { sink.headers[":status"] = String(parts[1]) }
    } else if let colon = line.firstIndex(of: ":") {
        sink.headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    return size * count
}
