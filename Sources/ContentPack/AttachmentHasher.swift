// Finds a pack's attachment files and hashes them (SHA-256, libsodium), once per file.
import CSodium
import Foundation
import Model

public struct AttachmentHasher {
    private var cache: [String: (size: Int, sha256: String)] = [:]

    /// The attachment a pack names, with size and hash when the file is in the pack.
    /// A path that leaves the pack folder is refused; a missing file is listed by name only.
    mutating func attachment(named name: String, near folder: URL, root: URL, file: String, line: Int,
                             found: inout [String: URL]) -> (Attachment?, PackProblem?) {
        let displayName = (name as NSString).lastPathComponent
        let rootPath = root.standardizedFileURL.path
        let candidates = [folder.appendingPathComponent(name), root.appendingPathComponent(name)]
            .map { $0.standardizedFileURL.resolvingSymlinksInPath() }
        for candidate in candidates {
            let resolvedRoot = URL(fileURLWithPath: rootPath).resolvingSymlinksInPath().path
            guard candidate.path.hasPrefix(resolvedRoot + "/") else {
                return (nil, .warning(file, line, "attachment '\(name)' is outside the pack folder; left out"))
            }
            guard FileManager.default.fileExists(atPath: candidate.path) else { continue }
            if let known = cache[candidate.path] {
                return (Attachment(name: displayName, size: known.size, sha256: known.sha256), nil)
            }
            guard let digest = Self.sha256(of: candidate) else {
                return (Attachment(name: displayName, size: nil, sha256: nil),
                        .warning(file, line, "attachment '\(name)' cannot be read; listed without size"))
            }
            cache[candidate.path] = digest
            found[digest.sha256] = candidate
            return (Attachment(name: displayName, size: digest.size, sha256: digest.sha256), nil)
        }
        return (Attachment(name: displayName, size: nil, sha256: nil),
                .warning(file, line, "attachment '\(name)' is not in the pack; listed without size"))
    }

    /// Streams the file through SHA-256 so large attachments need not fit in memory.
    public static func sha256(of url: URL) -> (size: Int, sha256: String)? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        _ = sodium_init()
        var state = crypto_hash_sha256_state()
        crypto_hash_sha256_init(&state)
        var size = 0
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            size += chunk.count
            chunk.withUnsafeBytes { bytes in
                _ = crypto_hash_sha256_update(&state, bytes.bindMemory(to: UInt8.self).baseAddress, UInt64(bytes.count))
            }
        }
        var digest = [UInt8](repeating: 0, count: Int(crypto_hash_sha256_BYTES))
        crypto_hash_sha256_final(&state, &digest)
        return (size, digest.map { String(format: "%02x", $0) }.joined())
    }
}
