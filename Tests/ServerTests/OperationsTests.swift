// The rrcd commands and personal state: accounts from the command line, backups with a new
// epoch, last-writer-wins personal records that only their owner receives.
import Foundation
import TestSupport
import Testing

@Suite struct OperationsTests {
    @Test func accountsAreManagedFromTheCommandLineWithClearErrors() throws {
        let server = try ServerProcess()
        try server.addUser("ana", role: "member", password: "long enough password")
        let list = try server.command(["user", "list"])
        #expect(list.status == 0 && list.stdout.contains("ana\tmember\tactive"))
        let duplicate = try server.command(["user", "add", "ANA", "--role", "member", "--password-stdin"], input: "another password\n")
        #expect(duplicate.status == 1 && duplicate.stderr.contains("taken"))
        let weak = try server.command(["user", "add", "bo", "--role", "member", "--password-stdin"], input: "short\n")
        #expect(weak.status == 1 && weak.stderr.contains("at least 8"))
        let role = try server.command(["user", "add", "cy", "--role", "king", "--password-stdin"], input: "long enough password\n")
        #expect(role.status == 2 && role.stderr.contains("--role is one of"))
        let typo = try server.command(["user", "list", "--colour", "red"])
        #expect(typo.status == 2 && typo.stderr.contains("unknown option --colour"))
        let missing = try ProgramRun.run("rrcd", ["serve", "--db", "/nonexistent/x.db"])
        #expect(missing.status == 1 && missing.stderr.contains("rrcd init"))
    }

    @Test func aBackupIsAnOnlineCopyWithItsOwnEpoch() throws {
        let fixture = try ServerFixture(users: [("ana", "member")])
        let epoch = try fixture.http.request("GET", "/api/v1/health").json()["epoch"] as? String
        let copy = fixture.server.folder.url.appendingPathComponent("backup.db").path
        #expect(try fixture.server.command(["backup", "--out", copy]).status == 0)
        // It holds the password and session hashes: readable by rrcd's user alone.
        let mode = try FileManager.default.attributesOfItem(atPath: copy)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let nowhere = try fixture.server.command(["backup", "--out", "/nonexistent/folder/backup.db"])
        #expect(nowhere.status == 1 && nowhere.stderr.contains("/nonexistent/folder/backup.db") && !nowhere.stderr.contains("SQLite"))
        let again = try fixture.server.command(["backup", "--out", copy])
        #expect(again.status == 1 && again.stderr.contains("exists"))
        let restored = try ProgramRun.run("rrcd", ["user", "list", "--db", copy])
        #expect(restored.stdout.contains("ana"))
        // A server restored from the copy has another epoch, so clients re-snapshot.
        let backupServer = try ServerProcessOnFile(copy)
        #expect(try backupServer.epoch() != epoch)
    }

    @Test func personalStateIsLastWriterWinsAndPrivate() throws {
        let fixture = try ServerFixture(users: [("ana", "member"), ("ben", "member")])
        let ana = try fixture.login("ana"), ben = try fixture.login("ben")
        let key = "bookmark:resource:left-behind-study-ro"
        let newer = try fixture.push([ServerFixture.op("a:1", "personal.set", entity: key, hlc: ServerFixture.stamp(2_000),
                                                       payload: ["key": key, "value": true])], token: ana)
        #expect(newer.first?["status"] as? String == "applied")
        let older = try fixture.push([ServerFixture.op("p:1", "personal.set", entity: key, hlc: ServerFixture.stamp(1_000, device: "phone"),
                                                       payload: ["key": key, "value": false])], token: ana, device: "phone")
        #expect(older.first?["status"] as? String == "conflict")
        let mine = try fixture.pullAll(token: ana).changes.filter { $0["kind"] as? String == "personal" }
        #expect(mine.count == 1 && (mine.first?["data"] as? [String: Any])?["value"] as? Bool == true)
        #expect(try fixture.pullAll(token: ben).changes.allSatisfy { $0["kind"] as? String != "personal" })
    }
}

/// rrcd serving an existing database file (a restored backup).
final class ServerProcessOnFile {
    let process: ServerProcess
    init(_ path: String) throws {
        process = try ServerProcess()
        try FileManager.default.removeItem(atPath: process.database)
        try FileManager.default.copyItem(atPath: path, toPath: process.database)
        try process.start()
    }
    func epoch() throws -> String? {
        try process.client().request("GET", "/api/v1/health").json()["epoch"] as? String
    }
}
