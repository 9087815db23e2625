// A fault-injecting TCP proxy on loopback, between a client and rrcd. Each request gets a
// fault drawn from a seeded generator: pass, drop before the request reaches the server,
// drop after the response started, cut the request body, delay, throttle (bits per second
// plus a round-trip delay), or send the request twice. The seed replays the schedule.
// By default a connection carries one request; with `keepAlive` the client's connection
// stays open across requests (as libcurl reuses it), so faults also land on the second and
// later requests of a connection, and `closeIdle` ends one between requests.
import Foundation

public final class FaultProxy: @unchecked Sendable {
    public enum Fault: String, CaseIterable, Sendable {
        case pass, dropBeforeRequest, dropAfterResponseStarted, cutRequest, delay, duplicate
        /// Keep-alive only: answer, then close the connection the client means to reuse.
        case closeIdle
    }

    public struct Plan: Sendable {
        /// Chance (0…1) that a connection gets a fault other than `pass`.
        public var faultRate = 0.3
        public var faults: [Fault] = [.dropBeforeRequest, .dropAfterResponseStarted, .cutRequest, .delay, .duplicate]
        /// Throttle every connection to this many bits per second (nil: full speed).
        public var bitsPerSecond: Int?
        /// Added once per request and once per response (half a round trip each way).
        public var roundTripMilliseconds = 0
        /// Keep the client's connection open between requests (each still reaches the server
        /// on a connection of its own, so an answer's end is where the server closes).
        public var keepAlive = false
        public init() {}
    }

    public let seed: UInt64
    public private(set) var port: UInt16 = 0
    /// Where requests go; a test that restarts the server points it at the new port.
    public var upstreamPort: UInt16 {
        get { lock.lock(); defer { lock.unlock() }; return upstream }
        set { lock.lock(); upstream = newValue; lock.unlock() }
    }
    private var upstream: UInt16
    var plan: Plan
    private let lock = NSLock()
    private var random: SeededRandom
    private var listener: Int32 = -1
    private var stopped = false
    public private(set) var injected: [Fault: Int] = [:]

    public init(upstreamPort: UInt16, seed: UInt64, plan: Plan = Plan()) throws {
        upstream = upstreamPort
        self.seed = seed
        self.plan = plan
        random = SeededRandom(seed: seed)
        listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = Self.loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 256) == 0 else { throw ServerFailure(message: "the proxy cannot listen") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    public var url: String { "http://127.0.0.1:\(port)" }

    public func setPlan(_ plan: Plan) {
        lock.lock(); self.plan = plan; lock.unlock()
    }

    /// Idempotent: closing the listener twice would close whatever descriptor the number
    /// meanwhile belongs to — another test's database file (seen: "disk I/O error").
    public func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    deinit { stop() }

    /// How many of each fault were injected, for the report.
    public var summary: String {
        lock.lock(); defer { lock.unlock() }
        return Fault.allCases.compactMap { fault in injected[fault].map { "\(fault.rawValue) \($0)" } }.joined(separator: ", ")
    }

    static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    private func acceptLoop() {
        while true {
            lock.lock()
            let socket = stopped ? -1 : listener
            lock.unlock()
            guard socket >= 0 else { return }
            let client = accept(socket, nil, nil)
            if client < 0 {
                lock.lock(); let done = stopped; lock.unlock()
                if done { return }
                continue
            }
            let thread = Thread { [self] in serve(client) }
            thread.start()
        }
    }

    /// The next request's fault and cut point, from the seeded schedule.
    private func draw() -> (fault: Fault, cut: Int, plan: Plan) {
        lock.lock()
        defer { lock.unlock() }
        var faults = plan.faults
        if plan.keepAlive { faults.append(.closeIdle) }
        let fault = random.nextDouble() < plan.faultRate ? faults.randomElement(using: &random) ?? .pass : .pass
        let cut = Int.random(in: 1...400, using: &random)
        injected[fault, default: 0] += 1
        return (fault, cut, plan)
    }

    private func connectUpstream() -> Int32? {
        let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = Self.loopback(port: upstreamPort)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if connected != 0 { close(upstream); return nil }
        return upstream
    }

    /// One client connection: one request, or with `keepAlive` as many as the client sends
    /// until a fault (or the client) ends it.
    private func serve(_ client: Int32) {
        defer { close(client) }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        while let received = Self.readRequest(client) {
            let (fault, cut, plan) = draw()
            guard relay(received, to: client, fault: fault, cut: cut, plan: plan), plan.keepAlive, fault != .closeIdle else { return }
        }
    }

    /// Acts out the fault on one request and relays the answer; false when the fault ended
    /// the client's connection.
    private func relay(_ received: Data, to client: Int32, fault: Fault, cut: Int, plan: Plan) -> Bool {
        let request = Self.closingAfterOneRequest(received)
        if fault == .dropBeforeRequest { return false }
        if fault == .delay { usleep(UInt32.random(in: 200_000...1_500_000)) }
        Self.pause(plan.roundTripMilliseconds / 2)
        guard let upstream = connectUpstream() else { return false }
        defer { close(upstream) }
        if fault == .cutRequest {
            // Part of the request reaches the server, then the link dies.
            _ = Self.write(upstream, request.prefix(max(1, min(request.count - 1, cut))), plan: plan)
            return false
        }
        guard Self.write(upstream, request, plan: plan) else { return false }
        if fault == .duplicate, let twin = connectUpstream() {
            // The same request again (a retrying middlebox); its answer is thrown away.
            _ = Self.write(twin, request, plan: Plan())
            _ = Self.readAll(twin)
            close(twin)
        }
        var response = Self.readAll(upstream)
        Self.pause(plan.roundTripMilliseconds / 2)
        if fault == .dropAfterResponseStarted {
            // The server acted and answered; the client sees the answer break off.
            _ = Self.write(client, response.prefix(min(response.count / 2, cut)), plan: plan)
            return false
        }
        if plan.keepAlive {
            guard let kept = Self.keepingAlive(response) else {
                _ = Self.write(client, response, plan: plan)  // only its close marks its end
                return false
            }
            response = kept
        }
        return Self.write(client, response, plan: plan)
    }

    /// The answer without the server's `Connection: close`, when its length is in its
    /// headers (so the client can tell where it ends on a connection that stays open).
    static func keepingAlive(_ response: Data) -> Data? {
        guard let end = response.range(of: Data("\r\n\r\n".utf8)) else { return nil }
        let lines = String(decoding: response[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let lower = lines.map { $0.lowercased() }
        guard lower.contains(where: { $0.hasPrefix("content-length:") || $0 == "transfer-encoding: chunked" }) else { return nil }
        let kept = lines.filter { !$0.lowercased().hasPrefix("connection:") }
        return Data(kept.joined(separator: "\r\n").utf8) + Data("\r\n\r\n".utf8) + response[end.upperBound...]
    }

    /// The request with `Connection: close`, so the server ends the connection after answering
    /// (one request per connection keeps each fault about one request).
    static func closingAfterOneRequest(_ request: Data) -> Data {
        guard let end = request.range(of: Data("\r\n\r\n".utf8)) else { return request }
        let lines = String(decoding: request[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
            .filter { !$0.lowercased().hasPrefix("connection:") }
        return Data((lines + ["Connection: close"]).joined(separator: "\r\n").utf8) + Data("\r\n\r\n".utf8) + request[end.upperBound...]
    }

    static func pause(_ milliseconds: Int) {
        if milliseconds > 0 { usleep(UInt32(milliseconds) * 1000) }
    }

    /// Headers, then Content-Length bytes of body.
    static func readRequest(_ socket: Int32) -> Data? {
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            if let end = data.range(of: Data("\r\n\r\n".utf8)) {
                let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).lowercased()
                let length = head.components(separatedBy: "\r\n").first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                if data.count >= end.upperBound + length { return data }
            }
            let count = recv(socket, &chunk, chunk.count, 0)
            if count <= 0 { return data.isEmpty ? nil : data }
            data.append(contentsOf: chunk[0..<count])
        }
    }

    static func readAll(_ socket: Int32) -> Data {
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 65536)
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        while true {
            let count = recv(socket, &chunk, chunk.count, 0)
            if count <= 0 { return data }
            data.append(contentsOf: chunk[0..<count])
        }
    }

    /// Writes, paced to the plan's bit rate when it has one.
    static func write(_ socket: Int32, _ data: Data, plan: Plan) -> Bool {
        let slice = max(1, (plan.bitsPerSecond ?? 0) / 8 / 10)  // a tenth of a second's worth
        var offset = 0
        while offset < data.count {
            let length = plan.bitsPerSecond == nil ? data.count - offset : min(slice, data.count - offset)
            let sent = data.withUnsafeBytes { send(socket, $0.baseAddress! + offset, length, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return false }
            offset += sent
            if plan.bitsPerSecond != nil { usleep(100_000) }
        }
        return true
    }
}

extension SeededRandom {
    mutating func nextDouble() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
