// rrcd import PATH: library content reaches the server only this way.
import ContentPack
import Foundation
import ServerStore

enum ImportCommand {
    static func run(_ arguments: Arguments) throws -> Int32 {
        try arguments.only("--db")
        guard arguments.words.count == 2 else { throw Failure("import takes one PATH (a content-pack folder)") }
        let store = try RRCDProgram.openStore(arguments)
        let report = try importPack(arguments.words[1], into: store)
        return report.problems.isEmpty ? 0 : 1
    }

    @discardableResult
    static func importPack(_ path: String, into store: ServerStore) throws -> ServerImportReport {
        let pack: ContentPackContents
        do {
            pack = try ContentPackReader.read(URL(fileURLWithPath: path))
        } catch {
            throw Failure("\(error)", status: 1)
        }
        let report = try store.importPack(pack)
        for problem in report.problems { FileHandle.standardError.write(Data("rrcd: \(problem)\n".utf8)) }
        print("rrcd: imported \(report.written) record(s), \(report.unchanged) unchanged, \(report.files) file(s)")
        return report
    }
}
