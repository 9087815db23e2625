// rrcd serve: the API on libmicrohttpd until SIGTERM or SIGINT, then a graceful stop.
import Foundation
import Server

enum ServeCommand {
    static func run(_ arguments: Arguments) throws -> Int32 {
        try arguments.only("--db", "--listen", "--threads", "--body-limit")
        let path = try arguments.require("--db")
        guard FileManager.default.fileExists(atPath: path) else {
            throw Failure("no database at \(path); create one with: rrcd init --db \(path)", status: 1)
        }
        var options = HTTPServer.Options()
        let listen = arguments.options["--listen"] ?? "127.0.0.1:8480"
        let parts = listen.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, let port = UInt16(parts[1]) else { throw Failure("--listen takes HOST:PORT, e.g. 127.0.0.1:8480") }
        options.host = parts[0].isEmpty ? "127.0.0.1" : parts[0]
        options.port = port
        if let threads = arguments.options["--threads"] {
            guard let count = Int(threads), (1...64).contains(count) else { throw Failure("--threads takes 1…64") }
            options.threads = count
        }
        if let limit = arguments.options["--body-limit"] {
            guard let bytes = Int(limit), bytes >= 1024 else { throw Failure("--body-limit takes a number of bytes ≥ 1024") }
            options.bodyLimit = bytes
        }
        let api = API(pool: try StorePool(path: path), bodyLimit: options.bodyLimit)

        // Block the stop signals in every thread (the server's inherit this mask), then wait for one.
        var stopSignals = sigset_t()
        sigemptyset(&stopSignals)
        sigaddset(&stopSignals, SIGTERM)
        sigaddset(&stopSignals, SIGINT)
        pthread_sigmask(SIG_BLOCK, &stopSignals, nil)
        signal(SIGPIPE, SIG_IGN)

        let log: @Sendable (String) -> Void = { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
        let server = HTTPServer(options: options, log: log) { api.respond(to: $0) }
        do {
            try server.start()
        } catch {
            throw Failure("\(error)", status: 1)
        }
        log("rrcd: listening on http://\(options.host):\(server.port) (database \(path))")
        var received: Int32 = 0
        sigwait(&stopSignals, &received)
        log("rrcd: stopping (signal \(received)); finishing \(server.requestsInFlight) request(s) in flight")
        server.stop()
        log("rrcd: stopped")
        return 0
    }
}
