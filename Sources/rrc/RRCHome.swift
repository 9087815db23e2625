// Where rrc keeps its files: XDG folders, or everything under one folder with RRC_HOME / --home.
import Foundation

struct RRCHome {
    let config: URL
    let data: URL
    let cache: URL

    var databaseURL: URL { data.appendingPathComponent("rrc.sqlite") }
    var attachmentsFolder: URL { cache.appendingPathComponent("files") }

    /// `--home` wins over `RRC_HOME`, which wins over the XDG variables and their defaults.
    init(option: String?, environment: [String: String]) {
        if let root = option ?? environment["RRC_HOME"].flatMap({ $0.isEmpty ? nil : $0 }) {
            let base = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL
            config = base.appendingPathComponent("config")
            data = base.appendingPathComponent("data")
            cache = base.appendingPathComponent("cache")
            return
        }
        let home = URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory(), isDirectory: true)
        func xdg(_ variable: String, _ fallback: String) -> URL {
            let value = environment[variable].flatMap { $0.hasPrefix("/") ? $0 : nil }
            return (value.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? home.appendingPathComponent(fallback))
                .appendingPathComponent("rrc")
        }
        config = xdg("XDG_CONFIG_HOME", ".config")
        data = xdg("XDG_DATA_HOME", ".local/share")
        cache = xdg("XDG_CACHE_HOME", ".cache")
    }

    /// Creates a folder readable only by the user: it holds professional discussions.
    func ensure(_ folder: URL) throws {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw CommandFailure(tr("cannot create {1}: {2}", folder.path, error.localizedDescription))
        }
    }
}
