// The ncurses backend: the only code that talks to the terminal. Draws a ScreenBuffer by
// diffing it against the last one, reads keys (UTF-8 included), survives resizes and
// always gives the terminal back as it found it.
import CNcursesw
import Foundation
import Screen
import TextLayout

public final class Terminal {
    private var previous: ScreenBuffer?
    private var palette: Palette
    private var pairs: [StyleRole: Int16] = [:]
    public private(set) var width: Int
    public private(set) var height: Int

    /// Takes over the terminal. `TerminalLocale.prepare()` must have run.
    public init(palette: Palette) {
        self.palette = palette
        // Ask the terminal for its size, never stale LINES/COLUMNS from the environment
        // (some shells export them): with those, a resize would change nothing.
        unsetenv("LINES")
        unsetenv("COLUMNS")
        // ncurses installs its resize handler only over the default disposition; a parent
        // that ignored or blocked SIGWINCH would otherwise leave us blind to resizes.
        signal(SIGWINCH, SIG_DFL)
        var resizeOnly = sigset_t()
        sigemptyset(&resizeOnly)
        sigaddset(&resizeOnly, SIGWINCH)
        sigprocmask(SIG_UNBLOCK, &resizeOnly, nil)
        initscr()
        TerminalRestore.install()
        cbreak()
        noecho()
        nonl()
        keypad(rrc_stdscr(), true)
        set_escdelay(25)
        Self.controlLeftCode = key_defined("kLFT5")
        Self.controlRightCode = key_defined("kRIT5")
        curs_set(0)
        width = Int(rrc_cols())
        height = Int(rrc_lines())
        applyPalette()
    }

    deinit { shutdown() }

    /// Gives the terminal back (idempotent).
    public func shutdown() {
        TerminalRestore.restore()
    }

    public func setPalette(_ palette: Palette) {
        self.palette = palette
        applyPalette()
        previous = nil
    }

    private func applyPalette() {
        pairs = [:]
        guard palette.usesColour, has_colors() else { return }
        start_color()
        use_default_colors()
        let colours = Int(rrc_colors())
        for (index, role) in StyleRole.allCases.enumerated() {
            let style = palette.style(role)
            func fit(_ colour: Int?) -> Int16 {
                guard let colour, colour < colours else { return -1 }
                return Int16(colour)
            }
            let pair = Int16(index + 1)
            init_pair(pair, fit(style.foreground), fit(style.background))
            pairs[role] = pair
        }
    }

    private func attributes(for role: StyleRole) -> (attr_t, Int16) {
        let style = palette.style(role)
        var attributes = rrc_a_normal()
        if style.bold { attributes |= rrc_a_bold() }
        if style.reverse { attributes |= rrc_a_reverse() }
        if style.underline { attributes |= rrc_a_underline() }
        if style.dim { attributes |= rrc_a_dim() }
        return (attributes, pairs[role] ?? 0)
    }

    /// Draws `buffer`, touching only rows that changed since the last draw.
    public func draw(_ buffer: ScreenBuffer) {
        let window = rrc_stdscr()
        for y in buffer.changedRows(since: previous) {
            var x = 0
            var currentRole: StyleRole?
            while x < buffer.width {
                let cell = buffer[x, y]
                if cell.width == 0 { x += 1; continue }
                if cell.role != currentRole {
                    let (attributes, pair) = attributes(for: cell.role)
                    wattr_set(window, attributes, pair, nil)
                    currentRole = cell.role
                }
                var characters = cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
                // The bottom-right cell makes ncurses scroll; it reports ERR but draws.
                _ = mvwaddnwstr(window, Int32(y), Int32(x), &characters, Int32(characters.count))
                x += max(1, cell.width)
            }
        }
        if let cursor = buffer.cursor, cursor.x < buffer.width, cursor.y < buffer.height {
            curs_set(1)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        wnoutrefresh(window)
        doupdate()
        previous = buffer
    }

    /// Forgets what is on screen, so the next draw repaints everything.
    public func invalidate() {
        previous = nil
        clearok(rrc_stdscr(), true)
    }

    /// Waits up to `timeoutMilliseconds` (-1: forever) for a key or a resize.
    public func nextEvent(timeoutMilliseconds: Int32) -> InputEvent? {
        let window = rrc_stdscr()
        wtimeout(window, timeoutMilliseconds)
        var value: wint_t = 0
        let result = wget_wch(window, &value)
        if result == ERR {
            // A blocking read that fails means there is no terminal any more (EOF on a
            // closed pty); looping on it would spin a core forever.
            return timeoutMilliseconds < 0 ? .closed : nil
        }
        if result == KEY_CODE_YES {
            let code = Int32(value)
            if code == KEY_MOUSE { return Self.mouseEvent() }
            if code == KEY_RESIZE {
                width = Int(rrc_cols())
                height = Int(rrc_lines())
                invalidate()
                return .resize(width: width, height: height)
            }
            return Self.functionKey(code).map(InputEvent.key)
        }
        return Self.characterKey(UInt32(value)).map(InputEvent.key)
    }

    /// Asks the terminal for wheel and button-1 presses. Presses rather than clicks, with no
    /// click interval: ncurses would otherwise hold every press back to see if a release
    /// follows, and the interface would lag behind the hand.
    public func enableMouse() {
        mousemask(rrc_button1_pressed() | rrc_button4_pressed() | rrc_button5_pressed(), nil)
        mouseinterval(0)
    }

    private static func mouseEvent() -> InputEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        if event.bstate & rrc_button4_pressed() != 0 { return .mouse(.wheelUp) }
        if event.bstate & rrc_button5_pressed() != 0 { return .mouse(.wheelDown) }
        if event.bstate & rrc_button1_pressed() != 0 { return .mouse(.press(x: Int(event.x), y: Int(event.y))) }
        return nil
    }

    /// Ctrl-arrows have no fixed codes; ncurses makes them up from terminfo's extended names.
    nonisolated(unsafe) static var controlLeftCode: Int32 = -1
    nonisolated(unsafe) static var controlRightCode: Int32 = -1

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_BTAB: .backTab
        case _ where code == controlLeftCode: .controlLeft
        case _ where code == controlRightCode: .controlRight
        default:
            (1...12).first(where: { rrc_key_f(Int32($0)) == code }).map(Key.function)
        }
    }

    static func characterKey(_ value: UInt32) -> Key? {
        switch value {
        case 10, 13: return .enter
        case 27: return .escape
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(value + 96)!))
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// Leaves curses for `body` (an external editor), then takes the screen back.
    public func suspended<T>(_ body: () throws -> T) rethrows -> T {
        def_prog_mode()
        endwin()
        defer {
            reset_prog_mode()
            invalidate()
            width = Int(rrc_cols())
            height = Int(rrc_lines())
        }
        return try body()
    }
}
