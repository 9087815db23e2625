// Runs the user's $VISUAL / $EDITOR on a file while the interface is suspended.
// The text goes through a 0600 file in the data folder: it holds professional discussions.
import Foundation
import TUI

enum ExternalEditor {
    /// The editor command from the environment, as the shell would run it; nil when unset.
    static func command(environment: [String: String]) -> String? {
        for variable in ["VISUAL", "EDITOR"] {
            if let value = environment[variable], !value.allSatisfy(\.isWhitespace) { return value }
        }
        return nil
    }

    /// Edits `request.text`; returns the new text, or nil with the reason.
    static func edit(_ request: EditorRequest, command: String, folder: URL) -> (text: String?, problem: String?) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            return (nil, tr("cannot create {1}", folder.path))
        }
        let file = folder.appendingPathComponent(request.name + ".md")
        guard FileManager.default.createFile(atPath: file.path, contents: Data(request.text.utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            return (nil, tr("cannot write {1}", file.path))
        }
        defer { try? FileManager.default.removeItem(at: file) }
        let status = run(command: command, file: file.path)
        guard status == 0 else {
            return (nil, status < 0 ? tr("cannot start '{1}'", command) : tr("'{1}' exited with status {2}", command, status))
        }
        guard let data = FileManager.default.contents(atPath: file.path) else { return (nil, tr("the file is gone")) }
        return (String(decoding: data, as: UTF8.self), nil)
    }

    /// `sh -c '$EDITOR "$1"'` so editor commands with options work; Ctrl-C belongs to the
    /// editor while it runs (this process ignores it, the editor gets the default).
    static func run(command: String, file: String) -> Int32 {
        var ignore = sigaction(), oldInterrupt = sigaction(), oldQuit = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        sigaction(SIGINT, &ignore, &oldInterrupt)
        sigaction(SIGQUIT, &ignore, &oldQuit)
        defer {
            sigaction(SIGINT, &oldInterrupt, nil)
            sigaction(SIGQUIT, &oldQuit, nil)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGQUIT)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
        let arguments = ["/bin/sh", "-c", command + " \"$1\"", "sh", file]
        var argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        guard posix_spawn(&pid, "/bin/sh", nil, &attributes, &argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS by hand: the macros are not imported.
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
