// A fault-injecting TCP proxy on loopback, between a client and rrcd. Each connection gets
// a fault drawn from a seeded generator: pass, drop before the request reaches the server,
// drop after the response started, cut the request body, delay, throttle (bits per second
// plus a round-trip delay), or send the request twice. The seed replays the schedule.
import Foundation

public final class FaultProxy: @unchecked Sendable {
    public enum Fault: String, CaseIterable, Sendable {
        case pass, dropBeforeRequest, dropAfterResponseStarted, cutRequest, delay, duplicate
    }

    public struct Plan: Sendable {
        /// Chance (0…1) that a connection gets a fault other than `pass`.
        public var faultRate = 0.3
        public var faults: [Fault] = [.dropBeforeRequest, .dropAfterResponseStarted, .cutRequest, .delay, .duplicate]
        /// Throttle every connection to this many bits per second (nil: full speed).
        public var bitsPerSecond: Int?
        /// Added once per request and once per response (half a round trip each way).
        public var roundTripMilliseconds = 0
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
            lock.lock()
            let fault = random.nextDouble() < plan.faultRate ? plan.faults.randomElement(using: &random) ?? .pass : .pass
            let cut = Int.random(in: 1...400, using: &random)
            let currentPlan = plan
            injected[fault, default: 0] += 1
            lock.unlock()
            let thread = Thread { [self] in serve(client, fault: fault, cut: cut, plan: currentPlan) }
            thread.start()
        }
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

    /// One connection: read the whole request, act out the fault, relay the answer.
    private func serve(_ client: Int32, fault: Fault, cut: Int, plan: Plan) {
        defer { close(client) }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let received = Self.readRequest(client) else { return }
        let request = Self.closingAfterOneRequest(received)
        if fault == .dropBeforeRequest { return }
        if fault == .delay { usleep(UInt32.random(in: 200_000...1_500_000)) }
        Self.pause(plan.roundTripMilliseconds / 2)
        guard let upstream = connectUpstream() else { return }
        defer { close(upstream) }
        if fault == .cutRequest {
            // Part of the request reaches the server, then the link dies.
            _ = Self.write(upstream, request.prefix(max(1, min(request.count - 1, cut))), plan: plan)
            return
        }
        guard Self.write(upstream, request, plan: plan) else { return }
        if fault == .duplicate, let twin = connectUpstream() {
            // The same request again (a retrying middlebox); its answer is thrown away.
            _ = Self.write(twin, request, plan: Plan())
            _ = Self.readAll(twin)
            close(twin)
        }
        let response = Self.readAll(upstream)
        Self.pause(plan.roundTripMilliseconds / 2)
        if fault == .dropAfterResponseStarted {
            // The server acted and answered; the client sees the answer break off.
            _ = Self.write(client, response.prefix(min(response.count / 2, cut)), plan: plan)
            return
        }
        _ = Self.write(client, response, plan: plan)
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
