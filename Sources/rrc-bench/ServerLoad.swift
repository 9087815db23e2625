// rrc-bench server-load: many simulated devices pushing and pulling against one real rrcd on
// loopback for a bounded time. Each device logs in, pushes small batches of new posts (now
// and then re-sending a batch, as after a lost response) and pulls what is new — either in a
// closed loop (a request always in flight: the server's capacity) or paced, one sync round
// every few seconds (devices as people use them). At the end every acknowledged op must be
// on the server exactly once.
import Foundation
import LoopbackHTTP

final class ServerLoad: @unchecked Sendable {
    struct Options {
        var devices = 200
        var accounts = 20
        var seconds = 20.0
        var threads = 4
        /// Mean seconds between a device's sync rounds (0: closed loop, no pause).
        var pace = 0.0
    }

    struct DeviceResult {
        var requests = 0
        var errors: [String] = []
        var applied = Set<String>()
        var duplicatesAnswered = 0
        var pushLatencies: [Double] = []
        var pullLatencies: [Double] = []
        var bytesIn = 0
        var rounds = 0
    }

    let options: Options
    var loginSeconds = 0.0
    let lock = NSLock()
    var results: [DeviceResult] = []

    init(options: Options) { self.options = options }

    static func progress(_ text: String) { FileHandle.standardError.write(Data("rrc-bench: \(text)\n".utf8)) }

    /// Runs the load; returns the report as Markdown.
    func run() throws -> String {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("rrc-load-\(getpid())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let rrcd = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("rrcd").path
        let database = work.appendingPathComponent("load.db").path
        Self.progress("preparing a server database with the demo pack and \(options.accounts) accounts")
        try Self.runQuietly(rrcd, ["demo", "--db", database])
        for index in 0..<options.accounts {
            try Self.runQuietly(rrcd, ["user", "add", "load\(index)", "--role", "member", "--password-stdin", "--db", database],
                                input: "load password \(index)\n")
        }
        let log = work.appendingPathComponent("access.log").path
        let server = try Self.spawn(rrcd, ["serve", "--db", database, "--listen", "127.0.0.1:0", "--threads", String(options.threads)],
                                    stderr: log)
        defer { kill(server, SIGTERM); var status: Int32 = 0; waitpid(server, &status, 0) }
        let port = try Self.waitForPort(log)
        let http = HTTPClient(port: port)

        let first = try login(http, account: 0)
        // Devices start in sync (their cursor at the head of the log): the load is what
        // happens afterwards, not every device's first sync at once.
        let (threads, head) = try openThreads(http, token: first)
        // Devices log in once and keep their token for months: logins (Argon2id, 64 MiB each)
        // are not part of the steady load, so they happen before the clock starts.
        Self.progress("\(options.devices) devices log in")
        let loginStarted = Date()
        final class Tokens: @unchecked Sendable { var values: [Int: String] = [:] }
        let tokenBox = Tokens()
        // Beyond 200 devices, sessions are shared (a token lookup costs the same whoever holds
        // it), which keeps 1 000 devices from spending a minute on Argon2id first.
        let sessions = min(options.devices, 200)
        DispatchQueue.concurrentPerform(iterations: sessions) { device in
            let token = try? self.login(http, account: device % self.options.accounts)
            self.lock.lock(); tokenBox.values[device] = token; self.lock.unlock()
        }
        let tokens = (0..<options.devices).map { tokenBox.values[$0 % sessions] }
        loginSeconds = Date().timeIntervalSince(loginStarted)
        Self.progress("\(options.devices) devices for \(Int(options.seconds)) s against rrcd on port \(port)"
                      + (options.pace > 0 ? ", one sync round every ~\(options.pace) s each" : ", closed loop"))
        // Logins use 64 MiB each (Argon2id): the peak during the load is measured from here.
        let peakWithLogins = Self.peakMemoryMiB(of: server)
        try? "5".write(toFile: "/proc/\(server)/clear_refs", atomically: false, encoding: .utf8)
        let cpuBefore = Self.cpuSeconds(of: server)
        let deadline = Date().addingTimeInterval(options.seconds)
        var workers: [Thread] = []
        let finished = DispatchGroup()
        for device in 0..<options.devices {
            finished.enter()
            let token = tokens[device]
            let thread = Thread { [self] in
                let result = self.device(device, token: token, http: http, threads: threads, from: head, deadline: deadline)
                self.lock.lock(); self.results.append(result); self.lock.unlock()
                finished.leave()
            }
            thread.stackSize = 1 << 20
            workers.append(thread)
            thread.start()
        }
        finished.wait()
        let elapsed = options.seconds
        let serverCPU = Self.cpuSeconds(of: server) - cpuBefore
        let peakUnderLoad = Self.peakMemoryMiB(of: server)

        // Every acknowledged op exactly once on the server.
        let everything = try pullAll(http, token: try login(http, account: 0))
        let onServer = everything.filter { $0.hasPrefix("load-") }
        let acknowledged = results.reduce(into: Set<String>()) { $0.formUnion($1.applied) }
        let lost = acknowledged.subtracting(onServer).count
        let duplicated = onServer.count - Set(onServer).count + Set(onServer).subtracting(acknowledged).count
        let requests = results.map(\.requests).reduce(0, +)
        let errors = results.flatMap(\.errors)
        let push = results.flatMap(\.pushLatencies), pull = results.flatMap(\.pullLatencies)
        func ms(_ value: Double) -> String { String(format: "%.1f", value * 1000) }
        let all = push + pull
        let p99 = Self.percentile(all, 99)
        let title = "\(options.devices) devices, " + (options.pace > 0 ? "a sync round every ~\(Int(options.pace)) s" : "closed loop")
        var lines = [
            "#### \(title)", "",
            "| measure | value |", "|---|---|",
            "| machine | \(Self.machine()) |",
            "| devices (accounts) | \(options.devices) (\(options.accounts)) |",
            "| duration | \(Int(elapsed)) s, rrcd --threads \(options.threads) |",
            "| pace | " + (options.pace > 0 ? "one sync round per device every \(options.pace) s on average (0.5–1.5×); one round in four pushes |"
                                              : "closed loop: every device always has a request in flight |"),
            "| sync rounds | \(results.map(\.rounds).reduce(0, +)) |",
            "| logins before the run | \(min(options.devices, 200)) in \(String(format: "%.1f", loginSeconds)) s |",
            "| requests | \(requests) (\(Int(Double(requests) / elapsed)) /s) |",
            "| server CPU | \(String(format: "%.1f", serverCPU)) s in \(Int(elapsed)) s (the load generator shares the 2 cores) |",
            "| ops applied | \(acknowledged.count); re-sent batches answered duplicate: \(results.map(\.duplicatesAnswered).reduce(0, +)) ops |",
            "| push latency median / p99 | \(ms(Self.percentile(push, 50))) / \(ms(Self.percentile(push, 99))) ms |",
            "| pull latency median / p99 | \(ms(Self.percentile(pull, 50))) / \(ms(Self.percentile(pull, 99))) ms |",
            "| all requests median / p99 | \(ms(Self.percentile(all, 50))) / **\(ms(p99)) ms** |",
            "| p99 ≤ 100 ms (the target is set for 200 devices on 2 cores) | " + (p99 <= 0.1 ? "met" : "**not yet**") + " |",
            "| rrcd peak memory (RSS) | \(String(format: "%.0f", peakUnderLoad)) MiB under load; \(String(format: "%.0f", peakWithLogins)) MiB with the logins |",
            "| errors | \(errors.count) |",
            "| lost ops | \(lost) |",
            "| duplicated ops | \(duplicated) |",
        ]
        if let sample = errors.first { lines.append("| first error | \(sample) |") }
        return lines.joined(separator: "\n")
    }

    /// One device: log in, then push and pull until the deadline.
    func device(_ number: Int, token: String?, http: HTTPClient, threads: [String], from head: Int, deadline: Date) -> DeviceResult {
        var result = DeviceResult()
        var random = SystemRandomNumberGenerator()
        let deviceID = "load-device-\(number)"
        guard let token else {
            result.errors.append("device \(number): login failed")
            return result
        }
        var counter = 0, cursor = head
        var lastBatch: [[String: Any]] = []
        // Paced devices start at random moments, so they do not all sync in step.
        if options.pace > 0 { pause(Double.random(in: 0..<options.pace, using: &random), before: deadline) }
        while Date() < deadline {
            result.rounds += 1
            // Push: a new batch, or (one time in ten) the last one again, as after a lost answer.
            // Paced devices have something to send one round in four.
            let pushing = options.pace == 0 || Int.random(in: 0..<4, using: &random) == 0
            let resend = !lastBatch.isEmpty && Int.random(in: 0..<10, using: &random) == 0
            var batch = lastBatch
            if pushing && !resend {
                batch = (0..<Int.random(in: 1...4, using: &random)).map { _ in
                    counter += 1
                    let id = "load-\(number)-\(counter)"
                    let stamp = String(format: "%016lld-%05d-%@", Int64(Date().timeIntervalSince1970 * 1000), counter, deviceID)
                    return ["op_id": "\(deviceID):\(counter)", "kind": "post.create", "entity_id": id, "hlc": stamp,
                            "payload": ["id": id, "thread_id": threads[Int.random(in: 0..<threads.count, using: &random)],
                                        "body": "Load test post \(counter) from device \(number)."]]
                }
            }
            lastBatch = batch
            if pushing { push(batch, resend: resend, device: deviceID, token: token, http: http, into: &result) }
            // Pull what is new, page by page.
            var more = true
            while more && Date() < deadline {
                let pullStarted = Date()
                do {
                    let reply = try http.request("GET", "/api/v1/sync/pull?since=\(cursor)&limit=500",
                                                 headers: ["Accept-Encoding": "gzip"], token: token)
                    result.requests += 1
                    result.pullLatencies.append(Date().timeIntervalSince(pullStarted))
                    result.bytesIn += reply.rawBody.count
                    guard reply.status == 200 else { result.errors.append("pull \(reply.status)"); break }
                    // The page ends with `"more":…,"next":N}`: read just that, as a client that
                    // stores the page would not parse it twice.
                    let tail = String(decoding: reply.body.suffix(64), as: UTF8.self)
                    guard let nextRange = tail.range(of: "\"next\":"), let next = Int(tail[nextRange.upperBound...].prefix { $0.isNumber })
                    else { result.errors.append("pull: no cursor"); break }
                    cursor = next
                    more = tail.contains("\"more\":true")
                } catch {
                    result.errors.append("pull: \(error)")
                    break
                }
            }
            if options.pace > 0 { pause(options.pace * Double.random(in: 0.5...1.5, using: &random), before: deadline) }
        }
        return result
    }

    /// One push; records the latency and checks every answer against what was sent.
    func push(_ batch: [[String: Any]], resend: Bool, device: String, token: String, http: HTTPClient, into result: inout DeviceResult) {
        let started = Date()
        do {
            let reply = try http.json("POST", "/api/v1/sync/push", ["schema": 1, "device_id": device, "ops": batch],
                                      token: token, headers: ["Accept-Encoding": "gzip"])
            result.requests += 1
            result.pushLatencies.append(Date().timeIntervalSince(started))
            guard reply.status == 200 else { result.errors.append("push \(reply.status) \(reply.errorCode ?? "")"); return }
            for answer in try reply.json()["results"] as? [[String: Any]] ?? [] {
                let status = answer["status"] as? String
                let op = answer["op_id"] as? String ?? ""
                let entity = batch.first { $0["op_id"] as? String == op }?["entity_id"] as? String ?? ""
                switch status {
                case "applied" where !resend: result.applied.insert(entity)
                case "duplicate" where resend: result.duplicatesAnswered += 1
                default: result.errors.append("op \(op): \(status ?? "?") \(answer["code"] as? String ?? "") (resend: \(resend))")
                }
            }
        } catch {
            result.errors.append("push: \(error)")
        }
    }

    /// Sleeps for `seconds`, or until the deadline if that comes first.
    func pause(_ seconds: Double, before deadline: Date) {
        let left = deadline.timeIntervalSinceNow
        if left > 0 { Thread.sleep(forTimeInterval: min(seconds, left)) }
    }

    func login(_ http: HTTPClient, account: Int) throws -> String {
        let reply = try http.json("POST", "/api/v1/session", ["username": "load\(account)", "password": "load password \(account)"])
        guard reply.status == 200, let token = try reply.json()["token"] as? String else {
            throw HTTPWireError(message: "login load\(account): \(reply.status) \(reply.text)")
        }
        return token
    }

    /// Ids of every record the log holds (for the exactly-once check).
    func pullAll(_ http: HTTPClient, token: String) throws -> [String] {
        var cursor = 0, ids: [String] = []
        while true {
            let page = try http.request("GET", "/api/v1/sync/pull?since=\(cursor)&limit=1000", token: token).json()
            ids += (page["changes"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            cursor = page["next"] as? Int ?? cursor
            if page["more"] as? Bool != true { return ids }
        }
    }

    /// Threads open for replies, and the head of the log.
    func openThreads(_ http: HTTPClient, token: String) throws -> ([String], Int) {
        var cursor = 0, threads: [String] = []
        while true {
            let page = try http.request("GET", "/api/v1/sync/pull?since=\(cursor)&limit=1000", token: token).json()
            for change in page["changes"] as? [[String: Any]] ?? [] where change["kind"] as? String == "thread" {
                if (change["data"] as? [String: Any])?["locked"] as? Bool == false, let id = change["id"] as? String { threads.append(id) }
            }
            cursor = page["next"] as? Int ?? cursor
            if page["more"] as? Bool != true { return (threads, cursor) }
        }
    }

    // MARK: Processes

    static func runQuietly(_ program: String, _ arguments: [String], input: String? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try? stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw HTTPWireError(message: "\(program) \(arguments.first ?? "") failed") }
    }

    static func spawn(_ program: String, _ arguments: [String], stderr: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        guard posix_spawn(&pid, program, &actions, nil, argv, environ) == 0 else { throw HTTPWireError(message: "cannot start rrcd") }
        return pid
    }

    static func waitForPort(_ log: String) throws -> UInt16 {
        for _ in 0..<500 {
            if let text = try? String(contentsOfFile: log, encoding: .utf8), let range = text.range(of: "listening on http://127.0.0.1:"),
               let port = UInt16(text[range.upperBound...].prefix { $0.isNumber }) {
                return port
            }
            usleep(20_000)
        }
        throw HTTPWireError(message: "rrcd did not start")
    }

    /// User plus system CPU seconds of a process (from /proc).
    static func cpuSeconds(of pid: pid_t) -> Double {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return 0 }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Peak resident memory of a process (Linux `VmHWM`), in MiB.
    static func peakMemoryMiB(of pid: pid_t) -> Double { Measurements.peakMemoryMiB(process: "\(pid)") }

    static func percentile(_ values: [Double], _ p: Double) -> Double { Measurements.percentile(values, p) }
    static func machine() -> String { Measurements.machine() }
}
