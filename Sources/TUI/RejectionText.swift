// The server's refusal of an op in the user's words. The outbox stores "message (code)";
// codes the client knows get a sentence in the interface language, the server's own
// English message is kept for what is only technical.
import Localization

public enum RejectionText {
    public static func describe(_ stored: String, tr: Localizer) -> String {
        guard stored.hasSuffix(")"), let open = stored.lastIndex(of: "(") else { return stored }
        let code = String(stored[stored.index(after: open)..<stored.index(before: stored.endIndex)])
        let message = stored[..<open].trimmingCharacters(in: .whitespaces)
        let sentence: String
        switch code {
        case "thread_locked": sentence = tr("A moderator locked this thread; the reply was not posted.")
        case "not_found": sentence = tr("The server no longer has what this refers to: it was deleted or hidden.")
        case "forbidden": sentence = tr("Your account may not do this.")
        case "id_taken", "op_id_taken": sentence = tr("The server already has something with this id.")
        case "invalid_field", "missing_field", "unknown_field":
            sentence = tr("The server could not accept it as sent:") + " " + message
        case "unknown_kind": sentence = tr("The server is older than this rrc and does not know this kind of change.")
        default: return stored
        }
        return sentence + " (" + code + ")"
    }
}
