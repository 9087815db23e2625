// Sync in the background of the interface, on its own thread with its own store connection:
// with posts queued it probes the server (GET ping) with exponential backoff and jitter
// (2 s … 5 min) and syncs the moment it answers; `syncNow` skips the wait; `fetch` brings
// attachments the user asked for, beyond the offline budget. The interface never waits on
// it: it reads `updates()` between keys.
import ClientStore
import Foundation

public final class SyncWorker: @unchecked Sendable {
    public enum Update: Equatable, Sendable {
        /// The ping got no answer: queued posts wait for the next probe.
        case offline
        case syncing
        case finished(SyncReport)
        case failed(SyncFailure)
        /// An attachment asked for with `fetch` is here, checked against its SHA-256.
        case fileFetched(String)
        case fileFailed(String, SyncFailure)
    }

    let makeEngine: () throws -> SyncEngine
    private let condition = NSCondition()
    private var requested = true  // a first sync at start
    private var stopped = false
    private var pending: [Update] = []
    /// Attachments asked for, by SHA-256, not yet fetched.
    private var wanted: [String] = []
    private var thread: Thread?
    /// How often to look for new content with nothing queued (seconds).
    public var idleInterval: TimeInterval = 15 * 60

    /// Where attachments go and how many bytes of them to keep offline.
    let files: (folder: URL, budget: Int)?

    /// `makeEngine` runs on the worker's thread (SQLite connections stay on one thread).
    public init(files: (folder: URL, budget: Int)? = nil, makeEngine: @escaping () throws -> SyncEngine) {
        self.files = files
        self.makeEngine = makeEngine
    }

    public func start() {
        let thread = Thread { [self] in self.run() }
        thread.name = "rrc-sync"
        self.thread = thread
        thread.start()
    }

    public func syncNow() {
        condition.lock()
        requested = true
        condition.signal()
        condition.unlock()
    }

    /// Fetches these attachments as soon as the server answers, whatever the budget.
    public func fetch(_ sha256s: [String]) {
        condition.lock()
        wanted += sha256s.filter { !wanted.contains($0) }
        condition.signal()
        condition.unlock()
    }

    private func takeWanted() -> [String] {
        condition.lock()
        defer { wanted = []; condition.unlock() }
        return wanted
    }

    public func stop() {
        condition.lock()
        stopped = true
        // The thread holds this worker through its closure; holding the thread back made a
        // cycle, and the worker with its engine (and a test's server) outlived the stop.
        thread = nil
        condition.signal()
        condition.unlock()
    }

    /// What happened since the last call.
    public func updates() -> [Update] {
        condition.lock()
        defer { pending = []; condition.unlock() }
        return pending
    }

    private func post(_ update: Update) {
        condition.lock()
        pending.append(update)
        condition.unlock()
    }

    /// Waits up to `seconds` or until asked to sync or stop; true when asked to sync.
    private func wait(_ seconds: TimeInterval) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date().addingTimeInterval(seconds)
        while !requested && !stopped && wanted.isEmpty && condition.wait(until: deadline) {}
        let asked = requested
        requested = false
        return asked
    }

    private var isStopped: Bool {
        condition.lock(); defer { condition.unlock() }
        return stopped
    }

    private func run() {
        let engine: SyncEngine
        do {
            engine = try makeEngine()
        } catch {
            post(.failed(.local("\(error)")))
            return
        }
        var backoff: TimeInterval = 2
        var asked = wait(0)
        var lastSync = Date.distantPast
        while !isStopped {
            fetchWanted(engine)
            let queued = ((try? engine.store.opsToSend(maxBytes: .max).count) ?? 0) > 0
            if asked || queued || Date().timeIntervalSince(lastSync) > idleInterval {
                if !engine.ping() {
                    post(.offline)
                    // Exponential backoff with jitter, so a room of laptops does not knock at once.
                    let delay = backoff * Double.random(in: 0.8...1.2)
                    backoff = min(backoff * 2, 300)
                    asked = wait(delay)
                    continue
                }
                post(.syncing)
                do {
                    let report = try engine.sync()
                    post(.finished(report))
                    if let files { _ = try? engine.fetchFiles(into: files.folder, budget: files.budget) }
                    backoff = 2
                    lastSync = Date()
                } catch {
                    post(.failed(error as? SyncFailure ?? .local("\(error)")))
                    let delay = backoff * Double.random(in: 0.8...1.2)
                    backoff = min(backoff * 2, 300)
                    asked = wait(delay)
                    continue
                }
            }
            asked = wait(queued ? 2 : 30)
        }
    }

    /// The attachments the user asked for, one by one; each one's outcome is reported.
    private func fetchWanted(_ engine: SyncEngine) {
        let wanted = takeWanted()
        guard !wanted.isEmpty else { return }
        guard let files else {
            for sha256 in wanted { post(.fileFailed(sha256, .local("there is no attachments folder"))) }
            return
        }
        guard engine.ping() else {
            for sha256 in wanted { post(.fileFailed(sha256, .offline("the server cannot be reached"))) }
            return
        }
        for sha256 in wanted where !isStopped {
            do {
                _ = try engine.fetchFile(sha256: sha256, into: files.folder)
                post(.fileFetched(sha256))
            } catch {
                post(.fileFailed(sha256, error as? SyncFailure ?? .local("\(error)")))
            }
        }
    }
}
