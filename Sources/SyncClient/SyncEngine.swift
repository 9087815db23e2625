// The sync engine: push the outbox in causal order in ≤ 64 KiB batches, store every answer,
// then pull pages (each applied with its cursor in one transaction). Network only here.
import ClientStore
import Compression
import ContentPack
import Foundation
import HTTPTransport
import SyncProtocol

public final class SyncEngine {
    let store: ClientStore
    let transport: Transport
    let server: String
    let token: String
    var scope: PullScope
    /// Narrow the scope to the followed forums at each sync (the user can change them any time).
    public var followForums = true
    public var pageSize = 500

    public init(store: ClientStore, transport: Transport, server: String, token: String, scope: PullScope = PullScope()) {
        self.store = store
        self.transport = transport
        self.server = server.hasSuffix("/") ? String(server.dropLast()) : server
        self.token = token
        self.scope = scope
    }

    /// The cursor's key: one per scope, so narrowing or widening it starts that scope afresh.
    var scopeKey: String {
        (scope.languages.map { "lang:\($0)" } + scope.forums.map { "forum:\($0)" }).joined(separator: ",")
    }

    /// Whether the server answers at all (a few bytes, no login).
    public func ping() -> Bool {
        (try? transport.send(TransportRequest(method: "GET", url: server + "/api/v1/ping")))?.status == 200
    }

    public func sync() throws -> SyncReport {
        var report = SyncReport()
        if followForums { scope.forums = try store.followedForums() }
        try push(&report)
        try pull(&report)
        report.stillQueued = try store.opsToSend(maxBytes: .max).count
        // A first sync writes as much as an import: leave the store at rest for the next start.
        if report.pulled >= 5_000 { try? store.checkpoint() }
        return report
    }

    // MARK: Push

    func push(_ report: inout SyncReport) throws {
        var sentBefore = Set<String>()
        while true {
            let ops = try store.opsToSend()
            // Stop when nothing is left or only ops this round already sent remain (never loop).
            guard !ops.isEmpty, !ops.allSatisfy({ sentBefore.contains($0.opID) }) else { return }
            try store.markSending(ops.map(\.opID))
            let body = try JSONEncoder().encode(PushRequest(deviceID: try store.deviceID(), ops: ops))
            let compressed = body.count > 1024
            let response = try send("POST", "/api/v1/sync/push", body: compressed ? Gzip.compress(body) : body,
                                    headers: compressed ? ["Content-Encoding": "gzip"] : [:], report: &report)
            let answer: PushResponse = try decode(response)
            let summary = try store.record(answer.results)
            report.pushed += ops.count
            report.applied += summary.applied
            report.duplicates += summary.duplicates
            report.conflicts += summary.conflicts
            report.rejected += summary.rejected
            sentBefore.formUnion(ops.map(\.opID))
        }
    }

    // MARK: Pull

    func pull(_ report: inout SyncReport) throws {
        var cursor = try store.cursor(scope: scopeKey)
        var scopeQuery = scopeKey
        scopeQuery = scopeQuery.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+"))) ?? ""
        while true {
            let since = cursor?.lastSeq ?? 0
            let response = try send("GET", "/api/v1/sync/pull?since=\(since)&limit=\(pageSize)&scope=\(scopeQuery)", body: nil,
                                    headers: [:], report: &report)
            let page: PullResponse
            do { page = try PullResponse(json: response.body) } catch { throw SyncFailure.unreadable("\(error)") }
            if let known = cursor?.epoch, known != page.epoch {
                // Restored from a backup: start again from nothing, re-send what it lacks.
                report.epochChanged = true
                try store.startOver(scope: scopeKey)
                cursor = nil
                try push(&report)
                continue
            }
            try store.apply(page, scope: scopeKey)
            report.pulled += page.changes.count
            cursor = SyncCursor(epoch: page.epoch, lastSeq: page.next)
            if !page.more { return }
        }
    }

    // MARK: Files

    /// Fetches an attachment into `folder/<sha256>`, resuming a `.part` left by a cut transfer,
    /// and keeps it only when its SHA-256 is right.
    public func fetchFile(sha256: String, into folder: URL,
                          verify: (URL) throws -> String = { AttachmentHasher.sha256(of: $0)?.sha256 ?? "" }) throws -> URL {
        // The name comes from pulled data: it becomes a path and a URL only when it is a digest.
        guard sha256.utf8.count == 64, sha256.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else {
            throw SyncFailure.unreadable("'\(sha256.prefix(80))' is not a SHA-256 digest")
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let final = folder.appendingPathComponent(sha256)
        if FileManager.default.fileExists(atPath: final.path) { return final }
        let part = folder.appendingPathComponent(sha256 + ".part")
        let result: (status: Int, bytes: Int)
        do {
            result = try transport.download(server + "/api/v1/files/\(sha256)", headers: ["Authorization": "Bearer \(token)"], into: part)
        } catch let error as TransportError {
            throw SyncFailure.offline(error.description)
        }
        guard result.status == 200 || result.status == 206 else {
            if result.status == 416 { try? FileManager.default.removeItem(at: part) }
            throw SyncFailure.server(status: result.status, code: "download", message: "the file could not be fetched")
        }
        guard try verify(part) == sha256 else {
            try? FileManager.default.removeItem(at: part)
            throw SyncFailure.unreadable("the downloaded file does not match its SHA-256; it will be fetched again")
        }
        try FileManager.default.moveItem(at: part, to: final)
        return final
    }

    /// Fetches attachments not yet here, library order, while they fit in `budget` bytes
    /// (counting what is already kept). Returns how many files and bytes came.
    @discardableResult
    public func fetchFiles(into folder: URL, budget: Int) throws -> (files: Int, bytes: Int) {
        var used = ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.fileSizeKey])) ?? [])
            .reduce(0) { $0 + ((try? $1.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0) }
        var fetched = (files: 0, bytes: 0)
        for file in try store.attachmentFiles() where used + file.size <= budget {
            guard !FileManager.default.fileExists(atPath: folder.appendingPathComponent(file.sha256).path) else { continue }
            _ = try fetchFile(sha256: file.sha256, into: folder)
            used += file.size
            fetched.files += 1
            fetched.bytes += file.size
        }
        return fetched
    }

    // MARK: Requests

    func send(_ method: String, _ path: String, body: Data?, headers: [String: String], report: inout SyncReport) throws -> TransportResponse {
        var allHeaders = headers
        allHeaders["Authorization"] = "Bearer \(token)"
        allHeaders["Content-Type"] = body == nil ? nil : "application/json"
        let response: TransportResponse
        do {
            response = try transport.send(TransportRequest(method: method, url: server + path, headers: allHeaders, body: body))
        } catch let error as TransportError {
            throw SyncFailure.offline(error.description)
        }
        report.requests += 1
        report.connections += response.connectionsOpened
        report.bytesOut += response.bytesSent
        report.bytesIn += response.bytesReceived
        switch response.status {
        case 200..<300:
            return response
        case 401:
            throw SyncFailure.sessionEnded
        default:
            let error = try? JSONDecoder().decode(ErrorResponse.self, from: response.body)
            throw SyncFailure.server(status: response.status, code: error?.error.code ?? "http_\(response.status)",
                                     message: error?.error.message ?? "no explanation given")
        }
    }

    func decode<T: Decodable>(_ response: TransportResponse) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: response.body)
        } catch {
            throw SyncFailure.unreadable("\(error)")
        }
    }
}
