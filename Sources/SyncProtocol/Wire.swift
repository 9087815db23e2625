// The sync protocol's messages (SYNC.md "Push", "Pull"): what client and server send each
// other, as plain Codable values both ends share, so they agree on the wire by construction.
import Foundation

public enum ProtocolVersion {
    /// Sent by clients in every push; a server that cannot apply a version answers so.
    public static let current = 1
}

/// One change a client made offline.
public struct PushOp: Codable, Equatable, Sendable {
    public var opID: String
    public var kind: String
    public var entityID: String
    public var baseVersion: Int?
    public var hlc: String
    public var payload: JSONValue

    public init(opID: String, kind: String, entityID: String, baseVersion: Int?, hlc: String, payload: JSONValue) {
        self.opID = opID; self.kind = kind; self.entityID = entityID; self.baseVersion = baseVersion
        self.hlc = hlc; self.payload = payload
    }

    enum CodingKeys: String, CodingKey {
        case kind, hlc, payload
        case opID = "op_id", entityID = "entity_id", baseVersion = "base_version"
    }
}

public struct PushRequest: Codable, Equatable, Sendable {
    public var schema: Int
    public var deviceID: String
    public var ops: [PushOp]

    public init(schema: Int = ProtocolVersion.current, deviceID: String, ops: [PushOp]) {
        self.schema = schema; self.deviceID = deviceID; self.ops = ops
    }

    enum CodingKeys: String, CodingKey {
        case schema, ops
        case deviceID = "device_id"
    }
}

/// A record as the change log carries it: its latest state (or a tombstone).
public struct ChangeRecord: Codable, Equatable, Sendable {
    public var seq: Int
    public var kind: String
    public var id: String
    public var version: Int
    public var deleted: Bool
    public var data: JSONValue

    public init(seq: Int, kind: String, id: String, version: Int, deleted: Bool, data: JSONValue) {
        self.seq = seq; self.kind = kind; self.id = id; self.version = version; self.deleted = deleted; self.data = data
    }
}

public enum OpStatus: String, Codable, Sendable {
    case applied, duplicate, conflict, rejected
}

/// The server's answer to one op.
public struct OpResult: Codable, Equatable, Sendable {
    public var opID: String
    public var status: OpStatus
    public var serverSeq: Int?
    public var record: ChangeRecord?
    /// For a rejection: a stable code (`thread_locked`, `forbidden`, …) and a sentence.
    public var code: String?
    public var message: String?
    /// For a conflict: the HLC of the revision that won (both revisions are kept).
    public var winner: String?

    public init(opID: String, status: OpStatus, serverSeq: Int? = nil, record: ChangeRecord? = nil,
                code: String? = nil, message: String? = nil, winner: String? = nil) {
        self.opID = opID; self.status = status; self.serverSeq = serverSeq; self.record = record
        self.code = code; self.message = message; self.winner = winner
    }

    enum CodingKeys: String, CodingKey {
        case status, record, code, message, winner
        case opID = "op_id", serverSeq = "server_seq"
    }
}

public struct PushResponse: Codable, Equatable, Sendable {
    public var results: [OpResult]
    public init(results: [OpResult]) { self.results = results }
}

public struct PullResponse: Codable, Equatable, Sendable {
    /// Changes when the server's database was restored: the client then re-snapshots.
    public var epoch: String
    public var changes: [ChangeRecord]
    /// The `since` for the next page.
    public var next: Int
    public var more: Bool

    public init(epoch: String, changes: [ChangeRecord], next: Int, more: Bool) {
        self.epoch = epoch; self.changes = changes; self.next = next; self.more = more
    }

    /// A page read from JSON text through `JSONValue.parse`, not Codable: a first sync
    /// reads hundreds of thousands of records, and Codable's way of decoding their free-form
    /// `data` cost a third of the client's time.
    public init(json data: Data) throws {
        let value = try JSONValue.parse(data, maxDepth: 64)
        func wrong(_ what: String) -> RequestProblem { RequestProblem(code: "invalid_page", message: "the page's \(what) is missing or of the wrong type") }
        guard let epoch = value["epoch"]?.string else { throw wrong("epoch") }
        guard let next = value["next"]?.int else { throw wrong("next") }
        guard let more = value["more"]?.bool else { throw wrong("more") }
        guard case .array(let items) = value["changes"] ?? .null else { throw wrong("changes") }
        let changes = try items.map { item -> ChangeRecord in
            guard let seq = item["seq"]?.int, let kind = item["kind"]?.string, let id = item["id"]?.string,
                  let version = item["version"]?.int, let deleted = item["deleted"]?.bool, let data = item["data"] else {
                throw wrong("change record")
            }
            return ChangeRecord(seq: seq, kind: kind, id: id, version: version, deleted: deleted, data: data)
        }
        self.init(epoch: epoch, changes: changes, next: next, more: more)
    }
}

public struct SessionResponse: Codable, Equatable, Sendable {
    public var token: String
    public var user: UserInfo
    public init(token: String, user: UserInfo) { self.token = token; self.user = user }
}

public struct UserInfo: Codable, Equatable, Sendable {
    public var id: String
    public var username: String
    public var displayName: String
    public var role: String

    public init(id: String, username: String, displayName: String, role: String) {
        self.id = id; self.username = username; self.displayName = displayName; self.role = role
    }

    enum CodingKeys: String, CodingKey {
        case id, username, role
        case displayName = "display_name"
    }
}

public struct ErrorResponse: Codable, Equatable, Sendable {
    public struct Detail: Codable, Equatable, Sendable {
        public var code: String
        public var message: String
    }
    public var error: Detail
    public init(code: String, message: String) { error = Detail(code: code, message: message) }
}
