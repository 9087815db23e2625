// rrcd backup --out FILE: an online copy (VACUUM INTO) with its own epoch.
import Foundation
import Storage

enum BackupCommand {
    static func run(_ arguments: Arguments) throws -> Int32 {
        try arguments.only("--db", "--out")
        let out = try arguments.require("--out")
        let store = try RRCDProgram.openStore(arguments)
        do {
            try store.backup(to: out)
        } catch let error as DatabaseError {
            throw Failure("backup failed: \(error.message)", status: 1)
        } catch {
            throw Failure("backup failed: \(error)", status: 1)
        }
        print("rrcd: backed up to \(out); restoring it gives clients a new epoch, so they re-sync")
        return 0
    }
}
