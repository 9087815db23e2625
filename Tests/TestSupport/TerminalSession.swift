// The real rrc in a real terminal (tmux), driven as a person would: send keys, then wait
// until the screen shows what a person would wait for. Never sleeps blindly.
import Foundation

public final class TerminalSession: @unchecked Sendable {
    let socket: String
    let name = "rrc"
    public private(set) var exited = false

    /// Starts `rrc arguments` in a `width`×`height` terminal with `environment` added.
    public init(arguments: [String] = [], environment: [String: String], width: Int = 100, height: Int = 30) throws {
        socket = "rrc-test-\(UUID().uuidString.prefix(8))"
        let program = ProjectPaths.program("rrc").path
        var assignments = ["LANG=C.UTF-8", "TERM=screen-256color"]  // what a program inside tmux sees
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { assignments.append("\(key)=\(Self.quote(value))") }
        // A clean environment: nothing of the test runner's (NO_COLOR, LINES…) leaks in.
        assignments.insert("PATH=/usr/bin:/bin", at: 0)
        assignments.insert("HOME=\(Self.quote(NSTemporaryDirectory()))", at: 1)
        let command = "env -i \(assignments.joined(separator: " ")) \(Self.quote(program)) \(arguments.map(Self.quote).joined(separator: " ")); echo \"[rrc exited $?]\"; sleep 600"
        try tmux(["new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), command])
    }

    deinit {
        // kill-server answers 0 and leaves this tmux (3.3a) running, with rrc inside; killing
        // the one session ends both, since the server exits with its last session.
        _ = try? tmux(["kill-session", "-t", name])
    }

    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs a tmux command on this session's own server; only capture-pane reads output.
    @discardableResult
    func tmux(_ arguments: [String], readsOutput: Bool = false) throws -> String {
        try Spawn.run("/usr/bin/tmux", ["-L", socket, "-f", "/dev/null"] + arguments, captureOutput: readsOutput).output
    }

    /// Sends keys by tmux name (`Enter`, `Escape`, `Down`, `C-d`) or literal text.
    public func press(_ keys: String...) throws {
        for key in keys { try tmux(["send-keys", "-t", name, key]) }
    }

    public func type(_ text: String) throws {
        try tmux(["send-keys", "-t", name, "-l", text])
    }

    /// The screen as text; with `escapes`, including colour and attribute sequences.
    public func screen(escapes: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", name] + (escapes ? ["-e"] : []), readsOutput: true)
    }

    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// Waits until the screen contains `text`; returns the screen, or throws with what was
    /// on screen when the time ran out.
    @discardableResult
    public func waitFor(_ text: String, timeout: Double = 10) throws -> String {
        try waitUntil(timeout: timeout, description: text) { $0.contains(text) }
    }

    @discardableResult
    public func waitUntil(timeout: Double = 10, description: String, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw ScreenTimeout(expected: description, screen: last)
    }
}

public struct ScreenTimeout: Error, CustomStringConvertible {
    public let expected: String
    public let screen: String
    public var description: String { "screen never showed \(expected.debugDescription); it showed:\n\(screen)" }
}
