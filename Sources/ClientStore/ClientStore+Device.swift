// Small facts of this install kept in the `device` table: its id, the op counter, the
// hybrid clock and the account writing from it.
import Foundation
import Model
import Storage

extension ClientStore {
    /// Who writes from this install. Until an account logs in (the sync issue), a local
    /// placeholder; the server sets the true author from the token anyway.
    public static let localAuthorPlaceholder = "me"

    func deviceValue(_ key: String) throws -> String? {
        try database.scalar("SELECT value FROM device WHERE key = ?", key, as: String.self)
    }

    func setDeviceValue(_ key: String, _ value: String) throws {
        try database.run("""
            INSERT INTO device (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value
            """, key, value)
    }

    /// This install's id, made on first use.
    public func deviceID() throws -> String {
        if let id = try deviceValue("device_id") { return id }
        let id = UUID().uuidString.lowercased()
        try setDeviceValue("device_id", id)
        return id
    }

    public func localAuthorID() throws -> String {
        try deviceValue("user_id") ?? Self.localAuthorPlaceholder
    }

    /// The next op id and its sequence number; call inside the write's transaction.
    func nextOp() throws -> (id: String, seq: Int) {
        let counter = (Int(try deviceValue("op_counter") ?? "0") ?? 0) + 1
        try setDeviceValue("op_counter", String(counter))
        return ("\(try deviceID()):\(counter)", counter)
    }

    /// The clock's next stamp for a local event; call inside the write's transaction.
    func nextStamp(now: Date = Date()) throws -> HybridTimestamp {
        let last = try deviceValue("hlc").flatMap(HybridTimestamp.init)
        let stamp = HybridTimestamp.next(after: last, now: Int64(now.timeIntervalSince1970 * 1000), device: try deviceID())
        try setDeviceValue("hlc", stamp.description)
        return stamp
    }

    static func isoNow(_ date: Date = Date()) -> String {
        UTCTimestamp.string(date)
    }
}
