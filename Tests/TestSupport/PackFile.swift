// Builds content-pack files for tests: front matter from pairs, then a body.

public enum PackFile {
    /// `---`, one `key: value` line per pair (in order), `---`, a blank line, the body.
    public static func make(_ fields: KeyValuePairs<String, String>, body: String = "") -> String {
        var text = "---\n"
        for (key, value) in fields { text += "\(key): \(value)\n" }
        text += "---\n\n" + body + "\n"
        return text
    }
}
