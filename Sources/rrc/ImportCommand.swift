// `rrc import PATH`: read a content pack into the local store.
import ClientStore
import ContentPack
import Foundation

enum ImportCommand: RRCCommand {
    static let name = "import"
    static var summary: String { tr("import a content pack (a folder of Markdown files)") }
    static var help: String {
        tr("""
        Usage: rrc import PATH [--json]

        Imports the content pack at PATH — a folder of Markdown files with front matter
        (format: docs/content-format.md) — into the local store. Importing again updates
        records in place. A file with a problem is reported as FILE:LINE: REASON and
        skipped; everything else is imported. Attachment files in the pack are copied
        into the attachment cache.

        Exit status: 0 when every file was imported, 1 when some were skipped, 2 for
        a mistake in the command.
        """)
    }

    static func run(_ arguments: [String], context: CommandContext) throws -> Int32 {
        let parsed = try ParsedArguments(arguments, command: name, options: [], flags: ["--json"])
        guard parsed.positionals.count == 1, let path = parsed.positionals.first else {
            throw UsageError(parsed.positionals.isEmpty ? tr("import needs the path of a content pack") : tr("import takes one path"), command: name)
        }
        let pack: ContentPackContents
        do {
            pack = try ContentPackReader.read(URL(fileURLWithPath: path), progress: Output.progress(tr("Reading")))
        } catch let error as ContentPackError {
            throw CommandFailure(error.description)
        }
        let store = try context.openStore()
        let report = try store.importPack(pack, progress: Output.progress(tr("Importing")))
        let copyProblems = try copyAttachments(pack.attachmentFiles, into: context.home)

        if parsed.has("--json") {
            try context.output.printJSON(ImportSummary(report: report, attachmentProblems: copyProblems))
        } else {
            for problem in report.problems { FileHandle.standardError.write(Data("\(problem)\n".utf8)) }
            for problem in copyProblems { FileHandle.standardError.write(Data(("rrc: " + tr("warning:") + " \(problem)\n").utf8)) }
            let kinds = ["resource", "guide", "forum", "thread", "post", "person"]
                .compactMap { kind in report.imported[kind].map { CountedNoun.text($0, kind) } }
            print(tr("Imported {1} of {2} files", report.importedTotal, report.fileCount) + (kinds.isEmpty ? "." : ": " + kinds.joined(separator: ", ") + "."))
            let errors = report.errors.count, warnings = report.warnings.count
            if errors > 0 { print(tr.plural("%d file was skipped; see the messages above.", "%d files were skipped; see the messages above.", errors)) }
            if warnings > 0 { print(CountedNoun.text(warnings, "warning") + ".") }
        }
        return report.errors.isEmpty ? 0 : 1
    }

    /// Copies attachments into the content-addressed cache (`cache/files/<sha256>`).
    static func copyAttachments(_ files: [String: URL], into home: RRCHome) throws -> [String] {
        guard !files.isEmpty else { return [] }
        try home.ensure(home.attachmentsFolder)
        var problems: [String] = []
        for (sha256, source) in files.sorted(by: { $0.key < $1.key }) {
            let target = home.attachmentsFolder.appendingPathComponent(sha256)
            if FileManager.default.fileExists(atPath: target.path) { continue }
            do {
                let partial = target.appendingPathExtension("part")
                try? FileManager.default.removeItem(at: partial)
                try FileManager.default.copyItem(at: source, to: partial)
                try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: partial.path)
                try FileManager.default.moveItem(at: partial, to: target)
            } catch {
                problems.append(tr("attachment {1} was not copied to the cache: {2}", source.lastPathComponent, error.localizedDescription))
            }
        }
        return problems
    }

    struct ImportSummary: Encodable {
        let imported: [String: Int]
        let files: Int
        let problems: [PackProblem]
        let attachmentProblems: [String]
        init(report: ImportReport, attachmentProblems: [String]) {
            imported = report.imported
            files = report.fileCount
            problems = report.problems
            self.attachmentProblems = attachmentProblems
        }
    }
}
