// Reads a content-pack folder: every Markdown file becomes a record or a located problem.
import Foundation
import Markdown
import Model

/// What a pack folder holds, ready for a store to import.
public struct ContentPackContents: Sendable {
    /// Records in import order: people, forums, threads, posts, resources, guides.
    public var items: [PackItem]
    /// Warnings, and errors for files that could not be read (those files are not in `items`).
    public var problems: [PackProblem]
    /// Attachment files found in the pack, by SHA-256, for the store to copy into its cache.
    public var attachmentFiles: [String: URL]
    /// Markdown files looked at.
    public var fileCount: Int
}

public enum ContentPackReader {
    /// Reads every `*.md` file under `folder` (hidden entries and README files skipped).
    /// A single Markdown file may also be given. Never throws for a bad file — that file is
    /// reported and left out; throws only when `folder` itself cannot be read.
    public static func read(_ folder: URL, progress: ((Int, Int) -> Void)? = nil) throws -> ContentPackContents {
        let root = folder.standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory) else {
            throw ContentPackError.notFound(root.path)
        }
        let files: [(url: URL, relative: String)]
        let base: URL
        if isDirectory.boolValue {
            base = root
            files = try markdownFiles(under: root)
        } else {
            base = root.deletingLastPathComponent()
            files = [(root, root.lastPathComponent)]
        }

        var items: [PackItem] = []
        var problems: [PackProblem] = []
        var attachmentFiles: [String: URL] = [:]
        var firstFileByID: [String: String] = [:]
        var hashes = AttachmentHasher()
        items.reserveCapacity(files.count)

        for (number, file) in files.enumerated() {
            if let progress, number % 1000 == 0 { progress(number, files.count) }
            let bytes: [UInt8]
            do {
                bytes = try FileBytes.read(file.url.path)
            } catch {
                problems.append(.error(file.relative, 0, "cannot read the file: \(error.reason)"))
                continue
            }
            let document: FrontMatterDocument
            do {
                document = try FrontMatter.parse(bytes)
            } catch {
                problems.append(.error(file.relative, error.line, error.reason))
                continue
            }
            var decoder = PackFileDecoder(file: file.relative, document: document)
            let folderOfFile = file.url.deletingLastPathComponent()
            do {
                var item = try decoder.decode { name, line in
                    hashes.attachment(named: name, near: folderOfFile, root: base, file: file.relative, line: line,
                                      found: &attachmentFiles)
                }
                if case .guide(var guide) = item.record {
                    guide.sections = GuideOutline.sections(of: guide.body, introTitle: guide.title)
                    item = PackItem(record: .guide(guide), file: item.file, keyLines: item.keyLines)
                }
                if let earlier = firstFileByID[item.id] {
                    problems += decoder.warnings
                    problems.append(.error(file.relative, item.line(of: "id"), "id '\(item.id)' is already used by \(earlier)"))
                    continue
                }
                firstFileByID[item.id] = file.relative
                problems += decoder.warnings
                items.append(item)
            } catch {
                problems += decoder.warnings
                problems.append(error)
            }
        }
        progress?(files.count, files.count)
        // Stable: within a kind, files keep their path order.
        let ordered = items.enumerated().sorted {
            ($0.element.kind.importRank, $0.offset) < ($1.element.kind.importRank, $1.offset)
        }.map(\.element)
        return ContentPackContents(items: ordered, problems: problems, attachmentFiles: attachmentFiles,
                                   fileCount: files.count)
    }

    /// Every `*.md` file below `root`, sorted by path; hidden entries and README files skipped.
    /// Walks by path strings: URL resource lookups cost more than reading the files.
    static func markdownFiles(under root: URL) throws -> [(url: URL, relative: String)] {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else {
            throw ContentPackError.notFound(root.path)
        }
        var found: [(URL, String)] = []
        while let relative = enumerator.nextObject() as? String {
            let name = relative.split(separator: "/").last.map(String.init) ?? relative
            if name.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            guard name.lowercased().hasSuffix(".md"), !name.lowercased().hasPrefix("readme") else { continue }
            found.append((root.appendingPathComponent(relative, isDirectory: false), relative))
        }
        return found.sorted { $0.1 < $1.1 }
    }
}

public enum ContentPackError: Error, CustomStringConvertible {
    case notFound(String)
    public var description: String {
        switch self {
        case .notFound(let path): "no content pack at \(path) (give a folder of Markdown files)"
        }
    }
}
