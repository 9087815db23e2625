// The safety check of DOMAIN.md: before a post is queued, find what looks like it could
// identify a child or a family — personal ID numbers, dates of birth, phone numbers, e-mail
// and street addresses — so the author can anonymise it or confirm it is fine.
// It errs towards asking: a false alarm costs one key, a missed ID number cannot be unsent.

public enum IdentifierKind: String, CaseIterable, Sendable {
    case idNumber = "id-number", date, phone, email, address
}

public struct IdentifierFinding: Equatable, Sendable {
    public var kind: IdentifierKind
    /// The matched text, as written.
    public var text: String
    /// Where it is, in characters from the start of the text.
    public var offset: Int
    public var length: Int
}

public enum IdentifierScan {
    /// Every likely identifier in `text`, in order, none overlapping.
    public static func findings(in text: String) -> [IdentifierFinding] {
        var found: [(IdentifierKind, Range<String.Index>)] = []
        func claim(_ kind: IdentifierKind, _ range: Range<String.Index>) {
            // Swift's Regex has no lookbehind: a match must not start inside a word or number.
            if range.lowerBound > text.startIndex {
                let before = text[text.index(before: range.lowerBound)]
                if before.isLetter || before.isNumber || before == "_" || before == "+" { return }
            }
            guard !found.contains(where: { $0.1.overlaps(range) }) else { return }
            found.append((kind, range))
        }
        // Most specific first: an e-mail holds digits, a date looks like a phone number.
        for match in text.matches(of: emailPattern) { claim(.email, match.range) }
        for match in text.matches(of: addressPattern) { claim(.address, match.range) }
        for match in text.matches(of: datePattern) { claim(.date, match.range) }
        for match in text.matches(of: isoDatePattern) { claim(.date, match.range) }
        for match in text.matches(of: digitRunPattern) {
            let digits = match.output.filter(\.isNumber).compactMap(\.wholeNumberValue)
            // 13 digits: Romanian CNP, ex-Yugoslav JMBG. 10 digits: Bulgarian EGN, unless it
            // starts with 0 and is not an EGN of someone born since 2000 (month + 40).
            if digits.count == 13 || (digits.count == 10 && (digits[0] != 0 || Self.isEGNOfThisCentury(digits))) {
                claim(.idNumber, match.range)
            }
        }
        for match in text.matches(of: phonePattern) {
            let digits = match.output.filter(\.isNumber).count
            if (8...15).contains(digits) { claim(.phone, match.range) }
        }
        return found.sorted { $0.1.lowerBound < $1.1.lowerBound }.map { kind, range in
            IdentifierFinding(kind: kind, text: String(text[range]),
                              offset: text.distance(from: text.startIndex, to: range.lowerBound),
                              length: text.distance(from: range.lowerBound, to: range.upperBound))
        }
    }

    /// `text` with every finding replaced by `label(kind)`, e.g. "[phone]".
    public static func anonymised(_ text: String, label: (IdentifierKind) -> String) -> String {
        var characters = Array(text)
        for finding in findings(in: text).reversed() {
            characters.replaceSubrange(finding.offset..<(finding.offset + finding.length), with: Array(label(finding.kind)))
        }
        return String(characters)
    }

    static func isEGNOfThisCentury(_ digits: [Int]) -> Bool {
        let month = digits[2] * 10 + digits[3], day = digits[4] * 10 + digits[5]
        return (41...52).contains(month) && (1...31).contains(day)
    }

    // The patterns are built per call: Regex values are not Sendable, and a post is short.
    private static var emailPattern: Regex<Substring> { /[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+/ }
    /// Day, month, four-digit year with . / or - between (the region's way of writing dates).
    private static var datePattern: Regex<Substring> {
        /(?:0?[1-9]|[12]\d|3[01])\s?[.\/\-]\s?(?:0?[1-9]|1[0-2])\s?[.\/\-]\s?(?:19|20)\d\d(?!\d)/
    }
    private static var isoDatePattern: Regex<Substring> { /(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)/ }
    /// A run of digits, allowing the spaces people put in long numbers.
    private static var digitRunPattern: Regex<Substring> { /\d(?:[ ]?\d){9,12}(?![\d\w])/ }
    /// International (+ or 00) or national (leading 0) numbers with the usual separators.
    private static var phonePattern: Regex<Substring> { /(?:\+|0)[\d\s.\/()\-]{6,22}\d/ }
    /// A street word in one of the five languages, a name, then a house number.
    private static var addressPattern: Regex<Substring> {
        /(?i)(?:str\.|strada|strad[aă]|bd\.|bulevardul|calea|aleea|șoseaua|soseaua|ul\.|ulica|улица|ул\.|бул\.|булевард|rruga|rr\.|bulevardi|street|road|avenue|ave\.|lane)\s+(?:[\w'’.\-]+\s+){0,4}?(?:nr\.?\s*|no\.?\s*|бр\.?\s*|br\.?\s*)?\d{1,4}[a-zA-Z]?(?!\d)/
    }
}
