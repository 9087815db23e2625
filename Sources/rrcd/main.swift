// rrcd: the central server rrc syncs with. `rrcd --help` lists the commands.
import Foundation

do {
    exit(try RRCDProgram.run(Array(CommandLine.arguments.dropFirst())))
} catch let failure as Failure {
    FileHandle.standardError.write(Data("rrcd: \(failure.description)\n".utf8))
    exit(failure.status)
} catch {
    FileHandle.standardError.write(Data("rrcd: \(error)\n".utf8))
    exit(1)
}
