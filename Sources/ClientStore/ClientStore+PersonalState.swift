// Personal state: read marks and checklist ticks (the sync issue merges them by HLC).
import Foundation
import Storage

extension ClientStore {
    /// A sortable time stamp for personal-state writes until the sync engine's HLC arrives.
    static func localStamp() -> String {
        ISO8601DateFormatter().string(from: Date())
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
        try database.run("""
            INSERT INTO read_marks (item_kind, item_id, read, hlc) VALUES ('thread', ?, 1, ?)
            ON CONFLICT(item_kind, item_id) DO UPDATE SET read = 1, hlc = excluded.hlc
            """, id, Self.localStamp())
    }

    /// Ticked checklist items of a guide, as (section, item) positions.
    public func ticks(guide id: String) throws -> Set<ChecklistPosition> {
        Set(try database.all("""
            SELECT section_position, item_position FROM checklist_ticks WHERE guide_id = ? AND ticked = 1
            """, id) { ChecklistPosition(section: $0[0], item: $0[1]) })
    }

    public func setTick(guide id: String, at position: ChecklistPosition, ticked: Bool) throws {
        try database.run("""
            INSERT INTO checklist_ticks (guide_id, section_position, item_position, ticked, hlc) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(guide_id, section_position, item_position) DO UPDATE SET ticked = excluded.ticked, hlc = excluded.hlc
            """, id, position.section, position.item, ticked, Self.localStamp())
    }
}

public struct ChecklistPosition: Hashable, Sendable {
    public var section: Int
    public var item: Int
    public init(section: Int, item: Int) { self.section = section; self.item = item }
}
