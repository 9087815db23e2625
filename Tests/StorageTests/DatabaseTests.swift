// The SQLite wrapper: typed values, transactions, errors, file settings.
import Foundation
import Storage
import TestSupport
import Testing

struct DatabaseTests {
    let db: Database

    init() throws {
        db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, title TEXT NOT NULL UNIQUE, score REAL, data BLOB, flag INTEGER)")
    }

    func count() throws -> Int { try db.scalar("SELECT count(*) FROM notes") ?? -1 }

    @Test func typedValuesRoundTripExactly() throws {
        let title = "Știință, Shqipëri, država, Защита\u{0}после NUL"
        let blob = Data([0, 1, 2, 255])
        try db.run("INSERT INTO notes (title, score, data, flag) VALUES (?, ?, ?, ?)", title, 2.5, blob, true)
        let row = try #require(try db.first("SELECT title, score, data, flag, id FROM notes") { row in
            (row[0] as String, row[1] as Double, row[2] as Data, row[3] as Bool, row["id"] as Int64)
        })
        #expect(Array(row.0.utf8) == Array(title.utf8))
        #expect(row.1 == 2.5)
        #expect(row.2 == blob)
        #expect(row.3 == true)
        #expect(row.4 == 1)
    }

    @Test func nullReadsAsNilForOptionalsAndZeroOtherwise() throws {
        try db.run("INSERT INTO notes (title, score) VALUES (?, ?)", "empty", Optional<Double>.none)
        let values = try #require(try db.first("SELECT score, score, data FROM notes") { row in
            (row[0] as Double?, row[1] as Double, row[2] as Data?)
        })
        #expect(values.0 == nil)
        #expect(values.1 == 0)
        #expect(values.2 == nil)
        #expect(try db.scalar("SELECT title FROM notes WHERE id = ?", 99, as: String.self) == nil)
    }

    @Test func emptyTextIsStoredAsTextNotNull() throws {
        try db.run("INSERT INTO notes (title) VALUES (?)", "")
        #expect(try db.scalar("SELECT typeof(title) FROM notes", as: String.self) == "text")
    }

    @Test func transactionCommitsWhenBodyReturns() throws {
        try db.transaction { try db.run("INSERT INTO notes (title) VALUES (?)", "kept") }
        #expect(try count() == 1)
        #expect(!db.isInTransaction)
    }

    @Test func transactionRollsBackWhenBodyThrows() throws {
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try db.transaction {
                try db.run("INSERT INTO notes (title) VALUES (?)", "lost")
                throw Boom()
            }
        }
        #expect(try count() == 0)
        #expect(!db.isInTransaction)
    }

    @Test func innerFailureUndoesOnlyTheInnerWork() throws {
        try db.transaction {
            try db.run("INSERT INTO notes (title) VALUES (?)", "outer")
            _ = try? db.savepoint {
                try db.run("INSERT INTO notes (title) VALUES (?)", "inner")
                try db.run("INSERT INTO notes (title) VALUES (?)", "outer")  // UNIQUE violation
            }
        }
        #expect(try db.all("SELECT title FROM notes") { $0[0] as String } == ["outer"])
    }

    @Test func errorsCarrySQLitesMessage() throws {
        let syntax = #expect(throws: DatabaseError.self) { try db.run("SELEC nothing") }
        #expect(syntax?.message.contains("syntax error") == true)
        #expect(syntax?.sql == "SELEC nothing")

        try db.run("INSERT INTO notes (title) VALUES (?)", "one")
        let unique = #expect(throws: DatabaseError.self) { try db.run("INSERT INTO notes (title) VALUES (?)", "one") }
        #expect(unique?.isConstraintViolation == true)
        #expect(unique?.message.contains("UNIQUE constraint failed: notes.title") == true)
    }

    @Test func wrongArgumentCountIsAnErrorNotAGuess() throws {
        let error = #expect(throws: DatabaseError.self) { try db.run("INSERT INTO notes (title) VALUES (?)") }
        #expect(error?.message.contains("takes 1 argument") == true)
    }

    @Test func cachedStatementsRunAgainWithNewArguments() throws {
        for title in ["a", "b", "c"] { try db.run("INSERT INTO notes (title) VALUES (?)", title) }
        let titles = try db.all("SELECT title FROM notes WHERE title > ? ORDER BY title", "a") { $0[0] as String }
        #expect(titles == ["b", "c"])
        let again = try db.all("SELECT title FROM notes WHERE title > ? ORDER BY title", "b") { $0[0] as String }
        #expect(again == ["c"])
    }

    @Test func freshFileIsPrivateWalWithForeignKeysAndPassesIntegrityCheck() throws {
        let folder = TemporaryFolder()
        let path = folder.url.appendingPathComponent("store.sqlite").path
        let file = try Database(path: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try file.scalar("PRAGMA journal_mode", as: String.self) == "wal")
        #expect(try file.scalar("PRAGMA foreign_keys", as: Int.self) == 1)
        #expect(try file.integrityProblems().isEmpty)
    }
}
