// Schema migrations: ordered, each atomic with its version, never run twice, never downgraded.
import Foundation
import Storage
import TestSupport
import Testing

struct MigrationTests {
    static let v1 = Migration(version: 1, name: "notes", sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, title TEXT)")
    static let v2 = Migration(version: 2, name: "tags", sql: "ALTER TABLE notes ADD COLUMN tag TEXT")

    @Test func appliesPendingMigrationsInOrderOnce() throws {
        let db = try Database(path: ":memory:")
        try db.migrate([Self.v2, Self.v1])
        #expect(try db.userVersion == 2)
        try db.run("INSERT INTO notes (title, tag) VALUES (?, ?)", "x", "y")
        try db.migrate([Self.v1, Self.v2])  // again: nothing to do, no error
        #expect(try db.scalar("SELECT count(*) FROM notes", as: Int.self) == 1)
    }

    @Test func upgradesAFileWrittenByAnOlderVersion() throws {
        let folder = TemporaryFolder()
        let path = folder.url.appendingPathComponent("db.sqlite").path
        do {
            let old = try Database(path: path)
            try old.migrate([Self.v1])
            try old.run("INSERT INTO notes (title) VALUES (?)", "kept")
        }
        let db = try Database(path: path)
        try db.migrate([Self.v1, Self.v2])
        #expect(try db.userVersion == 2)
        #expect(try db.scalar("SELECT title FROM notes", as: String.self) == "kept")
    }

    @Test func failingMigrationLeavesTheLastWholeVersion() throws {
        let db = try Database(path: ":memory:")
        let broken = Migration(version: 2, name: "broken") { db in
            try db.execute("CREATE TABLE half_done (x)")
            try db.execute("THIS IS NOT SQL")
        }
        #expect(throws: DatabaseError.self) { try db.migrate([Self.v1, broken]) }
        #expect(try db.userVersion == 1)
        #expect(try db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'", as: Int.self) == 0)
    }

    @Test func refusesAFileFromANewerProgram() throws {
        let db = try Database(path: ":memory:")
        try db.migrate([Self.v1, Self.v2])
        let error = #expect(throws: DatabaseError.self) { try db.migrate([Self.v1]) }
        #expect(error?.message.contains("newer than this program knows") == true)
        #expect(try db.userVersion == 2)
    }
}
