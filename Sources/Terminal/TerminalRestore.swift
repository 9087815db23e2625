// Giving the terminal back on exit, Ctrl-C and crash signals. Signal handlers are free
// functions here, never closures from main.swift (those trap off the main actor).
import CNcursesw
import Foundation

enum TerminalRestore {
    nonisolated(unsafe) private static var active = false

    static func install() {
        active = true
        atexit { TerminalRestore.restore() }
        signal(SIGINT, restoreAndExit)
        signal(SIGTERM, restoreAndExit)
        signal(SIGHUP, restoreAndExit)
        for crash in [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP] {
            signal(crash, restoreAndReraise)
        }
    }

    static func restore() {
        guard active else { return }
        active = false
        endwin()
    }
}

/// Ctrl-C and termination: leave the screen clean and exit with the usual status.
private func restoreAndExit(_ signal: Int32) {
    TerminalRestore.restore()
    _exit(128 + signal)
}

/// A crash: restore the terminal, then let the signal do what it would have done.
private func restoreAndReraise(_ signalNumber: Int32) {
    TerminalRestore.restore()
    signal(signalNumber, SIG_DFL)
    raise(signalNumber)
}
