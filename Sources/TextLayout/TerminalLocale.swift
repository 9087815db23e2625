// The process locale that character widths depend on.
import CLocale

public enum TerminalLocale {
    /// Sets the locale from the environment, falling back to C.UTF-8 when that is not a
    /// UTF-8 locale: glibc's `wcwidth` answers -1 for every non-ASCII letter otherwise.
    /// Call once, first thing, before any width is measured. Returns the locale in use.
    @discardableResult
    public static func prepare() -> String {
        if let name = setlocale(LC_ALL, ""), isUTF8 { return String(cString: name) }
        for fallback in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] {
            if let name = setlocale(LC_ALL, fallback), isUTF8 { return String(cString: name) }
        }
        return "C"
    }

    public static var isUTF8: Bool {
        let codeset = String(cString: rrc_codeset()).uppercased()
        return codeset == "UTF-8" || codeset == "UTF8"
    }
}
