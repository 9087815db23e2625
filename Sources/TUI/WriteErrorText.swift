// Words for refused writes and identifier kinds, in the interface language.
import ClientStore
import Localization
import Model

enum WriteErrorText {
    static func describe(_ error: WriteError, tr: Localizer) -> String {
        switch error {
        case .emptyText: tr("There is nothing to send yet.")
        case .missingTitle: tr("A new thread needs a title.")
        case .threadLocked: tr("This thread is locked. Your text is kept as a draft.")
        case .notFound: tr("It is no longer here. Your text is kept as a draft.")
        case .notYourPost: tr("You can edit only your own posts.")
        case .hasQueuedReplies(let count):
            tr.plural("Discard its %d queued reply first.", "Discard its %d queued replies first.", count)
        case .alreadySent: tr("It has been sent already and can no longer be changed here.")
        case .deletionHasNoText: tr("A deletion has no text to edit; d discards it and keeps the post.")
        }
    }
}

/// Public: the command line names identifiers the same way.
public enum IdentifierText {
    public static func name(_ kind: IdentifierKind, tr: Localizer) -> String {
        switch kind {
        case .idNumber: tr("ID number")
        case .date: tr("date (of birth?)")
        case .phone: tr("phone number")
        case .email: tr("e-mail address")
        case .address: tr("street address")
        }
    }

    public static func placeholder(_ kind: IdentifierKind, tr: Localizer) -> String {
        switch kind {
        case .idNumber: tr("[ID number]")
        case .date: tr("[date]")
        case .phone: tr("[phone]")
        case .email: tr("[e-mail]")
        case .address: tr("[address]")
        }
    }
}
