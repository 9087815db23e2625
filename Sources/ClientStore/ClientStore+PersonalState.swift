// Personal state: read marks, checklist ticks (and bookmarks, in +Bookmarks). Each write
// also queues a `personal.set` op (one per key: a newer write replaces a waiting one), and
// the server's records merge back by HLC, last writer wins (SYNC.md).
import Foundation
import Model
import Storage
import SyncProtocol

extension ClientStore {
    /// Queues the personal-state op for `key`; call inside the write's transaction.
    func queuePersonal(_ key: String, _ value: Bool, stamp: HybridTimestamp) throws {
        let payload = String(decoding: try JSONEncoder().encode(PersonalPayload(key: key, value: value)), as: UTF8.self)
        if let waiting = try database.scalar("""
            SELECT op_id FROM outbox WHERE kind = 'personal.set' AND entity_id = ? AND state = 'queued'
            """, key, as: String.self) {
            try database.run("UPDATE outbox SET payload = ?, hlc = ? WHERE op_id = ?", payload, stamp.description, waiting)
            return
        }
        let op = try nextOp()
        try database.run("""
            INSERT INTO outbox (op_id, seq, kind, entity_id, payload, hlc, created_at) VALUES (?, ?, 'personal.set', ?, ?, ?, ?)
            """, op.id, op.seq, key, payload, stamp.description, Self.isoNow())
    }

    struct PersonalPayload: Codable { var key: String; var value: Bool }

    /// A personal record from the server, applied when newer than what is here and no op
    /// of ours waits on the key; the value it replaces is kept in `conflicts`.
    func apply(personal record: PersonalRecord) throws {
        guard let value = record.value.bool,
              try database.scalar("SELECT 1 FROM outbox WHERE kind = 'personal.set' AND entity_id = ? AND state <> 'applied'",
                                  record.key, as: Int.self) == nil else { return }
        let parts = record.key.split(separator: ":").map(String.init)
        switch parts.first {
        case "bookmark" where parts.count == 3:
            let local = try database.scalar("SELECT hlc FROM bookmarks WHERE item_kind = ? AND item_id = ?", parts[1], parts[2], as: String.self)
            guard local.map({ $0 < record.hlc }) ?? true else { return }
            try database.run("""
                INSERT INTO bookmarks (item_kind, item_id, active, created_at, hlc) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(item_kind, item_id) DO UPDATE SET active = excluded.active, hlc = excluded.hlc
                """, parts[1], parts[2], value, Self.isoNow(), record.hlc)
        case "tick" where parts.count == 4:
            guard let section = Int(parts[2]), let item = Int(parts[3]) else { return }
            let local = try database.scalar("""
                SELECT hlc FROM checklist_ticks WHERE guide_id = ? AND section_position = ? AND item_position = ?
                """, parts[1], section, item, as: String.self)
            guard local.map({ $0 < record.hlc }) ?? true else { return }
            try database.run("""
                INSERT INTO checklist_ticks (guide_id, section_position, item_position, ticked, hlc) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(guide_id, section_position, item_position) DO UPDATE SET ticked = excluded.ticked, hlc = excluded.hlc
                """, parts[1], section, item, value, record.hlc)
        case "read" where parts.count == 3:
            let local = try database.scalar("SELECT hlc FROM read_marks WHERE item_kind = ? AND item_id = ?", parts[1], parts[2], as: String.self)
            guard local.map({ $0 < record.hlc }) ?? true else { return }
            try database.run("""
                INSERT INTO read_marks (item_kind, item_id, read, hlc) VALUES (?, ?, ?, ?)
                ON CONFLICT(item_kind, item_id) DO UPDATE SET read = excluded.read, hlc = excluded.hlc
                """, parts[1], parts[2], value, record.hlc)
        default:
            break
        }
    }

    public func unreadThreadCount() throws -> Int {
        try database.scalar("""
            SELECT count(*) FROM threads t
            WHERE t.hidden = 0 AND NOT EXISTS (SELECT 1 FROM read_marks r WHERE r.item_kind = 'thread' AND r.item_id = t.id AND r.read = 1)
            """) ?? 0
    }

    public func isRead(thread id: String) throws -> Bool {
        try database.scalar("SELECT read FROM read_marks WHERE item_kind = 'thread' AND item_id = ?", id, as: Bool.self) ?? false
    }

    public func markRead(thread id: String) throws {
        guard try !isRead(thread: id) else { return }  // reading again changes nothing to sync
        try database.transaction {
            let stamp = try nextStamp()
            try database.run("""
                INSERT INTO read_marks (item_kind, item_id, read, hlc) VALUES ('thread', ?, 1, ?)
                ON CONFLICT(item_kind, item_id) DO UPDATE SET read = 1, hlc = excluded.hlc
                """, id, stamp.description)
            try queuePersonal("read:thread:\(id)", true, stamp: stamp)
        }
    }

    /// Ticked checklist items of a guide, as (section, item) positions.
    public func ticks(guide id: String) throws -> Set<ChecklistPosition> {
        Set(try database.all("""
            SELECT section_position, item_position FROM checklist_ticks WHERE guide_id = ? AND ticked = 1
            """, id) { ChecklistPosition(section: $0[0], item: $0[1]) })
    }

    public func setTick(guide id: String, at position: ChecklistPosition, ticked: Bool) throws {
        try database.transaction {
            let stamp = try nextStamp()
            try database.run("""
                INSERT INTO checklist_ticks (guide_id, section_position, item_position, ticked, hlc) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(guide_id, section_position, item_position) DO UPDATE SET ticked = excluded.ticked, hlc = excluded.hlc
                """, id, position.section, position.item, ticked, stamp.description)
            try queuePersonal("tick:\(id):\(position.section):\(position.item)", ticked, stamp: stamp)
        }
    }
}

public struct ChecklistPosition: Hashable, Sendable {
    public var section: Int
    public var item: Int
    public init(section: Int, item: Int) { self.section = section; self.item = item }
}
