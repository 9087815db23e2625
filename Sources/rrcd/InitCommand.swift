// rrcd init: an empty server database.
import Foundation

enum InitCommand {
    static func run(_ arguments: Arguments) throws -> Int32 {
        try arguments.only("--db")
        let path = try arguments.require("--db")
        guard !FileManager.default.fileExists(atPath: path) else { throw Failure("\(path) exists already", status: 1) }
        let store = try RRCDProgram.openStore(arguments, create: true)
        print("rrcd: created \(path) (epoch \(try store.epoch()))")
        return 0
    }
}
