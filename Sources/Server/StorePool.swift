// SQLite connections for the server's threads: one per request at a time, reused, never shared.
import Foundation
import ServerStore

public final class StorePool: @unchecked Sendable {
    let path: String
    private let lock = NSLock()
    private let writeLock = NSLock()
    private var idle: [ServerStore] = []

    public init(path: String) throws {
        self.path = path
        idle.append(try ServerStore(path: path, writeLock: writeLock))  // opens (and migrates) once, now
    }

    public func with<T>(_ body: (ServerStore) throws -> T) throws -> T {
        lock.lock()
        let store = idle.popLast()
        lock.unlock()
        let connection = try store ?? ServerStore(path: path, writeLock: writeLock)
        defer {
            lock.lock()
            idle.append(connection)
            lock.unlock()
        }
        return try body(connection)
    }
}
